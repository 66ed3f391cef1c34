// Lighthouse performance (mobile preset, its own simulated throttling) on the viewer as
// deployed: run by scripts/bench under scripts/nginx-e2e (deploy/nginx.conf, brotli, CSP).
//
//   node e2e/bench/lighthouse.mjs <lighthouse binary> [--runs 5] [--write ../BENCHMARKS.md]
//
// Writes the medians between <!-- lighthouse:start --> and <!-- lighthouse:end -->.
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
const BASE = process.env.E2E_BASE_URL;
if (!LH || !BASE) throw new Error('usage: E2E_BASE_URL=… node lighthouse.mjs <lighthouse> [--runs N] [--write FILE]');

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run '
  + '--disable-background-networking --disable-component-update --disable-sync';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const out = path.join(os.tmpdir(), `lh-${process.pid}.json`);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  execFileSync(LH, [`${BASE}/`, '--quiet', '--only-categories=performance', `--chrome-flags=${FLAGS}`,
    '--output=json', `--output-path=${out}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'inherit' });
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  const a = r.audits;
  runs.push({
    version: r.lighthouseVersion,
    score: Math.round(r.categories.performance.score * 100),
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    si: a['speed-index'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
  });
  process.stderr.write(`lighthouse run ${i + 1}/${RUNS}: ${runs.at(-1).score}\n`);
}
fs.rmSync(out, { force: true });
const med = (k) => median(runs.map((r) => r[k]));
const ms = (v) => `${Math.round(v)} ms`;
const md = `<!-- lighthouse:start -->\nLighthouse ${runs[0].version}, mobile preset (simulated slow 4G, 4× CPU), performance only, `
  + `against dist/ served by nginx with deploy/nginx.conf; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n\n`
  + `| metric | median of ${RUNS} | runs |\n|---|---|---|\n`
  + `| performance score | ${med('score')} | ${runs.map((r) => r.score).join(', ')} |\n`
  + `| first contentful paint | ${ms(med('fcp'))} | |\n`
  + `| largest contentful paint | ${ms(med('lcp'))} | |\n`
  + `| total blocking time | ${ms(med('tbt'))} | ${runs.map((r) => Math.round(r.tbt)).join(', ')} |\n`
  + `| speed index | ${ms(med('si'))} | |\n`
  + `| cumulative layout shift | ${med('cls').toFixed(3)} | |\n<!-- lighthouse:end -->`;
console.log(md);
if (WRITE) {
  const doc = fs.readFileSync(WRITE, 'utf8');
  const re = /<!-- lighthouse:start -->[\s\S]*<!-- lighthouse:end -->/;
  if (!re.test(doc)) throw new Error(`${WRITE} has no lighthouse block`);
  fs.writeFileSync(WRITE, doc.replace(re, md));
}
