import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

// A JSON file with ten different mistakes (type and meaning errors) served at
// ?src=: the alert lists all ten, each with its JSON path.

const tenMistakes = readFileSync(join(__dirname, '..', 'fixtures', 'ten-mistakes.json'), 'utf8');

const PATHS = [
  '/schemaVersion',
  '/authors/0/name',
  '/keywords',
  '/sections/0/blocks/2/type',
  '/id',
  '/title',
  '/breadcrumb/0/url',
  '/published',
  '/sections/0/blocks/1/alt',
  '/sections/1/id',
];

test('a file with ten mistakes gets all ten listed with their paths', async ({ page }) => {
  await page.route('**/ten-mistakes.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: tenMistakes }),
  );
  await page.goto('/?src=ten-mistakes.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('\u6587\u7ae0\u5185\u5bb9\u672a\u901a\u8fc7\u6821\u9a8c'); // 文章内容未通过校验
  await expect(alert).toContainText('10 \u5904\u95ee\u9898'); // 10 处问题
  const items = alert.getByRole('listitem');
  await expect(items).toHaveCount(10);
  const texts = await items.allTextContents();
  expect(texts.map((t) => t.slice(0, t.indexOf(': ')))).toEqual(PATHS);
  await expect(items.nth(6)).toHaveText('/breadcrumb/0/url: scheme "javascript" is not allowed');
  await expect(page.getByRole('button', { name: '\u91cd\u8bd5' })).toBeVisible(); // 重试
});

test('a syntax error names the line and column', async ({ page }) => {
  await page.route('**/broken.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "title": ,\n}' }),
  );
  await page.goto('/?src=broken.json');
  await expect(page.getByRole('alert')).toContainText('\u7b2c 2 \u884c\u7b2c 12 \u5217'); // 第 2 行第 12 列
});

test('a newer schemaVersion says to update the viewer', async ({ page }) => {
  await page.route('**/future.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ schemaVersion: 2, id: 'a', title: 5, newThing: true }),
    }),
  );
  await page.goto('/?src=future.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('\u7248\u672c 2'); // 版本 2
  await expect(alert.getByRole('listitem')).toHaveCount(0);
});
