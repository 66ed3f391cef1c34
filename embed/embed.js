// Article viewer embed loader (stable name, not hashed). A host page adds
//   <script type="module" src="BASE/embed.js"></script>
//   <div data-article-src="URL" data-theme="dark" data-toc="off" data-lang="zh-CN"></div>
// and every such element becomes an independent viewer inside its own open shadow
// root. The hashed wasm, its JS glue and the stylesheets are found through
// embed-manifest.json, which the Trunk post_build hook (scripts/embed-manifest.sh)
// writes beside this file, so BASE can be any path on any origin.
// No inline styles, no eval, no innerHTML: works under
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.

const BASE = new URL('./', import.meta.url);
const SELECTOR = '[data-article-src]';

// Tells the wasm's main() not to render the standalone app into the host's <body>.
globalThis.__articleViewerEmbed = true;

const ready = (async () => {
  const res = await fetch(new URL('embed-manifest.json', BASE));
  if (!res.ok) throw new Error(`embed-manifest.json: HTTP ${res.status}`);
  const manifest = await res.json();
  const glue = await import(new URL(manifest.js, BASE).href);
  await glue.default({ module_or_path: new URL(manifest.wasm, BASE) });
  const abs = (list) => (list ?? []).map((c) => new URL(c, BASE).href);
  return { glue, css: abs(manifest.css) };
})();

/** element -> { src, viewer } for every mounted (or mounting) viewer */
const viewers = new Map();
let counter = 0;

function prefixFor(el) {
  if (el.dataset.idPrefix) return el.dataset.idPrefix;
  if (el.id) return `${el.id}-`;
  counter += 1;
  return `av${counter}-`;
}

function linkLoaded(link) {
  return new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve;
  });
}

async function mount(el) {
  if (viewers.has(el)) return;
  const entry = { src: el.getAttribute('data-article-src'), viewer: null };
  viewers.set(el, entry);
  let loaded;
  try {
    loaded = await ready;
  } catch (e) {
    // Never a blank box: say what failed, as text.
    if (viewers.get(el) !== entry) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = `\u6587\u7ae0\u9605\u8bfb\u5668\u52a0\u8f7d\u5931\u8d25\uff1a${e.message ?? e}`;
    root.replaceChildren(alert);
    console.error(e);
    return;
  }
  if (viewers.get(el) !== entry) return; // removed while loading
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const links = loaded.css.map((href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    return link;
  });
  root.append(...links);
  // Mount once the styles are in, so the article never flashes unstyled.
  await Promise.all(links.map(linkLoaded));
  if (viewers.get(el) !== entry) return;
  const container = document.createElement('div');
  container.className = 'av-root';
  container.setAttribute('part', 'viewer');
  if (el.dataset.lang) container.lang = el.dataset.lang;
  root.append(container);
  const src = new URL(entry.src, document.baseURI).href;
  entry.viewer = loaded.glue.mount(container, src, prefixFor(el), el.dataset.toc !== 'off', BASE.href);
}

function unmount(el) {
  const entry = viewers.get(el);
  if (!entry) return;
  viewers.delete(el);
  if (entry.viewer) {
    entry.viewer.destroy();
    entry.viewer.free();
  }
  el.shadowRoot?.replaceChildren();
}

function scan(node) {
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE) return;
  if (node.matches?.(SELECTOR)) mount(node);
  for (const el of node.querySelectorAll(SELECTOR)) mount(el);
}

const observer = new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') {
      unmount(r.target);
      if (r.target.isConnected && r.target.hasAttribute('data-article-src')) mount(r.target);
    }
    for (const n of r.addedNodes) scan(n);
  }
  // Removed, or inside a removed subtree: tear down.
  for (const el of [...viewers.keys()]) if (!el.isConnected) unmount(el);
});
observer.observe(document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['data-article-src'],
});
scan(document);

export { ready, mount, unmount };
