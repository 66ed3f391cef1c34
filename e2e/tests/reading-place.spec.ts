import { test, expect, Page } from '@playwright/test';
import { appRunning, longArticle, openArticle, openSeed, toc } from './reading-helpers';

// The reader's place: a reload, a discarded tab, back / forward return to it by
// themselves; a later visit offers to continue; places are bounded; no storage, no harm.

const SEED = 'a-000_69da94d2f4a4bc00';
const places = (page: Page) => page.evaluate(() => localStorage.getItem('av:places') ?? '');

/** How far the heading `id` sits from where a landed heading sits (its scroll-margin-top). */
const offFromLanding = (page: Page, id: string) =>
  page.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top - parseFloat(getComputedStyle(h).scrollMarginTop));

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`at ${size.width}×${size.height}, following the TOC to section 3 and reloading lands on section 3`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSeed(page);
    if (size.width < 1024) await page.getByRole('button', { name: '目录', exact: true }).click();
    await toc(page).getByRole('link').nth(2).click();
    await expect(page).toHaveURL(/\/#sec-3$/);
    await expect.poll(() => places(page)).toContain(`${SEED},sec-3,`);
    await page.reload();
    await appRunning(page);
    await expect.poll(() => offFromLanding(page, 'sec-3')).toBeGreaterThan(-3);
    expect(await offFromLanding(page, 'sec-3')).toBeLessThan(3);
    await expect(page.getByRole('region', { name: '继续阅读' })).toHaveCount(0);
  });
}

test('a discarded tab (a fresh load of the same URL with the same storage) returns to the same line', async ({ page, context }) => {
  await openArticle(page);
  // Into the middle of section 2 ("Part two"), by scrolling as a reader does.
  const two = await page.locator('#sec-2').evaluate((h) => h.getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => window.scrollTo(0, y + 600), two);
  await expect(page).toHaveURL(/#sec-2$/);
  await expect.poll(() => places(page)).toMatch(/long-1,sec-2,[1-9]/);
  const before = await page.locator('#sec-2').evaluate((h) => h.getBoundingClientRect().top);
  const url = page.url();
  await page.close();

  const again = await context.newPage();
  await again.emulateMedia({ reducedMotion: 'reduce' });
  await again.route('**/long.json', (r) => r.fulfill({ json: longArticle() }));
  await again.goto(url);
  await expect.poll(() => again.locator('#sec-2').evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeCloseTo(before, -1);
});

test('back after following a link out of the article returns to where the reader was', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/a/lifa-gaozhiliang');
  await appRunning(page);
  await page.locator('.section-heading').nth(1).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY + 40));
  await expect.poll(() => places(page)).toMatch(/^lifa-gaozhiliang,sec-\d+,-?\d+/);
  const id = (await places(page)).split(',')[1];
  const before = await page.locator(`[id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top));
  // Followed where the reader is: a plain click() would first scroll the page up to the
  // breadcrumb, and the place kept would rightly be the article's start.
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').first().dispatchEvent('click');
  await expect(page).toHaveURL(/\/list\/$/);
  await page.goBack();
  await expect(page.locator(`[id="${id}"]`)).toBeVisible();
  await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeCloseTo(before, -1);
});

test('a later visit offers 上次读到 with the section title and never jumps by itself', async ({ page }) => {
  await page.addInitScript((seed) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('av:places', `${seed},sec-3,500`);
      sessionStorage.setItem('seeded', '1');
    }
  }, SEED);
  await openSeed(page);
  const offer = page.getByRole('region', { name: '继续阅读' });
  await expect(offer).toContainText('上次读到：');
  await expect(offer).toContainText(await page.locator('#sec-3').innerText());
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await offer.getByRole('button', { name: '继续阅读' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.locator('#sec-3')).toBeFocused();
  await expect.poll(() => offFromLanding(page, 'sec-3')).toBeLessThan(0);
});

test('the offer can be dismissed', async ({ page }) => {
  await page.addInitScript((seed) => localStorage.setItem('av:places', `${seed},sec-2,0`), SEED);
  await openSeed(page);
  const offer = page.getByRole('region', { name: '继续阅读' });
  await offer.getByRole('button', { name: '关闭' }).click();
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('at most 200 articles keep a place; the least recently read is dropped', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('av:places', Array.from({ length: 200 }, (_, i) => `old-${i},sec-1,0`).join(';'));
  });
  await openArticle(page);
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#sec-2')!.getBoundingClientRect().top + scrollY));
  await expect.poll(() => places(page)).toMatch(/^long-1,sec-2,/);
  const kept = (await places(page)).split(';');
  expect(kept).toHaveLength(200);
  expect(kept).toContain('old-198,sec-1,0');
  expect(kept.some((e) => e.startsWith('old-199,'))).toBe(false);
});

test('without storage the article still opens and a reload still lands on the section in the URL', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openSeed(page);
  await toc(page).getByRole('link').nth(2).click();
  await expect(page).toHaveURL(/#sec-3$/);
  await page.reload();
  await appRunning(page);
  await expect.poll(() => offFromLanding(page, 'sec-3')).toBeGreaterThan(-3);
  expect(await offFromLanding(page, 'sec-3')).toBeLessThan(3);
  expect(errors).toEqual([]);
});
