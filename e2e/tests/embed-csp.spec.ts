import { test, expect, type Page } from '@playwright/test';

// The embed loader and the iframe page under the strict policy of the CSP issue, sent
// as a header on every response: no inline script or style, no eval.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: data:; object-src 'none'; base-uri 'none'";

async function withStrictCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // The policy rides on documents; other requests go straight through, so nothing is
  // left waiting in a route handler when the test ends (print.css loads lazily).
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  return violations;
}

test('the demo portal mounts its viewers with zero CSP violations', async ({ page }) => {
  const violations = await withStrictCsp(page);
  await page.goto('/demo-portal.html');
  for (const id of ['#viewer-a', '#viewer-b', '#viewer-c']) {
    await expect(page.locator(id).getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(page.locator('#viewer-a').locator('.article-body').getByRole('paragraph').first()).toHaveCSS('text-indent', '36px');
  expect(violations).toEqual([]);
});

test('the iframe page and its parent snippet work with zero CSP violations', async ({ page }) => {
  const violations = await withStrictCsp(page);
  await page.goto('/demo-frame-host.html');
  await expect(page.frameLocator('iframe[data-article-frame]').getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await page.locator('iframe[data-article-frame]').boundingBox())!.height).toBeGreaterThan(1000);
  expect(violations).toEqual([]);
});

test('a viewer in a scrolling box scrolls the box to a section', async ({ page }) => {
  await page.goto('/demo-portal.html');
  await expect(page.locator('#viewer-c').getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const box = document.createElement('section');
    box.id = 'scroll-box';
    box.style.height = '500px';
    box.style.overflow = 'auto';
    const el = document.createElement('div');
    el.id = 'boxed';
    el.dataset.articleSrc = 'articles/lifa-gaozhiliang.json';
    el.dataset.toc = 'on';
    box.append(el);
    document.querySelector('main')!.prepend(box);
  });
  const boxed = page.locator('#boxed');
  const heading = boxed.getByRole('heading', { level: 2, name: /加强立法队伍建设/ });
  await boxed.getByRole('navigation', { name: '目录' }).getByRole('link', { name: /加强立法队伍建设/ }).click();
  await expect.poll(async () => {
    const b = (await page.locator('#scroll-box').boundingBox())!;
    const h = (await heading.boundingBox())!;
    return h.y >= b.y && h.y + h.height <= b.y + b.height;
  }).toBe(true);
  expect(await page.locator('#scroll-box').evaluate((b) => b.scrollTop)).toBeGreaterThan(0);
});
