import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectSafeDom } from './guard';

// Hostile HTML through the importer, then the viewer: e2e/fixtures/hostile-imported.json
// is what the HTML importer makes of 60 OWASP / DOMPurify-style vector pages (one
// section each; crates/article-html/tests/hostile.rs keeps it fresh). Rendered here,
// it must run nothing: the guard checks canary, alert, dialogs, CSP and page errors.

const imported = readFileSync(join(__dirname, '..', 'fixtures', 'hostile-imported.json'), 'utf8');

test('imported hostile pages render as text with zero executions', async ({ page }) => {
  await page.route('**/hostile-imported.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: imported }),
  );
  await page.goto('/?src=hostile-imported.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入的恶意页面');
  await expect(page.getByRole('heading', { name: '向量 60' })).toBeAttached();
  await expect(page.getByText('为做好网站安全工作').first()).toBeVisible();
  await expectSafeDom(page);
  // Hovering and tabbing through give any handler that slipped through its chance.
  await page.mouse.move(200, 300);
  for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
});
