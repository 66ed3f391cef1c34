import { test, expect, Page } from '@playwright/test';
import { openArticle } from './reading-helpers';

// Footnotes: a mark is a button showing its note beside it; Esc and a click outside
// close it, the focus returns to the mark; the list stays and links back.

const article = {
  schemaVersion: 1,
  id: 'notes-1',
  title: '注释测试',
  sections: [
    {
      heading: '正文',
      blocks: [
        { type: 'paragraph', text: '健全共建共治共享的社会治理制度[1]。这是正文。' },
        { type: 'paragraph', text: '让数据多跑路、群众少跑腿[2]。' },
        { type: 'footnote', id: 'fn-1', text: '习近平:《高举中国特色社会主义伟大旗帜》,人民出版社2022年版,第54页。' },
        { type: 'footnote', id: 'fn-2', text: '参见《关于加强基层治理体系和治理能力现代化建设的意见》。' },
      ],
    },
  ],
};

const mark = (page: Page, n: number) => page.getByRole('button', { name: `注释 [${n}]` });
const note = (page: Page, n: number) => page.locator(`#fn-${n}-pop`);

test('a note mark shows its note next to it; Esc closes it and the focus stays on the mark', async ({ page }) => {
  await openArticle(page, article);
  await mark(page, 1).focus();
  await page.keyboard.press('Enter');
  await expect(note(page, 1)).toBeVisible();
  await expect(note(page, 1)).toContainText('人民出版社2022年版');
  const m = (await mark(page, 1).boundingBox())!;
  const n = (await note(page, 1).boundingBox())!;
  // Beside the mark: just below (or above) it, not centred somewhere on screen.
  expect(Math.min(Math.abs(n.y - (m.y + m.height)), Math.abs(n.y + n.height - m.y))).toBeLessThan(24);
  await page.keyboard.press('Escape');
  await expect(note(page, 1)).toBeHidden();
  await expect(mark(page, 1)).toBeFocused();
});

test('a click outside closes the note', async ({ page }) => {
  await openArticle(page, article);
  await mark(page, 2).click();
  await expect(note(page, 2)).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(note(page, 2)).toBeHidden();
});

test('the footnote list stays at the end, each note linking back to its mark', async ({ page }) => {
  await openArticle(page, article);
  const list = page.locator('p.footnote');
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText('[1]');
  await expect(list.first()).toBeVisible();
  const back = list.first().getByRole('link', { name: '返回正文注释 [1] 处' });
  await expect(back).toHaveAttribute('href', '#fnref-1');
  await back.click();
  await expect(mark(page, 1)).toBeInViewport();
  await expect(page.locator('#fnref-1')).toHaveText('[1]');
});
