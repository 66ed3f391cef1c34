import { test, expect, type APIRequestContext } from '@playwright/test';
import { holdWasm, live, recordShifts } from './hold-wasm';

// The static site (crates/site, a Trunk post_build hook): every article a page at
// /a/<id>/ with its own head before any script, every article and list page
// readable and navigable without JavaScript, sitemap and feeds listing every
// article, the 404 page; and the app taking such a page over (no layout shift,
// scroll and focus kept), moving between path URLs through the History API, and
// landing old hash links on their path URL. Under a sub-path (scripts/nginx-e2e
// with NGINX_BASE=/news/ on a build with --public-url /news/) the same holds with
// every path under /news/.

// E2E_BASE_URL may end in a sub-path (/news); paths below are relative to it.
const BASE = new URL((process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 8091}`) + '/');
const at = (path: string) => new URL(path, BASE).href;
const pathOf = (url: string) => decodeURIComponent(new URL(url).pathname);
const basePath = decodeURIComponent(BASE.pathname);

type IndexEntry = { id: string; title: string; section?: string };
async function index(request: APIRequestContext): Promise<IndexEntry[]> {
  const r = await request.get(at('articles/index.json'));
  expect(r.ok()).toBe(true);
  return (await r.json()).articles;
}

const NON_DEFAULT = 'lifa-gaozhiliang';
const NON_DEFAULT_TITLE = '以高质量立法保障和促进高质量发展';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each article page has its own head: title, description, canonical, Open Graph, JSON-LD', async ({ page, request }) => {
    for (const e of await index(request)) {
      await page.goto(at(`a/${e.id}/`));
      await expect(page).toHaveTitle(e.title);
      const meta = (sel: string) => page.locator(sel).first().getAttribute('content');
      expect((await meta('meta[name="description"]'))!.length).toBeGreaterThan(10);
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await meta('meta[property="og:title"]')).toBe(e.title);
      expect(pathOf((await meta('meta[property="og:url"]'))!)).toBe(`${basePath}a/${e.id}/`);
      expect(await meta('meta[property="og:type"]')).toBe('article');
      expect(await meta('meta[name="twitter:card"]')).toMatch(/^summary/);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(ld[0]['@type']).toBe('NewsArticle');
      expect(ld[0].headline).toBe(e.title);
      expect(pathOf(ld[0].mainEntityOfPage)).toBe(`${basePath}a/${e.id}/`);
      expect(ld[1]['@type']).toBe('BreadcrumbList');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(e.title);
    }
  });

  test('every article and list page reads, and links lead from one to another', async ({ page, request }) => {
    const entries = await index(request);
    await page.goto(at('list/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部文章');
    const columns = page.getByRole('navigation', { name: '栏目' }).getByRole('link');
    const names = await columns.allTextContents();
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      await page.goto(at('list/'));
      await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name }).click();
      expect(pathOf(page.url())).toBe(`${basePath}list/${name}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const inColumn = entries.filter((e) => e.section === name);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(inColumn.map((e) => e.title));
    }
    // Into an article from its column, on to the next one, and back up the breadcrumb.
    await page.goto(at('list/工作动态/'));
    await page.getByRole('link', { name: '市人大常委会开展水污染防治法执法检查' }).click();
    expect(pathOf(page.url())).toBe(`${basePath}a/shui-zhifa-jiancha/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('市人大常委会开展水污染防治法执法检查');
    await page.getByRole('navigation', { name: '上下篇' }).getByRole('link').first().click();
    expect(pathOf(page.url())).toMatch(new RegExp(`^${basePath}a/[a-z0-9_-]+/$`));
    await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '首页' }).click();
    expect(pathOf(page.url())).toBe(`${basePath}list/`);
    // The table of contents works as plain anchors.
    await page.goto(at(`a/${NON_DEFAULT}/`));
    await page.getByRole('navigation', { name: '目录' }).getByRole('link').nth(2).click();
    expect(new URL(page.url()).hash).toBe('#sec-3');
    await expect(page.locator('#sec-3')).toBeInViewport();
  });
});

test('the sitemap and both feeds parse and list every article', async ({ page, request }) => {
  const ids = (await index(request)).map((e) => e.id).sort();
  await page.goto(at('404.html'));
  const sitemap = await (await request.get(at('sitemap.xml'))).text();
  const atom = await request.get(at('feed.xml'));
  expect(atom.headers()['content-type']).toMatch(/xml/);
  const atomText = await atom.text();
  const parsed = await page.evaluate(([s, a]) => {
    const p = new DOMParser();
    const sm = p.parseFromString(s, 'application/xml');
    const at = p.parseFromString(a, 'application/xml');
    return {
      errors: sm.getElementsByTagName('parsererror').length + at.getElementsByTagName('parsererror').length,
      locs: [...sm.getElementsByTagName('loc')].map((l) => l.textContent!),
      lastmods: sm.getElementsByTagName('lastmod').length,
      entries: [...at.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('id')[0].textContent!),
      root: at.documentElement.namespaceURI,
    };
  }, [sitemap, atomText]);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
  const idOf = (u: string) => /\/a\/([^/]+)\/$/.exec(new URL(u).pathname)?.[1];
  expect(parsed.locs.map(idOf).filter(Boolean).sort()).toEqual(ids);
  expect(parsed.locs.some((l) => pathOf(l).endsWith('/list/'))).toBe(true);
  expect(parsed.lastmods).toBeGreaterThanOrEqual(ids.length);
  expect(parsed.entries.map(idOf).sort()).toEqual(ids);
  const json = await request.get(at('feed.json'));
  const feed = await json.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.items.map((i: { url: string }) => idOf(i.url)).sort()).toEqual(ids);
  for (const i of feed.items) {
    expect(i.content_text.length).toBeGreaterThan(50);
    expect(i.content_html).toBeUndefined();
  }
  const column = await (await request.get(at('list/工作动态/feed.json'))).json();
  expect(column.items.length).toBeGreaterThan(0);
  expect(column.items.length).toBeLessThan(ids.length);
  expect(await (await request.get(at('robots.txt'))).text()).toMatch(/Sitemap: https?:\/\/.*sitemap\.xml/);
});

test('an unknown page answers 404 with the viewer-styled page', async ({ page, request }) => {
  const r = await request.get(at('a/no-such-article/'));
  expect(r.status()).toBe(404);
  // The plain static server (python -m http.server) sends its own 404 body; nginx
  // sends 404.html, which is in the build either way.
  const nginx = !!process.env.E2E_BASE_URL;
  await page.goto(nginx ? at('a/no-such-article/') : at('404.html'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.getByRole('link', { name: '全部文章' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部文章');
});


test('a non-default article page is taken over with nothing moving, scroll and focus kept', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await recordShifts(page);
  const release = await holdWasm(page);
  await page.goto(at(`a/${NON_DEFAULT}/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NON_DEFAULT_TITLE);
  await expect(page.getByRole('button', { name: '阅读设置' })).toBeDisabled();
  const third = page.getByRole('navigation', { name: '目录' }).getByRole('link').nth(2);
  await third.focus();
  await page.locator('#sec-3').scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  expect(y).toBeGreaterThan(300);
  const boxes = () => page.evaluate(() =>
    [...document.querySelectorAll('h1, .byline, .article-body p, .reader-toolbar button, .table-of-contents a')]
      .map((e) => { const r = e.getBoundingClientRect(); return `${e.textContent?.slice(0, 8)} ${r.x},${r.y},${r.width},${r.height}`; }));
  const before = await boxes();
  await release();
  await live(page);
  expect(await page.evaluate(() => scrollY)).toBe(y);
  await expect(third).toBeFocused();
  expect(await boxes()).toEqual(before);
  expect(await page.evaluate(() => (window as any).__shifts)).toEqual([]);
  expect(pathOf(page.url())).toBe(`${basePath}a/${NON_DEFAULT}/`);
});

test('the app moves between path URLs in place, and back and forward follow', async ({ page }) => {
  await page.goto(at(`a/${NON_DEFAULT}/`));
  await live(page);
  // A marker on window: it survives only if no page load happens.
  await page.evaluate(() => ((window as any).__same = true));
  const crumb = page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '理论研究' });
  expect(pathOf(at(await crumb.getAttribute('href') as string))).toBe(`${basePath}list/理论研究/`);
  await crumb.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('理论研究');
  expect(pathOf(page.url())).toBe(`${basePath}list/理论研究/`);
  await expect(page).toHaveTitle('理论研究');
  await page.getByRole('link', { name: '充分发挥人大代表在基层治理中的作用' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('充分发挥人大代表在基层治理中的作用');
  expect(pathOf(page.url())).toBe(`${basePath}a/daibiao-jiceng-zhili/`);
  await expect(page).toHaveTitle('充分发挥人大代表在基层治理中的作用');
  expect(await page.evaluate(() => (window as any).__same)).toBe(true);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('理论研究');
  expect(pathOf(page.url())).toBe(`${basePath}list/理论研究/`);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NON_DEFAULT_TITLE);
  expect(pathOf(page.url())).toBe(`${basePath}a/${NON_DEFAULT}/`);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('理论研究');
  expect(await page.evaluate(() => (window as any).__same)).toBe(true);
});

test('old hash links land on the same place and the address becomes the path URL', async ({ page }) => {
  await page.goto(at(`#/a/${NON_DEFAULT}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NON_DEFAULT_TITLE);
  await expect(page).toHaveURL(at(`a/${NON_DEFAULT}/`));

  await page.goto(at(`#/a/${NON_DEFAULT}/sec-3`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NON_DEFAULT_TITLE);
  await expect(page).toHaveURL(at(`a/${NON_DEFAULT}/#sec-3`));
  await expect(page.locator('#sec-3')).toBeInViewport();

  await page.goto(at('#/list/工作动态'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作动态');
  expect(pathOf(page.url())).toBe(`${basePath}list/工作动态/`);
  expect(new URL(page.url()).hash).toBe('');
});

test('?src= still opens an article that is not in the build', async ({ page }) => {
  await page.goto(at('?src=articles/changweihui-huiyi.json'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('县人大常委会召开第十八次会议');
});
