// Dev tooling: regenerates the reading screenshots in ../docs from a served dist/.
// Usage: (cd e2e && BASE=http://127.0.0.1:8184 node screenshots.mjs)
import { chromium } from '@playwright/test';

const base = process.env.BASE ?? 'http://127.0.0.1:8080';
const shots = [
  { file: 'screenshot.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 1280, height: 1600 }, top: true },
  { file: 'reading-light.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 1280, height: 900 }, top: true, settings: true },
  { file: 'reading-dark.png', prefs: 'size=1;width=normal;theme=dark;elder=0', viewport: { width: 1280, height: 900 } },
  { file: 'reading-contrast.png', prefs: 'size=1;width=normal;theme=contrast;elder=0', viewport: { width: 1280, height: 900 } },
  { file: 'reading-elder.png', prefs: 'size=1;width=normal;theme=auto;elder=1', viewport: { width: 1280, height: 900 }, top: true },
  { file: 'reading-phone.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 360, height: 740 }, mobile: true },
  { file: 'reading-phone-toc.png', prefs: 'size=1;width=normal;theme=sepia;elder=0', viewport: { width: 360, height: 740 }, mobile: true, toc: true },
  { file: 'reading-phone-toolbar.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 360, height: 740 }, mobile: true, top: true },
  { file: 'reading-phone-more.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 360, height: 740 }, mobile: true, top: true, more: true },
  { file: 'reading-phone-elder.png', prefs: 'size=1;width=normal;theme=auto;elder=1', viewport: { width: 360, height: 740 }, mobile: true, top: true },
  { file: 'reading-caption.png', prefs: 'size=1;width=normal;theme=light;elder=0;cursor=1;caption=1', viewport: { width: 360, height: 740 }, point: true },
  { file: 'reading-guide.png', prefs: 'size=1;width=normal;theme=sepia;elder=0;guide=1', viewport: { width: 360, height: 740 }, point: true },
  { file: 'reading-share.png', prefs: 'size=1;width=normal;theme=light;elder=0', viewport: { width: 1280, height: 900 }, share: true },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const s of shots) {
  const ctx = await browser.newContext({ viewport: s.viewport, isMobile: !!s.mobile, hasTouch: !!s.mobile, deviceScaleFactor: 1, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await page.addInitScript((p) => localStorage.setItem('av:prefs', p), s.prefs);
  await page.goto(s.top ? `${base}/` : `${base}/#sec-2`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (s.toc) await page.getByRole('button', { name: '目录', exact: true }).click();
  if (s.settings) await page.getByRole('button', { name: '阅读设置' }).click();
  if (s.share) await page.getByRole('button', { name: '分享' }).click();
  if (s.more) await page.getByRole('button', { name: '更多' }).click();
  if (s.point) {
    // Rest the pointer on the second paragraph, as a reader would.
    const p = page.locator('.article-body p').nth(1);
    await p.scrollIntoViewIfNeeded();
    const box = await p.boundingBox();
    await page.mouse.move(box.x + 60, Math.min(box.y + box.height / 2, 400));
    await page.waitForTimeout(900); // past the dwell (600 ms), for the picture
  }
  await page.waitForTimeout(300); // let the scroll-spy settle for the picture
  await page.screenshot({ path: `../docs/${s.file}` });
  await ctx.close();
}
await browser.close();
