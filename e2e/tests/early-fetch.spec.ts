import { test, expect, type Page } from '@playwright/test';

// The article a route or ?src= names is fetched by assets/loader.js while the
// wasm is still downloading, and the viewer takes that response over (one request).
// The proof holds the wasm back until the article JSON has been requested: if only the
// running wasm asked for the JSON, the page would never render.

async function holdWasmUntil(page: Page, jsonPath: string) {
  const seen: string[] = [];
  let requested!: () => void;
  const jsonRequested = new Promise<void>((resolve) => (requested = resolve));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === jsonPath) {
      seen.push(r.url());
      requested();
    }
  });
  await page.route('**/*_bg.wasm', async (route) => {
    await jsonRequested;
    await route.continue();
  });
  return seen;
}

test('an article route fetches its JSON before the wasm has arrived, and only once', async ({ page }) => {
  const seen = await holdWasmUntil(page, '/articles/lifa-gaozhiliang.json');
  await page.goto('/#/a/lifa-gaozhiliang/sec-3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('以高质量立法保障和促进高质量发展');
  await expect(page.getByRole('heading', { level: 2, name: /坚持科学民主依法立法/ })).toBeInViewport();
  expect(seen).toHaveLength(1);
});

test('?src= is fetched early too, and only once', async ({ page }) => {
  const seen = await holdWasmUntil(page, '/articles/daibiao-jiceng-zhili.json');
  await page.goto('/?src=articles/daibiao-jiceng-zhili.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('充分发挥人大代表在基层治理中的作用');
  expect(seen).toHaveLength(1);
});

test('the default article and list pages start no early fetch', async ({ page }) => {
  const json: string[] = [];
  page.on('request', (r) => {
    if (/\/articles\/(?!index\.json).*\.json$/.test(new URL(r.url()).pathname)) json.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('下足\u201c绣花\u201d功夫做好基层文章');
  await page.goto('/?src=articles/lifa-gaozhiliang.json#/list');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(json).toEqual([]);
});
