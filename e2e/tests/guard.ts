import { test as base, expect, type Page } from '@playwright/test';

// Every hostile and fault test runs guarded: a canary the payloads try to call
// (alert/confirm/prompt count too), Content-Security-Policy violation events, and
// uncaught page errors are all collected and must stay empty. Requests that leave
// 127.0.0.1 are aborted, so a payload can never reach the network.

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: data:; object-src 'none'; base-uri 'none'";

type Guard = { pageErrors: string[]; dialogs: string[] };

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const guard: Guard = { pageErrors: [], dialogs: [] };
      page.on('pageerror', (e) => guard.pageErrors.push(String(e)));
      page.on('dialog', (d) => {
        guard.dialogs.push(d.message());
        void d.dismiss();
      });
      await page.context().route(/^(?!https?:\/\/127\.0\.0\.1[:/])[a-z]+:\/\//, (r) => r.abort());
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__canaryCalls = 0;
        const trip = () => {
          (w.__canaryCalls as number)++;
        };
        w.__canary = trip;
        w.alert = trip;
        w.confirm = trip;
        w.prompt = trip;
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (w.__csp as string[]).push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await use(guard);
      if (!page.isClosed() && page.url().startsWith('http')) {
        const { canary, csp } = await page.evaluate(() => {
          const w = window as unknown as Record<string, unknown>;
          return { canary: w.__canaryCalls, csp: w.__csp };
        });
        expect(canary, 'the canary was called').toBe(0);
        expect(csp, 'CSP violations').toEqual([]);
      }
      expect(guard.pageErrors, 'uncaught page errors').toEqual([]);
      expect(guard.dialogs, 'dialogs opened').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** No executable or foreign markup in the rendered page, and every link or image
 *  URL uses an allowed scheme. */
export async function expectSafeDom(page: Page) {
  const bad = await page.evaluate(() => {
    const found: string[] = [];
    const banned = new Set([
      'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'style',
      'base', 'meta', 'link', 'form', 'input', 'textarea', 'template', 'xmp', 'details',
      'dialog', 'marquee', 'video', 'audio', 'source', 'portal',
    ]);
    for (const el of document.body.querySelectorAll('*')) {
      // The reader's own controls (settings radios, the QR code's svg) are markup the
      // viewer writes itself, never from data: only the rest must be free of them.
      const ownChrome = el.closest('.reader-bar') !== null;
      if (banned.has(el.localName) && !el.closest('noscript') && !ownChrome) found.push(`<${el.localName}>`);
      for (const a of el.attributes) {
        if (/^on|^(style|srcdoc|formaction|action|xlink:href|background|dynsrc|lowsrc)$/i.test(a.name)) {
          found.push(`${el.localName}[${a.name}]`);
        }
        if (a.name === 'href' || a.name === 'src') {
          const scheme = new URL(a.value, location.href).protocol;
          if (!['http:', 'https:', 'mailto:'].includes(scheme)) found.push(`${a.name}=${a.value}`);
        }
      }
    }
    // Scripts: the external loader and theme-init files (same origin, no text), and the
    // JSON-LD block, whose text must be JSON. Nothing else.
    for (const s of document.querySelectorAll('script')) {
      if (s.type === 'application/ld+json') {
        try { JSON.parse(s.textContent ?? ''); } catch { found.push('invalid JSON-LD'); }
      } else if (!s.src || new URL(s.src).origin !== location.origin || s.textContent !== '') {
        found.push(`script ${s.src || 'inline'}`);
      }
    }
    return found;
  });
  expect(bad).toEqual([]);
}
