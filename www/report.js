// Loads the page's third WebAssembly module (dist/report/: the 报告 tab's tables, charts, drafted
// text, Excel and CSV; the 情景 tab's scenarios and 需要多少) after the page's first result, and
// draws with it.
//   jixiaoReportShow(host, text, lang, forPrint) draws the report of the jixiao/1 text into the
//     element host; resolves to true once drawn. The 报告 tab's report loads the module at once;
//     the print copy (forPrint) waits for it and is drawn when it arrives.
//   jixiaoScenariosShow(host, text, lang, recording, seekPath) draws the 情景 tab likewise.
//   jixiaoModuleForget(host) stops drawing into host;
//   jixiaoReportSoon() (called once the first result is shown) fetches the module's small script
//     at once and the module at the first key or pointer press, 0.6 s later, or when printing.
// A print that comes before the module (Ctrl+P in the first second) instantiates it on the spot,
// synchronously, in the beforeprint event, so that the paper has the report too.
// (The single file, jixiao.html, draws the report with the page's own module and has no loader.)
(function () {
  'use strict';
  var glue = null;
  var loading = null;
  var instantiating = false;
  var module = null;
  var waiting = [];
  var here = function (path) { return new URL(path, document.baseURI).href; };
  function drawn(w) {
    w.draw(module);
    return true;
  }
  function ready(loaded) {
    module = loaded;
    var pending = waiting;
    waiting = [];
    pending.forEach(function (w) {
      try {
        w.resolve(drawn(w));
      } catch (e) {
        w.reject(e);
      }
    });
    return loaded;
  }
  // The module's script (it declares the global binding jixiaoReport, not a window property).
  function loadGlue() {
    if (glue) return glue;
    glue = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = here('report/jixiao_report.js');
      script.onload = function () { resolve(); };
      script.onerror = function () { glue = null; reject(new Error('report module not found')); };
      document.head.appendChild(script);
    });
    return glue;
  }
  function load() {
    if (module) return Promise.resolve(module);
    if (loading) return loading;
    loading = loadGlue().then(function () {
      return fetch(here('report/jixiao_report_bg.wasm'));
    }).then(function (response) {
      if (!response.ok) throw new Error('report module not found');
      return response.arrayBuffer();
    }).then(function (bytes) {
      return WebAssembly.compile(bytes);
    }).then(function (compiled) {
      /* global jixiaoReport */
      if (module) return module;
      instantiating = true;
      return jixiaoReport({ module_or_path: compiled }).then(function () {
        instantiating = false;
        return module || ready(jixiaoReport);
      });
    });
    loading.catch(function () {
      loading = null;
      instantiating = false;
      var pending = waiting;
      waiting = pending.filter(function (w) { return w.forPrint; });
      pending.forEach(function (w) { if (!w.forPrint) w.reject(new Error('report module not loaded')); });
    });
    return loading;
  }
  // Printing now: the module, synchronously, if its script is here (the wasm read with a
  // synchronous request, compiled and instantiated on the spot); quietly nothing where the
  // browser refuses (the print copy then says the report is still loading).
  function loadNow() {
    if (module || instantiating || typeof jixiaoReport === 'undefined') return;
    try {
      var request = new XMLHttpRequest();
      request.open('GET', here('report/jixiao_report_bg.wasm'), false);
      request.overrideMimeType('text/plain; charset=x-user-defined');
      request.send();
      if (request.status !== 200) return;
      var text = request.responseText;
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      jixiaoReport.initSync({ module: bytes });
      ready(jixiaoReport);
    } catch (e) {
      // The report arrives by the usual way; this print says it is still loading.
    }
  }
  // Draws into host with draw(module) now, or once the module is here (loading it unless the
  // view is the print copy, which waits).
  function request(host, draw, forPrint) {
    var w = { host: host, draw: draw, forPrint: forPrint };
    if (module) {
      try {
        return Promise.resolve(drawn(w));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise(function (resolve, reject) {
      // The latest request for this element replaces an earlier one still waiting.
      waiting = waiting.filter(function (other) {
        if (other.host !== host) return true;
        other.resolve(false);
        return false;
      });
      w.resolve = resolve;
      w.reject = reject;
      waiting.push(w);
      if (!forPrint) load();
    });
  }
  window.jixiaoReportShow = function (host, text, lang, forPrint) {
    return request(host, function (m) { m.show(host, text, lang, forPrint); }, forPrint);
  };
  window.jixiaoScenariosShow = function (host, text, lang, recording, seekPath) {
    return request(host, function (m) { m.show_scenarios(host, text, lang, recording, seekPath); }, false);
  };
  window.jixiaoModuleForget = function (host) {
    waiting = waiting.filter(function (w) {
      if (w.host !== host) return true;
      w.resolve(false);
      return false;
    });
    if (module) module.forget(host);
  };
  function preload() {
    load().catch(function () {});
  }
  window.jixiaoReportSoon = function () {
    var started = false;
    function start() {
      if (started) return;
      started = true;
      ['pointerdown', 'keydown', 'input', 'change'].forEach(function (type) {
        document.removeEventListener(type, start, true);
      });
      preload();
    }
    loadGlue().catch(function () {});
    ['pointerdown', 'keydown', 'input', 'change'].forEach(function (type) {
      document.addEventListener(type, start, true);
    });
    setTimeout(start, 600);
  };
  window.addEventListener('beforeprint', function () {
    loadNow();
    preload();
  });
})();
