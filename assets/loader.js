// Starts the viewer from an external file, so the page needs no inline script and
// runs under `script-src 'self' 'wasm-unsafe-eval'`. Trunk writes the hashed module
// and wasm names into SRI preload links (Trunk.toml sets an empty `pattern_script`,
// which drops its inline loader); we take the URLs and integrity hashes from there.
// If anything fails before the viewer runs, the page says so instead of staying blank.
const js = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');

function fail(error) {
  console.error(error);
  if (document.getElementById('av-fatal') || document.getElementById('av-content')) return;
  const en = /^en/i.test(document.documentElement.lang);
  const main = document.createElement('main');
  main.id = 'av-fatal';
  main.className = 'error-view';
  main.setAttribute('role', 'alert');
  const h1 = document.createElement('h1');
  h1.textContent = en ? 'The viewer could not start' : '阅读器无法启动';
  const p = document.createElement('p');
  p.textContent = en
    ? 'Its files failed to load or to verify. Check the connection and reload the page.'
    : '阅读器文件未能加载或未通过完整性校验,请检查网络后重新加载页面\u3002';
  const pre = document.createElement('pre');
  pre.textContent = String(error && error.message ? error.message : error);
  main.append(h1, p, pre);
  document.body.replaceChildren(main);
}

// The article a route or `?src=` names is fetched now, while the wasm downloads and
// compiles, not after: `api::fetch_bytes` takes this response over (same URL string,
// same abort signal for its time limit) instead of starting a second request. Only
// plain http(s) addresses are fetched early; the viewer still checks every address
// itself and drops (aborts) a response it did not ask for.
function earlyArticleUrl() {
  // As route::current_hash and route::parse do.
  let hash = location.hash.replace(/^#/, '');
  try {
    hash = decodeURIComponent(hash);
  } catch { /* kept as it is */ }
  if (hash.startsWith('/')) {
    const p = hash.slice(1).split('/').filter(Boolean);
    const isId = (s) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(s);
    if (p[0] === 'a' && (p.length === 2 || p.length === 3) && isId(p[1])) return `articles/${p[1]}.json`;
    if (p[0] === 'list' && p.length <= 2) return null;
  }
  const src = new URLSearchParams(location.search).get('src');
  if (!src || !/^[\x21-\x7e]+$/.test(src)) return null;
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
