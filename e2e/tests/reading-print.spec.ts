import { test, expect } from '@playwright/test';
import { openSeed } from './reading-helpers';

// Print button and print stylesheet.

test('打印 opens the print dialog', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__printed = 0;
    window.print = () => void (window as any).__printed++;
  });
  await openSeed(page);
  await page.getByRole('button', { name: '打印' }).click();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);
});

test('printed: no toolbar or TOC, the original link as text, headings kept with their paragraph', async ({ page }) => {
  await openSeed(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('group', { name: '阅读工具' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: '目录' })).toBeHidden();
  await expect(page.getByRole('button', { name: /复制本节链接/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '返回顶部' })).toBeHidden();
  const original = page.locator('.original-link');
  await expect(original).toBeVisible();
  await expect(original).toHaveText('原文链接：http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html');
  const breaks = await page.locator('.heading-row').first().evaluate((h) => getComputedStyle(h).breakAfter);
  expect(breaks).toBe('avoid');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('group', { name: '阅读工具' })).toBeVisible();
});
