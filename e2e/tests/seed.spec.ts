import { test, expect } from '@playwright/test';

// The seed article, rendered from the JSON embedded in the release build.

test('shows the seed title, byline and four TOC links', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('下足“绣花”功夫做好基层文章');
  await expect(page).toHaveTitle('下足“绣花”功夫做好基层文章');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const crumbs = page.getByRole('navigation', { name: '当前位置' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['首页', '理论研究', '正文']);
  await expect(crumbs.getByText('正文')).toHaveAttribute('aria-current', 'page');

  await expect(page.locator('time[datetime="2024-05-19"]')).toBeVisible();
  await expect(page.getByText('佚名')).toBeVisible();
  await expect(page.getByText('甘肃人大网')).toBeVisible();

  const toc = page.getByRole('navigation', { name: '目录' });
  const links = toc.getByRole('link');
  await expect(links).toHaveCount(4);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
  }
});

test('clicking the third TOC link scrolls its heading into view and sets the hash', async ({ page }) => {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 2, name: /在做好信访工作上/ });
  await expect(heading).not.toBeInViewport();
  await page.getByRole('navigation', { name: '目录' }).getByRole('link').nth(2).click();
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(/#sec-3$/);
});

test('reloading with a section hash lands on that section', async ({ page }) => {
  await page.goto('/#sec-4');
  await expect(page.getByRole('heading', { level: 2, name: /在坚持群众路线上/ })).toBeInViewport();
});

test('footer shows the notes, the original link and the disclaimer region', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('来源：甘肃人大客户端')).toBeVisible();
  await expect(page.getByText(/王兴继（作者系甘肃省陇西县人大常委会党组成员、副主任）/)).toBeVisible();
  const original = page.getByRole('link', { name: 'http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html' });
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
  const disclaimer = page.getByRole('region', { name: '免责声明' });
  await expect(disclaimer).toContainText('本文来源于网络转载');
});

test('?src= loads another article JSON', async ({ page }) => {
  await page.goto('/?src=articles/a-000_69da94d2f4a4bc00.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('下足“绣花”功夫做好基层文章');
});

test('?src= to a missing file shows an alert with status 404 and a retry button', async ({ page }) => {
  await page.goto('/?src=articles/missing.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('HTTP 404');
  await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
});

test('a loading status is shown while the article is on its way', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/slow.json', async (route) => {
    await gate;
    await route.fulfill({ status: 404, body: '' });
  });
  await page.goto('/?src=slow.json');
  await expect(page.getByRole('status')).toHaveText('正在加载文章…');
  release();
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
});
