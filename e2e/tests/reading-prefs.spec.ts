import { test, expect } from '@playwright/test';
import { choose, openSeed } from './reading-helpers';

// Preferences persist, and storage may be missing.

test('preferences are kept in localStorage av:prefs and survive a reload', async ({ page }) => {
  await openSeed(page);
  await choose(page, '主题', '护眼');
  await choose(page, '字号', '特大');
  await choose(page, '版心宽度', '窄');
  await page.getByRole('button', { name: '长辈模式' }).click();
  expect(await page.evaluate(() => localStorage.getItem('av:prefs'))).toBe('size=3;width=narrow;theme=sepia;elder=1');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\btheme-sepia\b.*\btext-3\b.*\bwidth-narrow\b.*\belder\b/);
  await expect(page.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '阅读设置' }).click();
  await expect(page.getByRole('radio', { name: '护眼' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '特大' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '窄' })).toBeChecked();
});

test('with localStorage throwing, everything works for the visit', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openSeed(page);
  await choose(page, '主题', '深色');
  await expect(page.locator('html')).toHaveClass(/\btheme-dark\b/);
  await page.keyboard.press('+');
  await expect(page.locator('html')).toHaveClass(/\btext-2\b/);
  await page.getByRole('button', { name: '长辈模式' }).click();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  expect(errors).toEqual([]);
});
