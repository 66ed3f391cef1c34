import { expect, type Page, type Route } from '@playwright/test';

/** Holds the wasm until the returned function is called, so a test sees the page as
 * it is before the app starts. */
export async function holdWasm(page: Page) {
  let held!: Route;
  const arrived = new Promise<void>((resolve) => {
    void page.route('**/*_bg.wasm', (route) => {
      held = route;
      resolve();
    });
  });
  return async () => {
    await arrived;
    await held.continue();
  };
}

/** Resolves once the app runs: its 阅读设置 button is enabled (disabled on the page
 * rendered at build time). */
export const live = (page: Page) => expect(page.getByRole('button', { name: '阅读设置' })).toBeEnabled();

/** Records every layout-shift entry of the page in `window.__shifts`. */
export async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as any[]) (window as any).__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
