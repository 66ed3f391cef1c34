import { test, expect, type Page } from '@playwright/test';
import { openArticle, toc } from './reading-helpers';

// The table of contents follows the reader.

test('on wide screens the TOC is a sticky sidebar that stays on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openArticle(page);
  await expect(toc(page)).toBeVisible();
  await expect(page.getByRole('button', { name: '目录', exact: true })).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(toc(page)).toBeInViewport();
  expect(await toc(page).evaluate((n) => getComputedStyle(n).position)).toBe('sticky');
});

test('on narrow screens the TOC is a drawer behind a toggle with a live aria-expanded', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await openArticle(page);
  const toggle = page.getByRole('button', { name: '目录', exact: true });
  await expect(toggle).toHaveAttribute('aria-controls', 'av-toc');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toc(page)).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toc(page)).toBeVisible();
  await expect(toc(page).getByRole('link').first()).toBeFocused();
  await toc(page).getByRole('button', { name: '关闭目录' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toc(page)).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('entries are numbered and subsections nested in their own list', async ({ page }) => {
  await openArticle(page);
  const top = toc(page).locator(':scope > ol > li');
  await expect(top).toHaveCount(4);
  await expect(top.first().locator(':scope > a')).toContainText('1.Part one');
  await expect(top.first().locator(':scope > ol > li > a')).toHaveText('1.1.Part one A');
  await expect(top.nth(3).locator(':scope > a')).toHaveText('4.Part four');
});

test('scroll-spy marks the section being read with aria-current="location"', async ({ page }) => {
  await openArticle(page);
  const current = toc(page).locator('[aria-current="location"]');
  await page.evaluate(() => document.getElementById('sec-2')!.scrollIntoView());
  await expect(current).toHaveText('2.Part two');
  await expect(current).toHaveCount(1);
  await page.evaluate(() => document.getElementById('sec-1-1')!.scrollIntoView());
  await expect(current).toHaveText('1.1.Part one A');
});

test('at the end of the page the last, short section is the current one', async ({ page }) => {
  await openArticle(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(toc(page).locator('[aria-current="location"]')).toHaveText('4.Part four');
});

test('after a jump to a short section that cannot reach the top, that section stays current', async ({ page }) => {
  await openArticle(page);
  await toc(page).getByRole('link', { name: 'Part three' }).click();
  await expect(page.locator('#sec-3')).toBeFocused();
  await expect(toc(page).locator('[aria-current="location"]')).toHaveText('3.Part three');
  await expect(page).toHaveURL(/#sec-3$/);
});

/** Every offset the page passes through while `act` scrolls it, until the scroll ends. */
async function offsetsDuring(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as any;
    w.__offsets = [];
    const log = () => w.__offsets.push(scrollY);
    addEventListener('scroll', log);
    w.__ended = new Promise<void>((r) => addEventListener('scrollend', () => {
      removeEventListener('scroll', log);
      r();
    }, { once: true }));
  });
  await act();
  await page.evaluate(() => (window as any).__ended);
  return page.evaluate(() => (window as any).__offsets);
}

test('a TOC jump and 返回顶部 glide unless the reader prefers reduced motion; nothing else does', async ({ page }) => {
  for (const motion of ['no-preference', 'reduce'] as const) {
    await openArticle(page, undefined, motion);
    // The stylesheet animates none of the browser's own moves (a #sec-n landing).
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    const jump = await offsetsDuring(page, () => toc(page).getByRole('link', { name: 'Part four' }).click());
    // To the end of the page at once, where 返回顶部 is on screen.
    await page.evaluate(async () => {
      const end = document.documentElement.scrollHeight - innerHeight;
      if (scrollY >= end) return;
      const ended = new Promise((r) => addEventListener('scrollend', r, { once: true }));
      scrollTo({ top: end, behavior: 'instant' });
      await ended;
    });
    const top = await offsetsDuring(page, () => page.getByRole('button', { name: '返回顶部' }).click());
    expect(top.at(-1)).toBe(0);
    // A glide passes the offsets on the way; reduced motion goes there in one step.
    for (const offsets of [jump, top]) {
      if (motion === 'reduce') expect(new Set(offsets).size).toBe(1);
      else expect(new Set(offsets).size).toBeGreaterThan(2);
    }
  }
});

test('a jumped-to heading lands below the sticky toolbar', async ({ page }) => {
  await openArticle(page);
  await toc(page).getByRole('link', { name: 'Part two' }).click();
  const barBottom = await page.locator('.reader-bar').evaluate((b) => b.getBoundingClientRect().bottom);
  const top = await page.locator('#sec-2').evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(barBottom);
  expect(top - barBottom).toBeLessThan(60);
});

test('the URL hash follows the section being read without adding history entries', async ({ page }) => {
  await openArticle(page);
  const before = await page.evaluate(() => history.length);
  for (const id of ['sec-1', 'sec-1-1', 'sec-2']) {
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), id);
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
  }
  await toc(page).getByRole('link', { name: 'Part four' }).click();
  await expect(page).toHaveURL(/#sec-4$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('each heading has a copy-link button that copies the section URL', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openArticle(page);
  await page.getByRole('button', { name: '复制本节链接 Part two' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制本节链接' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/?src=long.json#sec-2`);
});

test('opening the page on a short section hash marks that section and keeps the hash', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.route('**/long.json', async (r) => r.fulfill({ json: (await import('./reading-helpers')).longArticle() }));
  await page.goto('/?src=long.json#sec-3');
  await expect(page.locator('#sec-3')).toBeInViewport();
  await expect(toc(page).locator('[aria-current="location"]')).toHaveText('3.Part three');
  await expect(page).toHaveURL(/#sec-3$/);
});
