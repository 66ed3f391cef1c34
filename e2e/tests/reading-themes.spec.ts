import { test, expect } from '@playwright/test';
import { choose, contrastOf, openSeed } from './reading-helpers';

// Themes, contrast, no flash of the wrong theme.

const THEMES = [
  { name: '浅色', cls: 'theme-light', min: 4.5 },
  { name: '护眼', cls: 'theme-sepia', min: 4.5 },
  { name: '深色', cls: 'theme-dark', min: 4.5 },
  { name: '高对比', cls: 'theme-contrast', min: 7 },
];

test('every theme is a class on <html> and keeps body text at 4.5:1, high contrast at 7:1', async ({ page }) => {
  await openSeed(page);
  for (const t of THEMES) {
    await choose(page, '主题', t.name);
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${t.cls}\\b`));
    for (const sel of ['.article-body p', '.byline', '.reading-meta', '.toc-item a', '.disclaimer p']) {
      expect(await contrastOf(page, sel), `${t.name} ${sel}`).toBeGreaterThanOrEqual(t.min);
    }
  }
});

test('跟随系统 follows prefers-color-scheme', async ({ page }) => {
  await openSeed(page);
  await choose(page, '主题', '跟随系统');
  const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('.article-viewer')!).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg()).toBe('rgb(23, 25, 28)');
  expect(await contrastOf(page, '.article-body p')).toBeGreaterThanOrEqual(4.5);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe('rgb(255, 255, 255)');
});

test('the stored theme is on <html> before the wasm runs: no flash', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('av:prefs', 'size=3;width=normal;theme=dark;elder=0'));
  // Hold the wasm forever: whatever is painted now comes from HTML, CSS and theme-init.js.
  await page.route('**/*.wasm', () => {});
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/\btheme-dark\b/);
  await expect(page.locator('html')).toHaveClass(/\btext-3\b/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(23, 25, 28)');
  // The article rendered at build time is already in the stored theme and size.
  await expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeDisabled();
  expect(await page.locator('.article-body p').first().evaluate((e) => getComputedStyle(e).fontSize)).toBe('26px');
});
