import { test, expect, type Page } from '@playwright/test';

// Viewers follow the host page's DOM: added later -> mounted; removed -> torn down
// with every listener and observer it created.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    type Rec = { target: EventTarget; type: string; fn: unknown; capture: boolean };
    const listeners: Rec[] = [];
    const observers = new Set<object>();
    const cap = (o: unknown) => (typeof o === 'boolean' ? o : !!(o as { capture?: boolean } | undefined)?.capture);
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const find = (t: EventTarget, type: string, fn: unknown, c: boolean) =>
      listeners.findIndex((r) => r.target === t && r.type === type && r.fn === fn && r.capture === c);
    EventTarget.prototype.addEventListener = function (type: string, fn: any, o?: any) {
      if (fn && find(this, type, fn, cap(o)) < 0) listeners.push({ target: this, type, fn, capture: cap(o) });
      return add.call(this, type, fn, o);
    };
    EventTarget.prototype.removeEventListener = function (type: string, fn: any, o?: any) {
      const i = find(this, type, fn, cap(o));
      if (i >= 0) listeners.splice(i, 1);
      return remove.call(this, type, fn, o);
    };
    for (const name of ['MutationObserver', 'IntersectionObserver', 'ResizeObserver'] as const) {
      const Orig = (window as any)[name];
      (window as any)[name] = class extends Orig {
        observe(...args: unknown[]) {
          observers.add(this);
          return super.observe(...args);
        }
        disconnect() {
          observers.delete(this);
          return super.disconnect();
        }
      };
    }
    // Listeners still reachable: on window, document, or a node still in the page
    // (a shadow tree whose host is in the page counts).
    (window as any).__probe = () => ({
      listeners: listeners.filter(
        (r) => r.target === window || r.target === document || ((r.target as Node).isConnected ?? false),
      ).length,
      observers: observers.size,
    });
  });
});

const probe = (page: Page) => page.evaluate(() => (window as any).__probe() as { listeners: number; observers: number });

/** Adds a viewer box `<div id data-article-src>` to the portal's `<main>`, as a portal script would. */
const addViewer = (page: Page, id: string, src: string) =>
  page.evaluate(([id, src]) => {
    const el = document.createElement('div');
    el.id = id;
    el.dataset.articleSrc = src;
    document.querySelector('main')!.append(el);
  }, [id, src]);

test('a viewer inserted later is mounted, and a removed one leaves nothing behind', async ({ page }) => {
  await page.goto('/demo-portal.html');
  for (const id of ['#viewer-a', '#viewer-b', '#viewer-c']) {
    await expect(page.locator(id).getByRole('heading', { level: 1 })).toBeVisible();
  }
  const before = await probe(page);
  expect(before.observers).toBeGreaterThan(0); // embed.js's own MutationObserver

  await addViewer(page, 'viewer-d', 'articles/changweihui-huiyi.json');
  const d = page.locator('#viewer-d');
  await expect(d.getByRole('heading', { level: 1 })).toHaveText('县人大常委会召开第十八次会议');
  // Use it, so its event handlers are really registered.
  await d.getByRole('navigation', { name: '目录' }).getByRole('link').nth(1).click();
  await expect(d.getByRole('heading', { level: 2, name: '表决通过有关事项' })).toBeInViewport();
  const during = await probe(page);
  expect(during.listeners).toBeGreaterThan(before.listeners);

  await page.evaluate(() => document.getElementById('viewer-d')!.remove());
  await expect.poll(() => probe(page)).toEqual(before);
  // The other viewers are untouched.
  await expect(page.locator('#viewer-a').getByRole('heading', { level: 1 })).toBeVisible();
});

test('removing a subtree that holds a viewer tears it down too', async ({ page }) => {
  await page.goto('/demo-portal.html');
  for (const id of ['#viewer-a', '#viewer-b', '#viewer-c']) {
    await expect(page.locator(id).getByRole('heading', { level: 1 })).toBeVisible();
  }
  const before = await probe(page);
  await page.evaluate(() => {
    const box = document.createElement('section');
    box.id = 'box';
    const el = document.createElement('div');
    el.dataset.articleSrc = 'articles/daibiao-jiceng-zhili.json';
    box.append(el);
    document.querySelector('main')!.append(box);
  });
  await expect(page.locator('#box').getByRole('heading', { level: 1 })).toHaveText(
    '充分发挥人大代表在基层治理中的作用',
  );
  await page.evaluate(() => document.getElementById('box')!.remove());
  await expect.poll(() => probe(page)).toEqual(before);
});

test('a viewer whose article is missing says so inside its own box', async ({ page }) => {
  await page.goto('/demo-portal.html');
  await addViewer(page, 'viewer-missing', 'articles/missing.json');
  const box = page.locator('#viewer-missing');
  await expect(box.getByRole('alert')).toContainText('HTTP 404');
  await expect(box.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(page.locator('#viewer-a').getByRole('alert')).toHaveCount(0);
});

test('when the viewer itself cannot load, every box says so', async ({ page }) => {
  await page.route('**/embed-manifest.json', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto('/demo-portal.html');
  for (const id of ['#viewer-a', '#viewer-b', '#viewer-c']) {
    await expect(page.locator(id).getByRole('alert')).toContainText('文章阅读器加载失败');
  }
});
