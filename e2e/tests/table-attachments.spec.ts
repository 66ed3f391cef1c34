import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './guard';

// Tables and attachments as a reader sees them, on a phone (360 px) and a
// desktop (1280 px): the table is a labelled, keyboard-focusable region that scrolls
// sideways inside itself and never widens the page; header cells carry their scope;
// the attachments are a labelled list with file type and size. Screenshots of both
// widths are attached to the report (test-results/).

const body = readFileSync(join(__dirname, '..', 'fixtures', 'table-attachments.json'), 'utf8');

for (const width of [360, 1280]) {
  test(`a table and the attachment list at ${width} px`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 800 });
    await page.route('**/table-attachments.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto('/?src=table-attachments.json');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('中标（成交）公告');

    const summary = page.getByRole('region', { name: '公告概要', exact: true });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('table')).toHaveAccessibleName('公告概要');
    await expect(summary.getByRole('columnheader', { name: '项目' })).toBeVisible();
    await expect(summary.getByRole('rowheader', { name: '总中标金额' })).toBeVisible();
    await expect(summary.getByRole('cell', { name: '￥10618.520389 万元（人民币）' })).toHaveAttribute('colspan', '3');
    // A table without a caption is still a named region.
    const lots = page.getByRole('region', { name: '表格' });
    await expect(lots.getByRole('rowheader', { name: 'C' })).toBeVisible();

    // The page itself never scrolls sideways.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width);
    const overflow = await lots.evaluate((el) => el.scrollWidth - el.clientWidth);
    if (width === 360) {
      // On a phone the wide table scrolls inside its region, by keyboard too.
      expect(overflow).toBeGreaterThan(0);
      await lots.focus();
      await expect(lots).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => lots.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    } else {
      expect(overflow).toBeLessThanOrEqual(0);
    }

    const files = page.getByRole('region', { name: '附件' });
    await expect(files.getByRole('heading', { name: '附件' })).toBeVisible();
    const items = files.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toHaveText('济南大学中心校区学生公寓改造提升项目施工范围及工程量清单（PDF，356 KB）');
    await expect(items.nth(1)).toHaveText('中标（成交）供应商评审得分汇总表（XLSX，51 KB）');
    await expect(items.nth(2)).toHaveText('图纸（ZIP，17.5 MB）');
    await expect(files.getByRole('link', { name: '图纸' })).toHaveAttribute(
      'href', 'https://www.ccgp.gov.cn/files/P020250714000003.zip');

    await summary.scrollIntoViewIfNeeded();
    await info.attach(`tables-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

test('print keeps the whole table and the attachment list', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.route('**/table-attachments.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto('/?src=table-attachments.json');
  await expect(page.getByRole('region', { name: '附件' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const lots = page.getByRole('region', { name: '表格' });
  await expect(lots).toBeVisible();
  expect(await lots.evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
  await expect(page.getByRole('region', { name: '附件' }).getByRole('listitem')).toHaveCount(3);
});
