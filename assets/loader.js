// Starts the viewer from an external file, so the page needs no inline script and
// runs under `script-src 'self' 'wasm-unsafe-eval'`. Trunk writes the hashed module
// and wasm names into SRI preload links (Trunk.toml sets an empty `pattern_script`,
// which drops its inline loader); we take the URLs and integrity hashes from there.
// If anything fails before the viewer runs, the page says so instead of staying blank.
const js = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');

function fail(error) {
  console.error(error);
  if (document.getElementById('av-fatal')) return;
  // The page rendered at build time is only there until the viewer starts (main.rs
  // removes it); with it gone, the viewer runs and reports its own failures.
  const prerendered = document.getElementById('av-prerender');
  if (!prerendered && document.getElementById('av-content')) return;
  const readable = prerendered && getComputedStyle(prerendered).display !== 'none';
  // The viewer's one language rule (`dom::is_english`): English when <html lang>
  // starts with "en", any case. `browser::panic`'s test holds this alert to its own.
  const en = /^en/i.test(document.documentElement.lang);
  // Over a readable article the alert goes on top and the article stays.
  const box = document.createElement(readable ? 'div' : 'main');
  box.id = 'av-fatal';
  box.className = 'error-view';
  box.setAttribute('role', 'alert');
  const h = document.createElement(readable ? 'h2' : 'h1');
  h.textContent = en ? 'The viewer could not start' : '阅读器无法启动';
  const p = document.createElement('p');
  p.textContent = readable
    ? (en
      ? 'The article below can be read, but the reading tools do not work. Check the connection and reload the page.'
      : '下面的文章可以照常阅读\uFF0C但阅读工具无法使用\uFF0C请检查网络后重新加载页面\u3002')
    : (en
      ? 'Its files failed to load or to verify. Check the connection and reload the page.'
      : '阅读器文件未能加载或未通过完整性校验,请检查网络后重新加载页面\u3002');
  const pre = document.createElement('pre');
  pre.textContent = String(error && error.message ? error.message : error);
  box.append(h, p, pre);
  if (readable) document.body.prepend(box);
  else document.body.replaceChildren(box);
}

// The article a route or `?src=` names is fetched now, while the wasm downloads and
// compiles, not after: `api::fetch_bytes` takes this response over (same URL string,
// same abort signal for its time limit) instead of starting a second request. It is
// the article the viewer fetches first (tests/startup_rules.json holds both to that)
// or nothing: only plain http(s) addresses are fetched early, and the viewer still
// checks every address itself and drops (aborts) a response it did not ask for.
function earlyArticleUrl() {
  // The route and ?src= as the viewer reads them, worked out by theme-init.js
  // (which index.html runs first).
  const { route = null, src = null } = window.__avStart ?? {};
  if (route) return route.article ? `articles/${route.article}.json` : null;
  if (src === null || !/^[\x21-\x7e]+$/.test(src)) return null;
  try {
    const { protocol } = new URL(src, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' ? src : null;
  } catch {
    return null;
  }
}
const early = earlyArticleUrl();
if (early) {
  const controller = new AbortController();
  const response = fetch(early, { signal: controller.signal });
  response.catch(() => {}); // reported by the viewer when it takes the response over
  window.__avEarlyArticle = { url: early, response, controller };
}

try {
  const { default: init } = await import(js.href);
  await init({ module_or_path: fetch(wasm.href, { integrity: wasm.integrity }) });
} catch (error) {
  fail(error);
}
