import { test, expect, Page } from '@playwright/test';
import { openArticle, stubSpeech } from './reading-helpers';

// 语音朗读, against the speech recorder of reading-helpers.ts (stubSpeech).

const spoken = (page: Page) => page.evaluate(() => (window as any).__spoken as { text: string; lang: string; rate: number; voice: string }[]);
const last = async (page: Page) => (await spoken(page)).at(-1)!;

/** Opens the article with speech recorded, scrolls to its second section and presses 朗读. */
async function readFromSectionTwo(page: Page) {
  await stubSpeech(page);
  await openArticle(page);
  await page.evaluate(() => document.getElementById('sec-2')!.scrollIntoView());
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect.poll(async () => (await last(page)).text).toBe('Part two');
}

test('朗读 starts at the section on screen, with a voice for the article language, highlighted and in view', async ({ page }) => {
  await readFromSectionTwo(page);
  const u = await last(page);
  expect(u.lang).toBe('zh-CN');
  expect(u.voice).toBe('Putonghua');
  const reading = page.locator('.is-reading');
  await expect(reading).toHaveCount(1);
  await expect(reading).toHaveText('Part two');
  await expect(reading).toBeInViewport();
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
});

test('when a paragraph ends the next one is read and highlighted', async ({ page }) => {
  await readFromSectionTwo(page);
  await page.evaluate(() => (window as any).__finish());
  await expect.poll(async () => (await last(page)).text).toMatch(/^Two P1 /);
  await expect(page.locator('.is-reading')).toContainText('Two P1 ');
  await expect(page.locator('.is-reading')).toBeInViewport();
});

test('下一段 and 上一段 move by one paragraph', async ({ page }) => {
  await stubSpeech(page);
  await openArticle(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const controls = page.getByRole('group', { name: '语音朗读' });
  await expect.poll(async () => (await last(page)).text).toMatch(/^Lead P1 /);
  await controls.getByRole('button', { name: '下一段' }).click();
  await expect.poll(async () => (await last(page)).text).toMatch(/^Lead P2 /);
  await controls.getByRole('button', { name: '下一段' }).click();
  await expect.poll(async () => (await last(page)).text).toBe('Part one');
  await controls.getByRole('button', { name: '上一段' }).click();
  await expect.poll(async () => (await last(page)).text).toMatch(/^Lead P2 /);
  await expect(page.locator('.is-reading')).toContainText('Lead P2 ');
});

test('暂停 pauses and 继续 resumes', async ({ page }) => {
  await stubSpeech(page);
  await openArticle(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  const controls = page.getByRole('group', { name: '语音朗读' });
  await controls.getByRole('button', { name: '暂停' }).click();
  await expect(controls.getByRole('button', { name: '继续' })).toBeVisible();
  await controls.getByRole('button', { name: '继续' }).click();
  await expect(controls.getByRole('button', { name: '暂停' })).toBeVisible();
  const calls = await page.evaluate(() => (window as any).__calls as string[]);
  expect(calls.filter((c) => c !== 'cancel')).toEqual(['pause', 'resume']);
});

test('语速 changes the speaking rate', async ({ page }) => {
  await stubSpeech(page);
  await openArticle(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect.poll(async () => (await last(page)).rate).toBe(1);
  await page.getByRole('combobox', { name: '语速' }).selectOption('1.5 倍');
  await expect.poll(async () => (await last(page)).rate).toBe(1.5);
  expect((await last(page)).text).toMatch(/^Lead P1 /);
});

test('停止朗读 stops the voice and removes the highlight', async ({ page }) => {
  await stubSpeech(page);
  await openArticle(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(page.locator('.is-reading')).toHaveCount(1);
  await page.getByRole('button', { name: '停止朗读' }).click();
  await expect(page.locator('.is-reading')).toHaveCount(0);
  await expect(page.getByRole('group', { name: '语音朗读' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeFocused();
  const calls = await page.evaluate(() => (window as any).__calls as string[]);
  expect(calls.at(-1)).toBe('cancel');
});

test('an English article gets an English voice', async ({ page }) => {
  await stubSpeech(page);
  const { longArticle } = await import('./reading-helpers');
  await openArticle(page, longArticle('en-GB'));
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect.poll(async () => (await last(page)).voice).toBe('English');
  expect((await last(page)).lang).toBe('en-GB');
});

test('without speechSynthesis there is no read-aloud control', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  });
  await openArticle(page);
  await expect(page.getByRole('button', { name: '分享' })).toBeVisible();
  await expect(page.getByRole('button', { name: /朗读/ })).toHaveCount(0);
});
