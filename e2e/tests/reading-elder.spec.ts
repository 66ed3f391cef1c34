import { test, expect } from '@playwright/test';
import { contrastOf, openSeed } from './reading-helpers';

// 长辈模式, one switch.

test('长辈模式 gives large text, high contrast, 60px targets and quieter chrome', async ({ page }) => {
  await openSeed(page);
  const toggle = page.getByRole('button', { name: '长辈模式' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\belder\b/);

  const font = await page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(font).toBeGreaterThanOrEqual(20);
  expect(await contrastOf(page, '.article-body p')).toBeGreaterThanOrEqual(7);

  const buttons = page.getByRole('group', { name: '阅读工具' }).getByRole('button');
  for (const b of await buttons.all()) {
    if (!(await b.isVisible())) continue;
    const box = (await b.boundingBox())!;
    expect(box.width, await b.innerText()).toBeGreaterThanOrEqual(60);
    expect(box.height, await b.innerText()).toBeGreaterThanOrEqual(60);
  }
  for (const link of await page.getByRole('navigation', { name: '目录' }).getByRole('link').all()) {
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  }
  // Quieter chrome: no progress bar, no per-heading buttons, no shortcut help button.
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expect(page.getByRole('button', { name: /复制本节链接/, includeHidden: true })).toHaveCount(4);
  await expect(page.getByRole('button', { name: /复制本节链接/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '快捷键' })).toBeHidden();
});
