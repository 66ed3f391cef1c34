import { test, expect } from '@playwright/test';
import { openArticle, toc } from './reading-helpers';

// Long articles: sections off screen are skipped by the browser (content-visibility)
// and the scroll-spy never re-measures them, yet every way of reaching a section works.

const N = 400;
const long = () => ({
  schemaVersion: 1,
  id: 'long-400',
  lang: 'zh-CN',
  title: 'Four hundred sections',
  originalUrl: 'https://example.cn/original.html',
  lead: [{ type: 'paragraph', text: 'Lead.' }],
  sections: Array.from({ length: N }, (_, i) => ({
    heading: `Section ${i + 1}`,
    blocks: Array.from({ length: 3 }, (_, j) => ({ type: 'paragraph', text: `Text ${i + 1}.${j + 1} `.repeat(30) })),
  })),
});

test('a TOC jump far down a long article lands on the section and marks it', async ({ page }) => {
  await openArticle(page, long());
  await expect(page.locator('.section-group').first()).toHaveCSS('content-visibility', 'auto');
  await toc(page).getByRole('link', { name: 'Section 300', exact: true }).click();
  await expect(page.locator('#sec-300')).toBeFocused();
  await expect(page.locator('#sec-300')).toBeInViewport();
  await expect(toc(page).locator('[aria-current="location"]')).toHaveText('300.Section 300');
  await expect(page).toHaveURL(/#sec-300$/);
});

test('scrolling a long article moves the mark section by section, and to the last at the end', async ({ page }) => {
  await openArticle(page, long());
  const current = toc(page).locator('[aria-current="location"]');
  for (const n of [120, 121, 37]) {
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), `sec-${n}`);
    await expect(current).toHaveText(`${n}.Section ${n}`);
    await expect(page).toHaveURL(new RegExp(`#sec-${n}$`));
  }
  await expect(current).toHaveCount(1);
  // Skipped groups count at an estimated height until they are laid out, so the
  // first jump to the end may fall short of it, as the End key would: go again.
  await expect.poll(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    return current.textContent();
  }).toBe(`${N}.Section ${N}`);
});

test('opening a long article at a far section lands there', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.route('**/long.json', (r) => r.fulfill({ json: long() }));
  await page.goto('/?src=long.json#sec-333');
  await expect(page.locator('#sec-333')).toBeInViewport();
  await expect(toc(page).locator('[aria-current="location"]')).toHaveText('333.Section 333');
});

test('find-in-page text of skipped sections is in the document, and print shows every section', async ({ page }) => {
  await openArticle(page, long());
  // Skipped content stays in the DOM (found by find-in-page and assistive tech).
  await expect(page.getByText('Text 399.3', { exact: false })).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const skipped = await page.locator('.section-group').evaluateAll((gs) =>
    gs.filter((g) => getComputedStyle(g).contentVisibility !== 'visible').length);
  expect(skipped).toBe(0);
});
