import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

// tests/startup_rules.json is one table of the rules the page applies twice: first in
// assets/theme-init.js and assets/loader.js (before the wasm), then in the viewer.
// Each case loads the release build with the wasm held back, reads what the scripts
// did (the classes on <html>, the route, the early fetch), then lets the viewer start
// and reads what it did. tests/startup_rules.rs checks the same table natively.

type Prefs = { stored: string | null; classes: string[]; why: string };
type Url = {
  url: string;
  src: string | null;
  hash: string;
  route: unknown;
  routed: boolean;
  fetch: string | null;
  early: string | null;
  why: string;
};
const table = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../tests/startup_rules.json'), 'utf8'),
) as { prefs: Prefs[]; urls: Url[] };

/** Holds the wasm until the returned function is called. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The preference classes on <html>, sorted. */
const prefClasses = (page: Page) =>
  page.evaluate(() =>
    [...document.documentElement.classList].filter((c) => /^(theme-|text-|width-|elder$|big-cursor$)/.test(c)).sort(),
  );

/** The viewer has replaced the page rendered at build time and shows a page or an error. */
async function started(page: Page) {
  await expect(page.locator('#av-prerender')).toHaveCount(0);
  await expect(page.locator('h1, [role="alert"]').first()).toBeVisible();
}

for (const c of table.prefs) {
  test(`stored prefs ${JSON.stringify(c.stored)}: ${c.why}`, async ({ page }) => {
    if (c.stored !== null) await page.addInitScript((v) => localStorage.setItem('av:prefs', v), c.stored);
    const release = await holdWasm(page);
    await page.goto('/');
    expect(await prefClasses(page), 'theme-init.js').toEqual([...c.classes].sort());
    release();
    await started(page);
    await expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeEnabled();
    expect(await prefClasses(page), 'the viewer').toEqual([...c.classes].sort());
  });
}

for (const c of table.urls) {
  test(`${c.url}: ${c.why}`, async ({ page, baseURL }) => {
    const articles = new Set<string>();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('.json') && !u.pathname.endsWith('/index.json')) articles.add(u.href);
    });
    const release = await holdWasm(page);
    await page.goto(c.url);
    const start = await page.evaluate(() => ({
      start: (window as any).__avStart,
      early: (window as any).__avEarlyArticle?.url ?? null,
      routed: document.documentElement.classList.contains('av-routed'),
      src: new URLSearchParams(location.search).get('src'),
    }));
    expect(start.src, 'the table reads ?src= as URLSearchParams does').toBe(c.src);
    expect(start.start.hash, 'theme-init.js: the hash').toBe(c.hash);
    expect(start.start.route, 'theme-init.js: the route').toEqual(c.route);
    expect(start.routed, 'theme-init.js: the default article hidden').toBe(c.routed);
    expect(start.early, 'loader.js: the early fetch').toBe(c.early);
    release();
    await started(page);
    // The default article is in the wasm: the viewer fetches only what the table says.
    const want = c.fetch === null ? [] : [new URL(c.fetch, new URL(c.url, baseURL)).href];
    expect([...articles], 'the viewer: the article fetched').toEqual(want);
  });
}
