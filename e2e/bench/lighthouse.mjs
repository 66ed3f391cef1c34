// Lighthouse (mobile preset, its own simulated throttling) on the viewer as deployed:
// the site root and an article's page (`/a/<id>/`), performance, accessibility and
// SEO. Run by scripts/bench under scripts/nginx-e2e (deploy/nginx.conf, brotli, CSP).
//
//   node e2e/bench/lighthouse.mjs <lighthouse binary> [--runs 5] [--article ID]
//     [--write ../BENCHMARKS.md] [--keep DIR]
//
// --keep DIR keeps the last JSON report of each page there (lighthouse-root.json,
// lighthouse-article.json).
//
// Runs alternate the two pages. Writes the medians between <!-- lighthouse:start -->
// and <!-- lighthouse:end -->, and every accessibility or SEO audit that failed in
// any run, so a score under 100 says why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const LH = args[0];
const RUNS = Number(opt('--runs', 5));
const WRITE = opt('--write', null);
const ARTICLE = opt('--article', 'lifa-gaozhiliang');
const BASE = process.env.E2E_BASE_URL;
const KEEP = opt('--keep', null);
if (!LH || !BASE) throw new Error('usage: E2E_BASE_URL=… node lighthouse.mjs <lighthouse> [--runs N] [--article ID] [--write FILE]');

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run '
  + '--disable-background-networking --disable-component-update --disable-sync';
const CATEGORIES = ['performance', 'accessibility', 'seo'];
const PAGES = [
  { label: '`/` (the seed article)', url: `${BASE}/` },
  { label: `\`/a/${ARTICLE}/\``, url: `${BASE}/a/${encodeURIComponent(ARTICLE)}/` },
];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const out = path.join(os.tmpdir(), `lh-${process.pid}.json`);
const runs = PAGES.map(() => []);
const failed = PAGES.map(() => new Map());
const errors = PAGES.map(() => 0);
for (let i = 0; i < RUNS; i++) {
  for (const [k, p] of PAGES.entries()) {
    try {
      execFileSync(LH, [p.url, '--quiet', `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${FLAGS}`,
        '--output=json', `--output-path=${out}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'inherit' });
    } catch (e) {
      // Lighthouse sometimes fails to record its trace on a loaded machine
      // (NO_NAVSTART): the run is counted as failed and left out, not repeated.
      errors[k] += 1;
      process.stderr.write(`lighthouse run ${i + 1}/${RUNS} ${p.url} failed: ${e.message.split('\n')[0]}\n`);
      continue;
    }
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    // The last report of each page stays for reading its audits (long tasks, bootup time).
    if (KEEP) fs.copyFileSync(out, path.join(KEEP, `lighthouse-${k ? 'article' : 'root'}.json`));
    const a = r.audits;
    for (const cat of ['accessibility', 'seo']) {
      for (const ref of r.categories[cat].auditRefs) {
        const audit = a[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failed[k].set(ref.id, `${cat}: ${audit.title}`);
      }
    }
    runs[k].push({
      version: r.lighthouseVersion,
      score: Math.round(r.categories.performance.score * 100),
      a11y: Math.round(r.categories.accessibility.score * 100),
      seo: Math.round(r.categories.seo.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      si: a['speed-index'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
    });
    const last = runs[k].at(-1);
    process.stderr.write(`lighthouse run ${i + 1}/${RUNS} ${p.url}: ${last.score} / ${last.a11y} / ${last.seo}\n`);
  }
}
fs.rmSync(out, { force: true });
if (runs.some((rs) => rs.length === 0)) throw new Error('a page has no Lighthouse run that completed');
const ms = (v) => `${Math.round(v)} ms`;
const rows = [
  ['performance score', 'score', String, true],
  ['accessibility score', 'a11y', String, true],
  ['SEO score', 'seo', String, true],
  ['first contentful paint', 'fcp', ms, false],
  ['largest contentful paint', 'lcp', ms, false],
  ['total blocking time', 'tbt', ms, true],
  ['speed index', 'si', ms, false],
  ['cumulative layout shift', 'cls', (v) => v.toFixed(3), false],
];
let table = `| metric (median of the runs) | ${PAGES.map((p, k) => `${p.label}, ${runs[k].length} runs${errors[k] ? ` (${errors[k]} failed)` : ''}`).join(' | ')} |\n|---|${PAGES.map(() => '---|').join('')}\n`;
for (const [label, key, f, showRuns] of rows) {
  const cells = runs.map((rs) => {
    const m = f(median(rs.map((r) => r[key])));
    return showRuns ? `${m} (${rs.map((r) => Math.round(r[key])).join(', ')})` : m;
  });
  table += `| ${label} | ${cells.join(' | ')} |\n`;
}
const failures = PAGES.map((p, k) => [...failed[k]].map(([id, what]) => `${p.label}: \`${id}\` (${what})`)).flat();
const md = `<!-- lighthouse:start -->\nLighthouse ${runs[0][0].version}, mobile preset (simulated slow 4G, 4× CPU), `
  + `${CATEGORIES.join(', ')}, against dist/ served by nginx with deploy/nginx.conf; runs alternate the pages; `
  + `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${os.loadavg()[0].toFixed(1)} at the end.\n\n`
  + table
  + `\nAccessibility and SEO audits failed in any run: ${failures.length ? failures.join('; ') : 'none'}.\n<!-- lighthouse:end -->`;
console.log(md);
if (WRITE) {
  const doc = fs.readFileSync(WRITE, 'utf8');
  const re = /<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/;
  if (!re.test(doc)) throw new Error(`${WRITE} has no lighthouse block`);
  fs.writeFileSync(WRITE, doc.replace(re, md));
}
