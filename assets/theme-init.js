// Sets the reader's preference classes on <html> before the stylesheets paint and
// before the wasm loads, so there is no flash of the wrong theme, and works out the
// route once for loader.js. An external file, not inline, so the page works under a
// Content-Security-Policy without 'unsafe-inline'.
// Every rule here is the viewer's too (Prefs::decode / Prefs::classes in
// src/state.rs; route::current_hash / route::parse and dom::query_src): the cases
// in tests/startup_rules.json hold both sides to one answer
// (tests/startup_rules.rs, e2e/tests/startup-rules.spec.ts).
(function () {
  // Rust's str::trim: Unicode White_Space (JavaScript's trim also takes U+FEFF).
  var ws = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  var trim = function (s) { return s.replace(ws, ''); };
  var themes = ['auto', 'light', 'sepia', 'dark', 'contrast'];
  var widths = ['narrow', 'normal', 'wide'];
  var p = { size: 1, width: 'normal', theme: 'auto', elder: false, cursor: false };
  var raw = '';
  try {
    raw = window.localStorage.getItem('av:prefs') || '';
  } catch (e) {
    // Storage unavailable (private mode, sandboxed iframe): defaults for this visit.
  }
  // `size=1;width=normal;theme=auto;elder=0`; a broken field keeps what came before.
  raw.split(';').forEach(function (pair) {
    var i = pair.indexOf('=');
    if (i < 0) return;
    var k = trim(pair.slice(0, i));
    var v = trim(pair.slice(i + 1));
    // A u8 (an optional '+', then digits, at most 255), clamped to the last step.
    if (k === 'size' && /^\+?[0-9]+$/.test(v) && Number(v) <= 255) p.size = Math.min(4, Number(v));
    else if (k === 'width' && widths.indexOf(v) >= 0) p.width = v;
    else if (k === 'theme' && themes.indexOf(v) >= 0) p.theme = v;
    else if (k === 'elder') p.elder = v === '1';
    else if (k === 'cursor') p.cursor = v === '1';
  });
  var c = document.documentElement.classList;
  c.add('js', 'theme-' + p.theme, 'text-' + p.size, 'width-' + p.width);
  if (p.elder) c.add('elder');
  // 大鼠标 changes the cursor at once; the other switches wait for the pointer.
  if (p.cursor) c.add('big-cursor');

  // route::current_hash: every leading '#' goes, then percent-decoding (kept as it
  // is when that fails).
  var hash = location.hash.replace(/^#+/, '');
  try {
    hash = decodeURIComponent(hash);
  } catch (e) {
    // Not valid percent-encoding.
  }
  // route::parse: one more '#', then `/a/<id>[/<section>]` or `/list[/<column>]`.
  var isId = function (s) { return /^[A-Za-z][A-Za-z0-9_-]*$/.test(s || ''); };
  var route = null;
  var path = hash.replace(/^#/, '');
  if (path.charAt(0) === '/') {
    var parts = path.slice(1).split('/').filter(Boolean);
    if (parts[0] === 'a' && (parts.length === 2 || parts.length === 3) && isId(parts[1])) {
      route = { article: parts[1], section: isId(parts[2]) ? parts[2] : null };
    } else if (parts[0] === 'list' && parts.length <= 2) {
      route = { list: parts[1] || null };
    }
  }
  // dom::query_src: a ?src= that is not blank.
  var src = new URLSearchParams(location.search).get('src');
  if (src !== null && trim(src) === '') src = null;
  // loader.js (which runs after this file) starts the early fetch from these.
  window.__avStart = { hash: hash, route: route, src: src };
  // index.html carries the default article rendered at build time. When the URL names
  // another page, it stays hidden, so that page never shows the wrong article first.
  if (route || src !== null) c.add('av-routed');
})();
