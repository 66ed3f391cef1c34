import { test, expect, Page } from '@playwright/test';
import { escapeCloses, openSeed, toc } from './reading-helpers';

// The phone toolbar: one row, the less used tools behind 更多, out of the way while
// reading down, back on the way up; it never covers a landed heading.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const tools = (page: Page) => page.getByRole('group', { name: '阅读工具' });

async function rowOf(page: Page) {
  const boxes = [];
  for (const b of await tools(page).getByRole('button').all()) {
    if (await b.isVisible()) boxes.push((await b.boundingBox())!);
  }
  return boxes;
}

test('at 390×844 the toolbar is one row of at most 56px', async ({ page }) => {
  await openSeed(page);
  const boxes = await rowOf(page);
  expect(boxes.length).toBeGreaterThanOrEqual(4);
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
  expect(boxes.every((b) => b.height >= 44)).toBe(true);
  const bar = (await page.locator('.reader-bar').boundingBox())!;
  expect(bar.height).toBeLessThanOrEqual(56);
});

test('in elder mode the phone toolbar is still one row, of 60px targets', async ({ page }) => {
  await openSeed(page);
  await tools(page).getByRole('button', { name: '更多' }).click();
  await page.getByRole('button', { name: '长辈模式' }).click();
  await page.keyboard.press('Escape');
  const boxes = await rowOf(page);
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
  expect(boxes.every((b) => b.height >= 60 && b.width >= 60)).toBe(true);
});

test('更多 opens the less used tools with aria-expanded; Esc closes it and the focus returns', async ({ page }) => {
  await openSeed(page);
  const more = tools(page).getByRole('button', { name: '更多' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['长辈模式', '分享', '打印', '快捷键']) await expect(page.getByRole('button', { name })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '长辈模式' })).toBeFocused();
  await escapeCloses(page, more, page.getByRole('button', { name: '打印' }));
});

test('the toolbar tucks away reading down and returns on the way up; the progress bar stays', async ({ page }) => {
  await openSeed(page);
  const bar = page.locator('.reader-bar');
  const visibleBottom = () => bar.evaluate((b) => b.getBoundingClientRect().bottom);
  await page.evaluate(() => window.scrollBy(0, 600));
  await expect.poll(visibleBottom).toBeLessThanOrEqual(6);
  await expect(page.getByRole('progressbar', { name: '阅读进度' })).toBeInViewport();
  await page.evaluate(() => window.scrollBy(0, -200));
  await expect.poll(visibleBottom).toBeGreaterThan(44);
});

test('the tucked toolbar returns when the focus moves into it', async ({ page }) => {
  await openSeed(page);
  const bar = page.locator('.reader-bar');
  await page.evaluate(() => window.scrollBy(0, 600));
  await expect.poll(() => bar.evaluate((b) => b.getBoundingClientRect().bottom)).toBeLessThanOrEqual(6);
  await tools(page).getByRole('button', { name: '更多' }).focus();
  await expect.poll(() => bar.evaluate((b) => b.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
});

test('a heading chosen in the TOC lands fully below the toolbar, shown or not', async ({ page }) => {
  await openSeed(page);
  await page.getByRole('button', { name: '目录', exact: true }).click();
  await toc(page).getByRole('link').nth(2).click();
  const heading = page.locator('#sec-3');
  await expect(heading).toBeFocused();
  const barHeight = await page.locator('.reader-bar').evaluate((b) => b.getBoundingClientRect().height);
  const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
  // Below the toolbar's full height: where it would be if it came back now.
  expect(top).toBeGreaterThanOrEqual(barHeight);
});

test('on wide screens every tool stays in the one row and there is no 更多', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSeed(page);
  await expect(tools(page).getByRole('button', { name: '更多' })).toBeHidden();
  for (const name of ['阅读设置', '长辈模式', '分享', '打印', '快捷键']) await expect(page.getByRole('button', { name })).toBeVisible();
  const boxes = await rowOf(page);
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
});
