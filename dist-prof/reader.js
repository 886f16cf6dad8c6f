// Loads the form reader (the page's second WebAssembly module, dist/reader/) the first time a
// workbook is imported, and reads it: window.jixiaoReadForm(bytes) resolves to the reader's JSON
// answer. The single file (jixiao.html) defines the same function over its embedded copy.
(function () {
  'use strict';
  var loading = null;
  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = new URL('reader/jixiao_reader.js', document.baseURI).href;
      script.onload = function () {
        // The reader's script declares the global binding jixiaoReader (not a window property).
        /* global jixiaoReader */
        jixiaoReader({ module_or_path: new URL('reader/jixiao_reader_bg.wasm', document.baseURI).href })
          .then(function () { resolve(jixiaoReader); }, reject);
      };
      script.onerror = function () { loading = null; reject(new Error('reader not found')); };
      document.head.appendChild(script);
    });
    return loading;
  }
  window.jixiaoReadForm = function (bytes) {
    return load().then(function (reader) {
      try {
        return reader.read(bytes);
      } catch (e) {
        // A trap in the reader (a damaged workbook) leaves it unusable: load it afresh next time.
        loading = null;
        throw e;
      }
    });
  };
})();
