// Mozilla Readability (with jsdom) on each page named on the command line: one JSON
// line per page, {file, title, published, authors, source, breadcrumb, paragraphs,
// headings, images}, in the shape scripts/peers/score.py reads. Dev only.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

function decode(bytes) {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

for (const file of process.argv.slice(2)) {
  const html = decode(readFileSync(file));
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { virtualConsole });
  const r = new Readability(dom.window.document).parse() || {};
  const content = new JSDOM(`<body>${r.content || ''}</body>`, { virtualConsole }).window.document;
  const blocks = [...content.querySelectorAll('p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, div')]
    .filter((e) => ![...e.children].some((c) => /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|TABLE)$/.test(c.tagName)));
  const paragraphs = blocks
    .filter((e) => !/^H[1-6]$/.test(e.tagName))
    .map((e) => e.textContent.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  const headings = [...content.querySelectorAll('h2, h3, h4')].map((e) => e.textContent.trim()).filter(Boolean);
  console.log(JSON.stringify({
    file: basename(file),
    title: r.title || null,
    published: r.publishedTime || null,
    authors: r.byline ? [r.byline.trim()] : [],
    source: null,
    breadcrumb: [],
    paragraphs,
    headings,
    images: content.querySelectorAll('img').length,
  }));
}
