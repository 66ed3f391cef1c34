// A small local server for the fault tests (127.0.0.1 only). It serves ../dist with
// the deploy CSP header, so the viewer and its faults share one origin, and under
// /fault/ it misbehaves on purpose:
//   /fault/article.json      the seed article, properly
//   /fault/drop              promises 100 000 bytes, sends part of them, cuts the connection
//   /fault/drip?ms=N&n=K     sends the article in K pieces, one every N ms
//   /fault/flaky/<key>       500 on the first request for <key>, then the article
//   /fault/always500         500, every time
//   /fault/redirect          302 to /fault/article.json
//   /fault/redirect-loop     302 to itself
//   /fault/endless           an endless JSON string without Content-Length
//   /fault/hang              headers, then nothing
//   /fault/count/<key>       how many requests /fault/flaky/<key> or any ?key=<key> got
// Usage: node fault-server.mjs <port>
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.argv[2] ?? process.env.E2E_FAULT_PORT ?? 8093);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: data:; object-src 'none'; base-uri 'none'";
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const seedName = (await readdir(join(dist, 'articles'))).find((f) => f.endsWith('.json'));
const article = await readFile(join(dist, 'articles', seedName));
const counts = new Map();
const json = { 'content-type': 'application/json' };

function count(key) {
  if (!key) return 0;
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

const faults = {
  'article.json': (req, res) => res.writeHead(200, json).end(article),
  drop: (req, res) => {
    res.writeHead(200, { ...json, 'content-length': '100000' });
    res.write(article.subarray(0, 200));
    setTimeout(() => res.socket.destroy(), 50);
  },
  drip: (req, res, q) => {
    const ms = Number(q.get('ms') ?? 200);
    const n = Number(q.get('n') ?? 10);
    res.writeHead(200, json);
    const size = Math.ceil(article.length / n);
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(article.subarray(i * size, (i + 1) * size));
      if (++i >= n) {
        clearInterval(timer);
        res.end();
      }
    }, ms);
    res.on('close', () => clearInterval(timer));
  },
  flaky: (req, res, q, key) =>
    count(key) === 1
      ? res.writeHead(500, { 'content-type': 'text/plain' }).end('boom')
      : res.writeHead(200, json).end(article),
  always500: (req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  redirect: (req, res) => res.writeHead(302, { location: '/fault/article.json' }).end(),
  'redirect-loop': (req, res) => res.writeHead(302, { location: '/fault/redirect-loop' }).end(),
  endless: (req, res) => {
    res.writeHead(200, json);
    res.write('{"schemaVersion":1,"id":"endless","title":"');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  },
  hang: (req, res) => res.writeHead(200, json).write(''),
  count: (req, res, q, key) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end(String(counts.get(key) ?? 0)),
};

createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  const [, first, name, key] = url.pathname.split('/');
  if (first === 'fault') {
    const handler = faults[name];
    if (!handler) return res.writeHead(404).end();
    if (name !== 'count' && name !== 'flaky') count(url.searchParams.get('key'));
    return handler(req, res, url.searchParams, key);
  }
  const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
  try {
    const body = await readFile(join(dist, path));
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-security-policy': CSP }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`fault server on http://127.0.0.1:${port}/`));
