import { test, expect, type Page, type Route } from '@playwright/test';

// index.html carries the default article, rendered at build time by the same
// components (src/bin/prerender.rs), so it is readable before the wasm has arrived.
// The app replaces it with the same page: nothing moves, and the reader keeps their
// scroll position and focus.

const TITLE = '\u4E0B\u8DB3\u201C\u7EE3\u82B1\u201D\u529F\u592B\u505A\u597D\u57FA\u5C42\u6587\u7AE0';

/** Holds the wasm until the returned function is called. */
async function holdWasm(page: Page) {
  let held!: Route;
  const arrived = new Promise<void>((resolve) => {
    void page.route('**/*_bg.wasm', (route) => {
      held = route;
      resolve();
    });
  });
  return async () => {
    await arrived;
    await held.continue();
  };
}

const live = (page: Page) => expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeEnabled();

test('the default article is readable before the wasm, its tools disabled until the app runs', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole('navigation', { name: '\u76EE\u5F55' }).getByRole('link')).toHaveCount(4);
  await expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html' })).toBeVisible();
  await expect(page.getByRole('region', { name: '\u514D\u8D23\u58F0\u660E' })).toBeVisible();
  await release();
  await live(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('the app takes over without moving anything (no layout shift)', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as any[]) (window as any).__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto('/');
  const boxes = () => page.evaluate(() =>
    [...document.querySelectorAll('h1, .byline, .article-body p, .reader-toolbar button, .table-of-contents a')]
      .map((e) => { const r = e.getBoundingClientRect(); return `${e.textContent?.slice(0, 8)} ${r.x},${r.y},${r.width},${r.height}`; }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const before = await boxes();
  await release();
  await live(page);
  expect(await boxes()).toEqual(before);
  expect(await page.evaluate(() => (window as any).__shifts)).toEqual([]);
});

test('scroll position and keyboard focus carry over into the app', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdWasm(page);
  await page.goto('/');
  const toc = page.getByRole('navigation', { name: '\u76EE\u5F55' });
  const third = toc.getByRole('link').nth(2);
  await third.focus();
  await page.getByRole('heading', { level: 2 }).nth(2).scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  expect(y).toBeGreaterThan(300);
  await release();
  await live(page);
  expect(await page.evaluate(() => scrollY)).toBe(y);
  await expect(third).toBeFocused();
  // The scroll-spy, now running, names the section in view.
  await expect(page).toHaveURL(/#sec-\d$/);
  // Focus is on the live link now: Enter follows it through the app.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#sec-3$/);
});

test('a URL naming another article never shows the default one first', async ({ page }) => {
  // Also the spellings route::current_hash accepts: extra '#', a percent-encoded one.
  for (const url of ['/#/a/lifa-gaozhiliang', '/##/a/lifa-gaozhiliang', '/#%23/a/lifa-gaozhiliang',
    '/?src=articles/lifa-gaozhiliang.json']) {
    await page.goto('about:blank'); // a fresh load: these URLs differ only in their hash
    const release = await holdWasm(page);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(page.getByText(TITLE)).toBeHidden();
    await release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('\u4EE5\u9AD8\u8D28\u91CF\u7ACB\u6CD5\u4FDD\u969C\u548C\u4FC3\u8FDB\u9AD8\u8D28\u91CF\u53D1\u5C55');
    await page.unrouteAll();
  }
});

test('without JavaScript the default article is still there to read, with no dead buttons', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.article-body').getByRole('heading', { level: 2 })).toHaveCount(4);
  await expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeHidden();
  await context.close();
});

test('when the wasm fails, the alert goes above the article, which stays readable', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('\u9605\u8BFB\u5668\u65E0\u6CD5\u542F\u52A8');
  await expect(page.getByRole('alert')).toContainText('\u4E0B\u9762\u7684\u6587\u7AE0\u53EF\u4EE5\u7167\u5E38\u9605\u8BFB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});

test('a section link lands in the page before the wasm, and the reader keeps reading from there', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdWasm(page);
  await page.goto('/#sec-2');
  const headings = page.locator('.article-body').getByRole('heading', { level: 2 });
  await expect(headings.nth(1)).toBeInViewport();
  // Read on past it before the app starts: the app must not pull the reader back.
  await headings.nth(3).scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  await release();
  await live(page);
  // The scroll-spy names where the reader is now (the last sections share the screen).
  await expect(page).toHaveURL(/#sec-[34]$/);
  expect(await page.evaluate(() => scrollY)).toBe(y);
});

test('a breadcrumb followed before the wasm: the list page starts fresh, and so do articles opened from it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByRole('heading', { level: 2 }).nth(2).scrollIntoViewIfNeeded();
  await page.getByRole('navigation', { name: '\u5F53\u524D\u4F4D\u7F6E' }).getByRole('link', { name: '\u7406\u8BBA\u7814\u7A76' }).click();
  await expect(page).toHaveURL(/#\/list\//);
  await release();
  const list = page.getByRole('main').getByRole('link').filter({ hasText: '\u4EE5\u9AD8\u8D28\u91CF\u7ACB\u6CD5' });
  await list.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('\u4EE5\u9AD8\u8D28\u91CF\u7ACB\u6CD5\u4FDD\u969C\u548C\u4FC3\u8FDB\u9AD8\u8D28\u91CF\u53D1\u5C55');
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBe(0);
});
