import { test, expect } from '@playwright/test';
import { escapeCloses, openSeed } from './reading-helpers';

// The keyboard: skip link, focus rings, shortcuts (?, t, Esc) and no focus trap.

test('the skip link is the first Tab stop and moves the focus to the content', async ({ page }) => {
  await openSeed(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the focused control has a clearly visible focus ring', async ({ page }) => {
  await openSeed(page);
  const button = page.getByRole('button', { name: '阅读设置' });
  await button.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const ring = await button.evaluate((b) => {
    const s = getComputedStyle(b);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
});

test('? opens the shortcut help and Esc closes it, giving the focus back', async ({ page }) => {
  await openSeed(page);
  const help = page.getByRole('region', { name: '快捷键' });
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(page.getByRole('button', { name: '快捷键' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: '快捷键' })).toBeFocused();
});

test('t opens the TOC drawer on a narrow screen and Esc closes it', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await openSeed(page);
  const toggle = page.getByRole('button', { name: '目录', exact: true });
  await page.keyboard.press('t');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: '目录' }).getByRole('link').first()).toBeFocused();
  await escapeCloses(page, toggle, page.getByRole('navigation', { name: '目录' }));
});

test('t on a wide screen moves the focus into the TOC sidebar', async ({ page }) => {
  await openSeed(page);
  await page.keyboard.press('t');
  await expect(page.getByRole('navigation', { name: '目录' }).getByRole('link').first()).toBeFocused();
});

test('shortcuts are ignored while typing and with a modifier held', async ({ page }) => {
  await openSeed(page);
  const html = page.locator('html');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'search');
    document.body.prepend(input);
  });
  await page.getByRole('textbox', { name: 'search' }).fill('');
  await page.getByRole('textbox', { name: 'search' }).press('+');
  await page.getByRole('textbox', { name: 'search' }).press('?');
  await expect(page.getByRole('textbox', { name: 'search' })).toHaveValue('+?');
  await expect(html).toHaveClass(/\btext-1\b/);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Alt+Equal');
  await page.keyboard.press('Control+Shift+Slash');
  await expect(html).toHaveClass(/\btext-1\b/);
  await expect(page.getByRole('region', { name: '快捷键' })).toBeHidden();
  await page.keyboard.press('+');
  await expect(html).toHaveClass(/\btext-2\b/);
});

test('Tab never gets trapped: it goes through the panels and out of the page', async ({ page }) => {
  await openSeed(page);
  await page.getByRole('button', { name: '阅读设置' }).click();
  // Into the open panel, through its radios, and on.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '中', exact: true })).toBeFocused();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement === document.body || !document.hasFocus())) return;
  }
  throw new Error('focus never left the page after 80 Tabs');
});
