import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { choose, openSeed } from './reading-helpers';

// Axe at WCAG 2.1 AA in every theme, elder mode and 200% text; a
// keyboard walk through the whole page.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['跟随系统', '浅色', '护眼', '深色', '高对比']) {
  test(`axe: no WCAG 2.1 AA violations in the ${theme} theme, settings open`, async ({ page }) => {
    await openSeed(page);
    await choose(page, '主题', theme);
    expect(await axe(page)).toEqual([]);
  });
}

test('axe: no violations in a dark system with the auto theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSeed(page);
  expect(await axe(page)).toEqual([]);
});

test('axe: no violations in elder mode, share panel open', async ({ page }) => {
  await openSeed(page);
  await page.getByRole('button', { name: '长辈模式' }).click();
  await page.getByRole('button', { name: '分享' }).click();
  expect(await axe(page)).toEqual([]);
});

test('axe: no violations at 200% text with the help open', async ({ page }) => {
  await openSeed(page);
  await choose(page, '字号', '超大');
  await page.keyboard.press('?');
  expect(await axe(page)).toEqual([]);
});

test('axe: no violations on a phone with the TOC drawer open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openSeed(page);
  await page.getByRole('button', { name: '目录', exact: true }).click();
  expect(await axe(page)).toEqual([]);
});

test('the whole page can be walked by keyboard, in order, every stop visible and ringed', async ({ page }) => {
  await openSeed(page);
  const stops: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      };
    });
    if (!stop) break;
    expect(stop.visible, `${stop.name} is on screen when focused`).toBe(true);
    expect(stop.ring, `${stop.name} has a focus ring`).toBe(true);
    stops.push(stop.name);
  }
  const at = (name: string) => stops.findIndex((s) => s.startsWith(name));
  expect(stops[0]).toBe('跳到正文');
  const order = ['跳到正文', '阅读设置', '朗读', '长辈模式', '分享', '打印', '快捷键', '1.', '4.', '复制本节链接', 'http://www.gsrdw.gov.cn', '返回顶部'];
  const positions = order.map(at);
  expect(positions.every((p) => p >= 0), `stops: ${stops.join(' | ')}`).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // After the last control the focus leaves the page: nothing traps it.
  expect(stops.at(-1)).toBe('返回顶部');
});
