import { test, expect, Page } from '@playwright/test';
import { choose, openSeed } from './reading-helpers';

// Phones, 360×740.

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 360×740 nothing overflows sideways, at any text size and with panels open', async ({ page }) => {
  await openSeed(page);
  expect(await overflow(page)).toBe(0);
  for (const size of ['小', '中', '大', '特大', '超大']) {
    await choose(page, '字号', size);
    expect(await overflow(page), size).toBe(0);
  }
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('button', { name: '分享' }).click();
  expect(await overflow(page)).toBe(0);
  await page.getByRole('button', { name: '目录', exact: true }).click();
  expect(await overflow(page)).toBe(0);
});

test('at 360×740 every control is at least 44×44px', async ({ page }) => {
  await openSeed(page);
  await page.getByRole('button', { name: '阅读设置' }).click();
  const targets = page.locator('button:visible, label.seg:visible, .toc-item a:visible, .breadcrumb a:visible, select:visible');
  const n = await targets.count();
  expect(n).toBeGreaterThan(15);
  for (let i = 0; i < n; i++) {
    const t = targets.nth(i);
    const box = (await t.boundingBox())!;
    const name = (await t.innerText()).trim();
    expect(box.width, name).toBeGreaterThanOrEqual(44);
    expect(box.height, name).toBeGreaterThanOrEqual(44);
  }
});

for (const elder of [false, true]) {
  test(`on a phone${elder ? ' in elder mode' : ''} a heading chosen in the drawer lands below the toolbar`, async ({ page }) => {
    await openSeed(page);
    if (elder) {
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('button', { name: '长辈模式' }).click();
      await page.getByRole('button', { name: '更多' }).click();
    }
    await page.getByRole('button', { name: '目录', exact: true }).click();
    await page.getByRole('navigation', { name: '目录' }).getByRole('link').nth(2).click();
    await expect(page.getByRole('navigation', { name: '目录' })).toBeHidden();
    const barBottom = await page.locator('.reader-bar').evaluate((b) => b.getBoundingClientRect().bottom);
    const top = await page.locator('#sec-3').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(barBottom);
    await expect(page.locator('#sec-3')).toBeFocused();
  });
}
