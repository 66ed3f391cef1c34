// The parent-page snippet from the README: size each viewer iframe to the height
// its page reports. Only messages from the viewer's origin, and only from one of
// our own iframes, are trusted.
const VIEWER_ORIGIN = new URL('embed-frame.html', document.baseURI).origin;

window.addEventListener('message', (event) => {
  if (event.origin !== VIEWER_ORIGIN) return;
  const data = event.data;
  if (!data || data.type !== 'article-viewer:resize' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-article-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${data.height}px`;
  }
});
