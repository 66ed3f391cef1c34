import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// The bundle budget, enforced on the release build in ../dist: the wasm, its JS glue,
// the loader scripts and every stylesheet index.html links, brotli-compressed.
//
// Issue 7's target is 110 KB. The viewer is not there yet (see BENCHMARKS.md for the
// measured size and the top contributors), so this is a ratchet: it fails as soon as
// the bundle grows past today's size plus a small margin. Lower it as the size drops.
const BUDGET_BYTES = 160 * 1024;
const TARGET_BYTES = 110 * 1024;

const dist = path.resolve(__dirname, '../../dist');
const br = (file: string) =>
  zlib.brotliCompressSync(fs.readFileSync(path.join(dist, file)), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;

test('the release bundle stays within its brotli budget', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:href|src)="\/?([^"]+\.(?:css|js|wasm))"/g)].map((m) => m[1]);
  const files = [...new Set([...linked, ...fs.readdirSync(dist).filter((f) => f.endsWith('_bg.wasm'))])];
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  const sizes = Object.fromEntries(files.map((f) => [f, br(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(
    `bundle (brotli): ${(total / 1024).toFixed(1)} KB; budget ${BUDGET_BYTES / 1024} KB; target ${TARGET_BYTES / 1024} KB\n` +
      Object.entries(sizes).map(([f, s]) => `  ${f}: ${s}`).join('\n'),
  );
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
