import { test, expect, type Locator, type Page } from '@playwright/test';

// Three viewers on demo-portal.html, a page with hostile global CSS and a sticky header.

const PROPS = ['fontSize', 'color', 'lineHeight', 'display', 'textIndent', 'fontFamily', 'fontWeight'] as const;

async function styles(loc: Locator): Promise<Record<string, string>> {
  return loc.evaluate((el, props) => {
    const cs = getComputedStyle(el) as unknown as Record<string, string>;
    return Object.fromEntries(props.map((p) => [p, cs[p]]));
  }, PROPS as unknown as string[]);
}

/** The elements whose look the issue names, found by role inside `scope`. */
function parts(scope: Locator | Page) {
  return {
    title: scope.getByRole('heading', { level: 1 }),
    section: scope.getByRole('main').getByRole('heading', { level: 2 }).first(),
    paragraph: scope.locator('.article-body').getByRole('paragraph').first(),
    crumbs: scope.getByRole('navigation', { name: '当前位置' }),
  };
}

async function standaloneStyles(page: Page, id: string) {
  await page.goto(`/#/a/${id}`);
  const p = parts(page);
  await expect(p.title).toBeVisible();
  return {
    title: await styles(p.title),
    section: await styles(p.section),
    paragraph: await styles(p.paragraph),
    crumbs: await styles(p.crumbs),
  };
}

const VIEWERS = [
  { host: '#viewer-a', id: 'lifa-gaozhiliang', title: '以高质量立法保障和促进高质量发展' },
  { host: '#viewer-b', id: 'a-000_69da94d2f4a4bc00', title: '下足“绣花”功夫做好基层文章', dark: true },
  { host: '#viewer-c', id: 'shui-zhifa-jiancha', title: '市人大常委会开展水污染防治法执法检查' },
];

for (const v of VIEWERS) {
  test(`${v.host} renders its own article and looks as on the standalone page`, async ({ page }) => {
    const expected = await standaloneStyles(page, v.id);
    await page.goto('/demo-portal.html');
    const viewer = page.locator(v.host);
    const p = parts(viewer);
    await expect(p.title).toHaveText(v.title);
    for (const [name, loc] of Object.entries(p)) {
      const got = await styles(loc);
      const want = { ...expected[name as keyof typeof expected] };
      if (v.dark) {
        // data-theme="dark": only the colour differs.
        expect(got.color, name).not.toBe(want.color);
        delete want.color;
        delete got.color;
      }
      expect(got, name).toEqual(want);
    }
    await expect(p.section).toBeVisible();
    if (v.dark) {
      // The dark theme's palette (variables.css), as reading-themes.spec checks it on
      // the standalone page.
      const bg = await viewer.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.av-root')!).backgroundColor);
      expect(bg).toBe('rgb(23, 25, 28)');
    }
  });
}

test('the host page keeps its own computed styles', async ({ page }) => {
  const hostParts = (pg: Page) => ({
    intro: pg.getByText('本页模拟一个带全局样式'),
    hidden: pg.locator('h2.portal-section'),
    title: pg.getByRole('heading', { level: 1, name: '理论学习专栏' }),
    header: pg.getByRole('banner'),
    navLink: pg.getByRole('navigation', { name: '门户导航' }).getByRole('link').first(),
  });
  // Without the viewer: the page as its own CSS alone makes it.
  await page.route('**/embed.js', (r) => r.abort());
  await page.goto('/demo-portal.html');
  const before: Record<string, Record<string, string>> = {};
  for (const [k, loc] of Object.entries(hostParts(page))) before[k] = await styles(loc);
  expect(before.intro.color).toBe('rgb(255, 0, 0)');
  expect(before.hidden.display).toBe('none');

  await page.unroute('**/embed.js');
  await page.goto('/demo-portal.html');
  await expect(page.locator('#viewer-c').getByRole('heading', { level: 1 })).toBeVisible();
  for (const [k, loc] of Object.entries(hostParts(page))) {
    expect(await styles(loc), k).toEqual(before[k]);
  }
});

test('section ids are namespaced per viewer and TOC links scroll inside it, below the sticky header', async ({ page }) => {
  await page.goto('/demo-portal.html');
  const a = page.locator('#viewer-a');
  const c = page.locator('#viewer-c');
  await expect(c.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(a.locator('h2#viewer-a-sec-3')).toHaveCount(1);
  await expect(c.locator('[part="viewer"]')).toHaveAttribute('lang', 'zh-CN'); // data-lang
  await expect(c.locator('h2#viewer-c-sec-3')).toHaveCount(1);

  const target = c.getByRole('heading', { level: 2, name: '推动法律全面有效实施' });
  await c.getByRole('navigation', { name: '目录' }).getByRole('link', { name: /推动法律全面有效实施/ }).click();
  await expect(target).toBeInViewport();
  // The host's URL (and so its router) is left alone.
  expect(new URL(page.url()).hash).toBe('');
  const header = await page.getByRole('banner').boundingBox();
  const box = await target.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
});

test('each embedded viewer marks the section being read in its own TOC, and leaves the host URL alone', async ({ page }) => {
  await page.goto('/demo-portal.html');
  const a = page.locator('#viewer-a');
  const c = page.locator('#viewer-c');
  await expect(c.getByRole('heading', { level: 1 })).toBeVisible();
  const tocA = a.getByRole('navigation', { name: '目录' });
  // Scroll the page (not the TOC) until the heading is near the top, past the reading line.
  await a.getByRole('heading', { level: 2, name: /加强立法队伍建设/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect(tocA.locator('[aria-current="location"]')).toContainText('加强立法队伍建设');
  // Viewer C is off screen: nothing of it is marked by A's scrolling.
  await expect(c.getByRole('navigation', { name: '目录' }).locator('[aria-current="location"]')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
});

test('a host URL naming a viewer section deep-links into that viewer', async ({ page }) => {
  await page.goto('/demo-portal.html#viewer-a-sec-4');
  const heading = page.locator('#viewer-a').getByRole('heading', { level: 2, name: /加强立法队伍建设/ });
  await expect(heading).toBeInViewport();
  const header = await page.getByRole('banner').boundingBox();
  expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
});

test('an embedded viewer links its column and neighbours to the standalone viewer', async ({ page }) => {
  await page.goto('/demo-portal.html');
  const a = page.locator('#viewer-a');
  const column = a.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '理论研究' });
  await expect(column).toHaveAttribute('href', /\/list\/理论研究\/$/);
  const nav = a.getByRole('navigation', { name: '上下篇' });
  await expect(nav.getByRole('link')).toHaveText(['下足“绣花”功夫做好基层文章']);
  await column.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('理论研究');
});

test('hosts theme a viewer through --av-* custom properties and ::part()', async ({ page }) => {
  await page.goto('/demo-portal.html');
  const a = page.locator('#viewer-a');
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  // A constructed stylesheet, as a host's own stylesheet would be: an inline <style>
  // would be refused by the strict CSP this suite also runs under (nginx).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '#viewer-a { --av-font-size: 20px; --av-fg: rgb(0, 0, 128); }' +
        ' #viewer-a::part(title) { letter-spacing: 3px; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const { paragraph, title } = parts(a);
  await expect(paragraph).toHaveCSS('font-size', '20px');
  await expect(paragraph).toHaveCSS('color', 'rgb(0, 0, 128)');
  await expect(title).toHaveCSS('letter-spacing', '3px');
  // The other viewers keep the defaults.
  await expect(parts(page.locator('#viewer-c')).paragraph).toHaveCSS('font-size', '18px');
});
