import { test, expect, CSP } from './guard';

// Faults from a real socket: fault-server.mjs serves the viewer (with the deploy
// CSP header) and misbehaving article URLs on one origin.

const FAULT = `http://127.0.0.1:${process.env.E2E_FAULT_PORT ?? 8093}`;
const LONG = { timeout: 15_000 };
test.use({ baseURL: FAULT });

const title = '下足“绣花”功夫做好基层文章';
// The fault server counts requests per key for the whole run: one key per test run
// (and per --repeat-each copy), so no two runs share a count.
const freshKey = (name: string) => `${name}-${test.info().testId}-${test.info().repeatEachIndex}`;

test('the fault server sends the strict CSP with the page', async ({ page }) => {
  const resp = await page.goto('/');
  expect(resp!.headers()['content-security-policy']).toBe(CSP);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a connection dropped mid-body is a network error with a retry', async ({ page }) => {
  const key = freshKey('drop');
  await page.goto(`/?src=/fault/drop%3Fkey%3D${key}`);
  await expect(page.getByRole('alert')).toContainText('网络错误', LONG);
  await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
  // One request and two automatic retries, backing off.
  expect(await (await page.request.get(`/fault/count/${key}`)).text()).toBe('3');
});

test('a slow drip that finishes in time is shown', async ({ page }) => {
  await page.goto('/?src=/fault/drip%3Fms%3D100%26n%3D10');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, LONG);
});

test('a drip slower than the time limit times out', async ({ page }) => {
  await page.goto('/?src=/fault/drip%3Fms%3D400%26n%3D20&timeout=1');
  await expect(page.getByRole('alert')).toContainText('请求超时', LONG);
});

test('a server that never answers the body times out', async ({ page }) => {
  await page.goto('/?src=/fault/hang&timeout=1');
  await expect(page.getByRole('alert')).toContainText('请求超时:1 秒', LONG);
});

test('500 then 200 is retried by itself and shows the article', async ({ page }) => {
  const key = freshKey('flaky');
  await page.goto(`/?src=/fault/flaky/${key}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, LONG);
  expect(await (await page.request.get(`/fault/count/${key}`)).text()).toBe('2');
});

test('a server that keeps failing ends in HTTP 500 with a retry button', async ({ page }) => {
  await page.goto('/?src=/fault/always500');
  await expect(page.getByRole('alert')).toContainText('HTTP 500', LONG);
  await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
});

test('a redirect is followed', async ({ page }) => {
  await page.goto('/?src=/fault/redirect');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, LONG);
});

test('a redirect loop is a network error', async ({ page }) => {
  await page.goto('/?src=/fault/redirect-loop');
  await expect(page.getByRole('alert')).toContainText('网络错误', LONG);
});

test('an endless body stops at the 5 MB cap while streaming', async ({ page }) => {
  await page.goto('/?src=/fault/endless');
  await expect(page.getByRole('alert')).toContainText('5 MB', LONG);
});

test('going offline and back online retries by itself', async ({ page, context }) => {
  let online = false;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route((url) => url.pathname === '/fault/offline.json', async (route) => {
    if (online) return route.continue({ url: `${FAULT}/fault/article.json` });
    await gate;
    return route.abort('internetdisconnected');
  });
  await page.goto('/?src=/fault/offline.json');
  await expect(page.getByRole('status')).toBeVisible();
  await context.setOffline(true);
  release();
  await expect(page.getByRole('alert')).toContainText('网络已断开', LONG);
  online = true;
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, LONG);
});
