// Sets the reader's preference classes on <html> before the stylesheets paint and
// before the wasm loads, so there is no flash of the wrong theme. Same key and
// classes as src/state.rs (Prefs::encode / Prefs::classes). An external file, not
// inline, so the page works under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  var p = { size: '1', width: 'normal', theme: 'auto', elder: '0', cursor: '0' };
  try {
    var raw = window.localStorage.getItem('av:prefs') || '';
    raw.split(';').forEach(function (pair) {
      var kv = pair.split('=');
      if (kv.length === 2 && Object.prototype.hasOwnProperty.call(p, kv[0])) p[kv[0]] = kv[1];
    });
  } catch (e) {
    // Storage unavailable (private mode, sandboxed iframe): defaults for this visit.
  }
  var size = Math.min(4, Math.max(0, parseInt(p.size, 10) || 0));
  if (!/^\d+$/.test(p.size)) size = 1;
  var themes = ['auto', 'light', 'sepia', 'dark', 'contrast'];
  var widths = ['narrow', 'normal', 'wide'];
  var c = document.documentElement.classList;
  c.add('js');
  c.add('theme-' + (themes.indexOf(p.theme) >= 0 ? p.theme : 'auto'));
  c.add('text-' + size);
  c.add('width-' + (widths.indexOf(p.width) >= 0 ? p.width : 'normal'));
  if (p.elder === '1') c.add('elder');
  // 大鼠标 changes the cursor at once; the other switches wait for the pointer.
  if (p.cursor === '1') c.add('big-cursor');
  // index.html carries the default article rendered at build time. When the URL names
  // another article (an in-app route, as route::parse reads it, or ?src=), it stays
  // hidden, so that article never shows first. Being wrong here only costs speed.
  // As route::current_hash (every leading '#', then percent-decoding) and
  // route::parse (one more '#').
  var hash = location.hash.replace(/^#+/, '');
  try {
    hash = decodeURIComponent(hash);
  } catch (e) {
    // Not valid percent-encoding: route::current_hash keeps it as it is too.
  }
  hash = hash.replace(/^#/, '');
  // loader.js (which runs after this file) reads the same hash for its early fetch.
  window.__avRouteHash = hash;
  // Any src parameter, even a blank one (the app decides what blank means).
  var src = null;
  try {
    src = new URLSearchParams(location.search).get('src');
  } catch (e) {
    src = location.search;
  }
  if (hash.charAt(0) === '/' || src !== null) c.add('av-routed');
})();
