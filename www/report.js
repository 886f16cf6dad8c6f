// Loads the report module (the page's third WebAssembly module, dist/report/: the 报告 tab's
// tables, charts, drafted text, Excel and CSV) when it is first needed, and draws reports with it.
//   jixiaoReportShow(host, text, lang, forPrint) draws the report of the jixiao/1 text into the
//     element host; resolves to true once drawn. The 报告 tab's report loads the module; the print
//     copy (forPrint) only waits for it, and is drawn when it arrives.
//   jixiaoReportForget(host) stops drawing into host; jixiaoReportPreload() loads the module.
// (The single file, jixiao.html, draws the report with the page's own module and has no loader.)
(function () {
  'use strict';
  var loading = null;
  var module = null;
  var waiting = [];
  function draw(args) {
    module.show(args[0], args[1], args[2], args[3]);
    return true;
  }
  // The module's files, next to the page.
  function fetchModule() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = new URL('report/jixiao_report.js', document.baseURI).href;
      script.onload = function () {
        // The module's script declares the global binding jixiaoReport (not a window property).
        /* global jixiaoReport */
        jixiaoReport({ module_or_path: new URL('report/jixiao_report_bg.wasm', document.baseURI).href })
          .then(function () { resolve(jixiaoReport); }, reject);
      };
      script.onerror = function () { loading = null; reject(new Error('report module not found')); };
      document.head.appendChild(script);
    });
  }
  function load() {
    if (loading) return loading;
    loading = fetchModule().then(function (loaded) {
      module = loaded;
      var pending = waiting;
      waiting = [];
      pending.forEach(function (w) {
        try {
          w.resolve(draw(w.args));
        } catch (e) {
          w.reject(e);
        }
      });
      return loaded;
    });
    loading.catch(function () {
      var pending = waiting;
      waiting = [];
      pending.forEach(function (w) { if (!w.args[3]) w.reject(new Error('report module not loaded')); });
    });
    return loading;
  }
  window.jixiaoReportShow = function (host, text, lang, forPrint) {
    if (module) {
      try {
        return Promise.resolve(draw([host, text, lang, forPrint]));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise(function (resolve, reject) {
      // The latest request for this element replaces an earlier one still waiting.
      waiting = waiting.filter(function (w) {
        if (w.args[0] !== host) return true;
        w.resolve(false);
        return false;
      });
      waiting.push({ args: [host, text, lang, forPrint], resolve: resolve, reject: reject });
      if (!forPrint) load();
    });
  };
  window.jixiaoReportForget = function (host) {
    waiting = waiting.filter(function (w) {
      if (w.args[0] !== host) return true;
      w.resolve(false);
      return false;
    });
    if (module) module.forget(host);
  };
  window.jixiaoReportPreload = function () {
    load().catch(function () {});
  };
})();
