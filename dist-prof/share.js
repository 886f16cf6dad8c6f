// Share links: the document in the link's fragment (#d=…), deflate-compressed (CompressionStream
// 'deflate-raw') and base64url-encoded. The fragment never reaches a server. The page calls
// window.jixiaoShare.pack(text) and .unpack(code); both resolve to strings.
(function () {
  'use strict';
  function toBase64Url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(code) {
    var text = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  function through(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }
  function supported() {
    try {
      new CompressionStream('deflate-raw');
      return true;
    } catch (e) {
      return false;
    }
  }
  window.jixiaoShare = {
    supported: supported,
    pack: function (text) {
      return through(new TextEncoder().encode(text), new CompressionStream('deflate-raw')).then(toBase64Url);
    },
    unpack: function (code) {
      return Promise.resolve().then(function () {
        return through(fromBase64Url(code), new DecompressionStream('deflate-raw'));
      }).then(function (bytes) {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      });
    },
  };
})();
