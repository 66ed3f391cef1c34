import { test, expect, expectSafeDom, CSP } from './guard';

// The strict CSP run: against nginx (scripts/nginx-e2e sets E2E_BASE_URL) the page
// must arrive with the deploy policy and cause zero securitypolicyviolation events
// (the guard collects them) while it boots, renders and fails.

test('the page boots under the deploy CSP with zero violations', async ({ page }) => {
  const resp = await page.goto('/');
  if (process.env.E2E_BASE_URL) {
    const h = resp!.headers();
    expect(h['content-security-policy']).toBe(CSP);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cache-control']).toBe('no-cache');
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('下足“绣花”功夫做好基层文章');
  await page.getByRole('navigation', { name: '目录' }).getByRole('link').nth(2).click();
  await expectSafeDom(page);
});

test('an article from the server and an error render with zero violations', async ({ page }) => {
  await page.goto('/?src=articles/a-000_69da94d2f4a4bc00.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('下足“绣花”功夫做好基层文章');
  await page.goto('/?src=articles/missing.json');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
});

test('nginx serves wasm, hashed assets and article JSON as deployed', async ({ page, request }) => {
  test.skip(!process.env.E2E_BASE_URL, 'nginx only');
  await page.goto('/');
  const wasm = await page.locator('link[rel="preload"][href$=".wasm"]').getAttribute('href');
  const resp = await request.get(wasm!, { headers: { 'accept-encoding': 'br' } });
  expect(resp.headers()['content-type']).toBe('application/wasm');
  expect(resp.headers()['content-encoding']).toBe('br');
  expect(resp.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const art = await request.get('/articles/a-000_69da94d2f4a4bc00.json', { headers: { 'accept-encoding': 'gzip' } });
  expect(art.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(art.headers()['content-encoding']).toBe('gzip');
  expect(art.headers()['cache-control']).toBe('public, max-age=300, must-revalidate');
});
