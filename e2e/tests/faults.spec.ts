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

// Answers the viewer gets through in the end: the article is shown.
for (const [name, url] of [
  ['a slow drip that finishes in time is shown', '/?src=/fault/drip%3Fms%3D100%26n%3D10'],
  ['a redirect is followed', '/?src=/fault/redirect'],
]) {
  test(name, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, LONG);
  });
}

// Answers that fail for good: the alert names what went wrong.
for (const [name, url, says] of [
  ['a drip slower than the time limit times out', '/?src=/fault/drip%3Fms%3D400%26n%3D20&timeout=1', '请求超时'],
  ['a server that never answers the body times out', '/?src=/fault/hang&timeout=1', '请求超时：1 秒'],
  ['a redirect loop is a network error', '/?src=/fault/redirect-loop', '网络错误'],
  ['an endless body stops at the 5 MB cap while streaming', '/?src=/fault/endless', '5 MB'],
]) {
  test(name, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('alert')).toContainText(says, LONG);
  });
}

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
