// iframe mode: embed-frame.html?src=URL shows one article without page chrome and
// tells its parent how tall it is, whenever that changes (load, fonts, text size):
//   parent.postMessage({ type: 'article-viewer:resize', height, src }, '*')
// height is in CSS pixels (an integer, rounded up). The message carries nothing
// secret; the parent must still check event.origin (see README).
const src = new URLSearchParams(window.location.search).get('src');
const host = document.getElementById('av-frame');
if (src) {
  host.setAttribute('data-article-src', src);
} else {
  document.getElementById('av-frame-missing').hidden = false;
}
await import('./embed.js');

let last = -1;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  window.parent.postMessage({ type: 'article-viewer:resize', height, src }, '*');
};
new ResizeObserver(post).observe(document.documentElement);
