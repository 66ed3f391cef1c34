import { test, expect } from '@playwright/test';
import { longArticle, openArticle, openSeed } from './reading-helpers';

// Reading time and length, progress, back to top.

test('the seed shows its length in characters and about 500 characters a minute', async ({ page }) => {
  await openSeed(page);
  await expect(page.getByText('全文约 1,921 字')).toBeVisible();
  await expect(page.getByText('阅读约 4 分钟')).toBeVisible();
});

test('an English article counts words', async ({ page }) => {
  const a = longArticle('en');
  a.lead = [{ type: 'paragraph', text: Array(460).fill('word').join(' ') }];
  a.sections = [];
  a.title = 'Three words here';
  await openArticle(page, a);
  await expect(page.getByText('全文约 463 词')).toBeVisible();
  await expect(page.getByText('阅读约 3 分钟')).toBeVisible();
});

test('the reading-progress bar has a live aria-valuenow', async ({ page }) => {
  await openArticle(page);
  const bar = page.getByRole('progressbar', { name: '阅读进度' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', '100');
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
});

test('返回顶部 scrolls to the top and moves the focus to the title', async ({ page }) => {
  await openArticle(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: '返回顶部' }).click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
