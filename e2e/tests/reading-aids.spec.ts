import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { choose, openArticle, openSeed, stubSpeech } from './reading-helpers';

// The elder and accessibility tools of 阅读设置: 大鼠标, 阅读辅助线, 指读, 大字幕, 重置.
// Speech goes to the recorder of reading-helpers.ts (stubSpeech).

const settings = (page: Page) => page.getByRole('button', { name: '阅读设置' });
const aid = (page: Page, name: string) => page.getByRole('switch', { name });

async function switchOn(page: Page, name: string) {
  if ((await settings(page).getAttribute('aria-expanded')) !== 'true') await settings(page).click();
  await aid(page, name).focus();
  await page.keyboard.press('Space');
  await expect(aid(page, name)).toHaveAttribute('aria-checked', 'true');
}

test('every switch works by keyboard and is kept across a reload', async ({ page }) => {
  await stubSpeech(page);
  await openSeed(page);
  for (const name of ['大鼠标', '阅读辅助线', '指读', '大字幕']) {
    await switchOn(page, name);
  }
  await page.reload();
  await settings(page).click();
  for (const name of ['大鼠标', '阅读辅助线', '指读', '大字幕']) {
    await expect(aid(page, name)).toHaveAttribute('aria-checked', 'true');
  }
});

test('大鼠标 is a large cursor image, set before the wasm runs', async ({ page }) => {
  await openSeed(page);
  await switchOn(page, '大鼠标');
  const cursor = () => page.evaluate(() => getComputedStyle(document.querySelector('.article-body p')!).cursor);
  expect(await cursor()).toContain('data:image/svg+xml');
  expect(await page.getByRole('button', { name: '阅读设置' }).evaluate((b) => getComputedStyle(b).cursor)).toContain('data:image/svg+xml');
  // Without the wasm (blocked), theme-init.js alone applies it.
  await page.route('**/*.wasm', (r) => r.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bbig-cursor\b/);
  expect(await cursor()).toContain('data:image/svg+xml');
});

test('阅读辅助线 follows the pointer, and the keyboard focus', async ({ page }) => {
  await openSeed(page);
  await switchOn(page, '阅读辅助线');
  const guide = page.locator('.reading-guide');
  const centre = () => guide.evaluate((g) => { const r = g.getBoundingClientRect(); return r.top + r.height / 2; });
  await page.mouse.move(400, 500);
  await expect.poll(centre).toBeCloseTo(500, 0);
  await page.mouse.move(400, 300);
  await expect.poll(centre).toBeCloseTo(300, 0);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => { const r = document.activeElement!.getBoundingClientRect(); return r.top + r.height / 2; });
  await expect.poll(centre).toBeCloseTo(focused, 0);
});

test('指读 speaks the sentence the pointer rests on, with the read-aloud voice', async ({ page }) => {
  await stubSpeech(page);
  await openArticle(page);
  await switchOn(page, '指读');
  await page.keyboard.press('Escape');
  const p = page.locator('.article-body p').first();
  const box = (await p.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await expect.poll(() => page.evaluate(() => (window as any).__spoken.at(-1)?.text)).toContain('Lead P1');
  const last = await page.evaluate(() => (window as any).__spoken.at(-1));
  expect(last.voice).toBe('Putonghua');
});

test('without speech synthesis there is no 指读', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as any).speechSynthesis;
    delete (window as any).SpeechSynthesisUtterance;
  });
  await openSeed(page);
  await settings(page).click();
  await expect(aid(page, '大字幕')).toBeVisible();
  await expect(aid(page, '指读')).toHaveCount(0);
});

test('大字幕 shows the sentence being read aloud in very large type', async ({ page }) => {
  await stubSpeech(page);
  await openSeed(page);
  await switchOn(page, '大字幕');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const bar = page.locator('.caption-bar');
  const spoken: string = await page.evaluate(() => (window as any).__spoken.at(-1).text);
  const first = spoken.split(/(?<=[。！？；!?;\n])/)[0].trim();
  await expect(bar).toHaveText(first);
  expect(await bar.evaluate((b) => parseFloat(getComputedStyle(b).fontSize))).toBeGreaterThanOrEqual(32);
  await expect(bar).toBeInViewport();
  // The engine moves on to the next sentence.
  if (spoken.length > first.length + 1) {
    await page.evaluate((i) => (window as any).__boundary(i), first.length + 1);
    await expect(bar).not.toHaveText(first);
  }
});

test('大字幕 shows the text the pointer rests on', async ({ page }) => {
  await openSeed(page);
  await switchOn(page, '大字幕');
  await page.keyboard.press('Escape');
  const h = page.locator('#sec-2');
  await h.scrollIntoViewIfNeeded();
  const box = (await h.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await expect(page.locator('.caption-bar')).toContainText((await h.innerText()).slice(0, 6));
});

test('重置 returns every reading setting to its default', async ({ page }) => {
  await openSeed(page);
  await choose(page, '字号', '特大');
  await choose(page, '主题', '深色');
  await switchOn(page, '大鼠标');
  await switchOn(page, '阅读辅助线');
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByRole('radio', { name: '中', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: '跟随系统' })).toBeChecked();
  await expect(aid(page, '大鼠标')).toHaveAttribute('aria-checked', 'false');
  await expect(aid(page, '阅读辅助线')).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator('html')).not.toHaveClass(/big-cursor|theme-dark|text-3/);
  expect(await page.evaluate(() => localStorage.getItem('av:prefs'))).toBe('size=1;width=normal;theme=auto;elder=0');
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
for (const theme of ['跟随系统', '浅色', '护眼', '深色', '高对比']) {
  test(`axe: no violations with every switch on in the ${theme} theme, the caption showing`, async ({ page }) => {
    await stubSpeech(page);
    await openSeed(page);
    await choose(page, '主题', theme);
    for (const name of ['大鼠标', '阅读辅助线', '指读', '大字幕']) await switchOn(page, name);
    await page.keyboard.press('Escape');
    const p = page.locator('.article-body p').first();
    const box = (await p.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await expect(page.locator('.caption-bar')).not.toBeEmpty();
    const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('with every switch on, under the deploy CSP, nothing is refused (the cursor is a data: image)', async ({ page }) => {
  const CSP =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' https: data:; object-src 'none'; base-uri 'none'";
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    localStorage.setItem('av:prefs', 'size=1;width=normal;theme=auto;elder=0;cursor=1;guide=1;point=1;caption=1');
  });
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  await openSeed(page);
  const box = (await page.locator('.article-body p').first().boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await expect(page.locator('.caption-bar')).not.toBeEmpty();
  expect(await page.locator('.reading-guide').evaluate((g) => getComputedStyle(g).transform)).not.toBe('none');
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
});
