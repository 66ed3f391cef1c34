import { test, expect, Page } from '@playwright/test';
import { choose, openSeed } from './reading-helpers';

// Text size, line and paragraph spacing, content width.

const SIZES = ['小', '中', '大', '特大', '超大'];

const bodyMetrics = (page: Page) =>
  page.locator('.article-body p').first().evaluate((p) => {
    const s = getComputedStyle(p);
    return {
      font: parseFloat(s.fontSize),
      line: parseFloat(s.lineHeight),
      after: parseFloat(s.marginBottom),
    };
  });

test('five text sizes 小 to 超大 from 100% to 200%, body never under 16px', async ({ page }) => {
  await openSeed(page);
  await page.getByRole('button', { name: '阅读设置' }).click();
  const group = page.getByRole('group', { name: '字号' });
  await expect(group.getByRole('radio')).toHaveCount(5);
  const sizes: number[] = [];
  for (const name of SIZES) {
    await group.getByRole('radio', { name, exact: true }).check();
    sizes.push((await bodyMetrics(page)).font);
  }
  expect(sizes).toEqual([16, 18, 22, 26, 32]);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  expect(sizes[sizes.length - 1] / sizes[0]).toBe(2);
});

test('line spacing is at least 1.5 and paragraph spacing at least 1.3 times it at every size', async ({ page }) => {
  await openSeed(page);
  for (const name of SIZES) {
    await choose(page, '字号', name);
    const m = await bodyMetrics(page);
    expect(m.line / m.font, `line height at ${name}`).toBeGreaterThanOrEqual(1.5);
    // Paragraph spacing, baseline to baseline across the paragraph break.
    expect((m.line + m.after) / m.line, `paragraph spacing at ${name}`).toBeGreaterThanOrEqual(1.3);
  }
});

test('the + and - keys step the text size', async ({ page }) => {
  await openSeed(page);
  expect((await bodyMetrics(page)).font).toBe(18);
  await page.keyboard.press('+');
  await expect.poll(async () => (await bodyMetrics(page)).font).toBe(22);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => (await bodyMetrics(page)).font).toBe(16);
  await page.getByRole('button', { name: '阅读设置' }).click();
  await expect(page.getByRole('radio', { name: '小', exact: true })).toBeChecked();
});

test('content width narrow, normal and wide changes the measure', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openSeed(page);
  const width = () => page.locator('article.article').evaluate((a) => a.getBoundingClientRect().width);
  const widths: number[] = [];
  for (const name of ['窄', '标准', '宽']) {
    await choose(page, '版心宽度', name);
    widths.push(await width());
  }
  expect(widths[0]).toBeLessThan(widths[1]);
  expect(widths[1]).toBeLessThan(widths[2]);
});
