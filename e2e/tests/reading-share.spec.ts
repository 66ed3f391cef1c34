import { test, expect } from '@playwright/test';
import jsQR from 'jsqr';
import { appRunning, openSeed } from './reading-helpers';

// Share the link, and a QR code drawn by the viewer.

test('复制文章链接 copies the page URL and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openSeed(page);
  await page.getByRole('button', { name: '分享' }).click();
  await page.getByRole('button', { name: '复制文章链接' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制文章链接' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/`);
});

// URL lengths that need QR versions 3, 6, 9 (with version information) and 10.
for (const pad of [0, 70, 130, 175]) {
test(`the QR code is SVG drawn by the viewer and decodes to the page URL (${pad} extra characters)`, async ({ page, baseURL }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?pad=${'a'.repeat(pad)}`);
  await appRunning(page);
  await page.locator('#sec-2').evaluate((e) => e.scrollIntoView());
  await expect(page).toHaveURL(/#sec-2$/);
  await page.getByRole('button', { name: '分享' }).click();
  const panel = page.getByRole('region', { name: '分享' });
  await expect(panel.getByText('扫一扫在手机上阅读')).toBeVisible();
  const qr = panel.getByRole('img', { name: '本页网址的二维码' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((e) => e.tagName)).toBe('svg');
  expect(await qr.locator('path').count()).toBe(1);
  // Rasterise the SVG in the page and decode it.
  const { data, size } = await qr.evaluate(async (svg) => {
    const size = 300;
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = size;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0, size, size);
    return { data: Array.from(ctx.getImageData(0, 0, size, size).data), size };
  });
  const decoded = jsQR(Uint8ClampedArray.from(data), size, size);
  expect(decoded?.data).toBe(`${baseURL}/?pad=${'a'.repeat(pad)}#sec-2`);
});
}

test('a URL too long for a QR code gets a message instead', async ({ page }) => {
  await page.goto(`/?pad=${'a'.repeat(300)}`);
  await page.getByRole('button', { name: '分享' }).click();
  await expect(page.getByText('网址过长\uFF0C无法生成二维码')).toBeVisible();
});
