import { test, expect } from '@playwright/test';
import { openSeed } from './reading-helpers';

// Chinese typography: justified, CJK spacing where supported, full-width punctuation.

test('body text is justified, trims line-start punctuation and spaces Chinese from Latin', async ({ page }) => {
  await openSeed(page);
  const s = await page.locator('.article-body p').first().evaluate((p) => {
    const c = getComputedStyle(p) as any;
    return { align: c.textAlign, trim: c.textSpacingTrim, autospace: c.textAutospace, hang: c.hangingPunctuation };
  });
  expect(s.align).toBe('justify');
  expect(s.trim).toBe('space-first');
  expect(s.autospace).toBe('normal');
  expect(s.hang ?? 'none').toBe('none');
});

test('the seed, imported from its portal page, has full-width punctuation between Chinese text', async ({ page }) => {
  await openSeed(page);
  const body = await page.locator('.article-body').innerText();
  expect(body).toContain('基层强则国家强，基层安则天下安');
  expect(body).not.toMatch(/[\u4e00-\u9fff][,;:?!][\u4e00-\u9fff]/);
});
