import { test, expect } from '@playwright/test';
import { openSeed } from './reading-helpers';

// Chinese typography: justified, CJK spacing where supported, full-width punctuation.

test('body text is justified, trims line-start punctuation and spaces Chinese from Latin', async ({ page }) => {
  await openSeed(page);
  const s = await page.locator('.article-body p').first().evaluate((p) => {
    const c = getComputedStyle(p) as any;
    return { align: c.textAlign, trim: c.textSpacingTrim, autospace: c.textAutospace };
  });
  expect(s.align).toBe('justify');
  expect(s.trim).toBe('space-first');
  expect(s.autospace).toBe('normal');
});

// A half-width mark between two Chinese characters, or after one before a space or
// an opening bracket: what the importers and the viewer's own words never write.
const HALF = /[\u4e00-\u9fff][,;:?!(][\u4e00-\u9fff ]/;

test('the seed page, imported text and the viewer’s own words, has full-width punctuation between Chinese text', async ({ page }) => {
  await openSeed(page);
  expect(await page.locator('.article-body').innerText()).toContain('基层强则国家强，基层安则天下安');
  // Everything on the page: the body, byline, toolbar, TOC, footer, disclaimer.
  expect(await page.locator('body').innerText()).not.toMatch(HALF);
});

test('a load error is worded with full-width punctuation', async ({ page }) => {
  await page.goto('/?src=missing.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('：找不到该文章');
  expect(await alert.innerText()).not.toMatch(HALF);
  expect(await alert.innerText()).toContain('HTTP 404');
});
