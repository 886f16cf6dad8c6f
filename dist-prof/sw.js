// jixiao's service worker: keeps the page's own files, so that after the first visit the page
// opens and works with no network. The page itself is fetched network-first (a new version is
// picked up on the next load), everything else from the cache of this version.
// scripts/bundle-single-file.mjs writes dist/sw.js from this file with the version and the files.
'use strict';
var VERSION = "2ed055578b6b8d8c";
var FILES = ["./","./icon-192.png","./icon-512.png","./icon.svg","./jixiao-web-654dc6eaea53735a.js","./jixiao-web-654dc6eaea53735a_bg.wasm","./manifest.webmanifest","./reader.js","./reader/jixiao_reader.js","./reader/jixiao_reader_bg.wasm","./share.js","./style-ce8782371d5c389.css"];
var CACHE = 'jixiao-' + VERSION;
var PAGE = new URL('./', self.location).href;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf('jixiao-') === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(PAGE, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(PAGE);
    }));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then(function (hit) {
    return hit || fetch(request);
  }));
});
