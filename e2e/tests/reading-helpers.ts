import { expect, Locator, Page } from '@playwright/test';

// Shared set-up for the reading-*.spec.ts files. Not a spec itself.

const filler = 'Test body text for the reader ' + '\u6D4B\u8BD5\u6B63\u6587\u5185\u5BB9'.repeat(30);

function paras(tag: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `${tag} P${i + 1} ${filler}` }));
}

/** A long article: sections 1 (with 1.1) and 2 are long, 3 and 4 are one short paragraph. */
export function longArticle(lang = 'zh-CN') {
  return {
    schemaVersion: 1,
    id: 'long-1',
    lang,
    title: 'Long test article',
    originalUrl: 'https://example.cn/original.html',
    lead: paras('Lead', 2),
    sections: [
      { heading: 'Part one', blocks: paras('One', 6), sections: [{ heading: 'Part one A', blocks: paras('OneA', 4) }] },
      { heading: 'Part two', blocks: paras('Two', 8) },
      { heading: 'Part three', blocks: [{ type: 'paragraph', text: 'Three is short.' }] },
      { heading: 'Part four', blocks: [{ type: 'paragraph', text: 'Four is short too.' }] },
    ],
  };
}

/** Opens the viewer on `article` (served at /long.json), reduced motion so scrolls are instant. */
export async function openArticle(page: Page, article: object = longArticle(), motion: 'reduce' | 'no-preference' = 'reduce') {
  await page.emulateMedia({ reducedMotion: motion });
  await page.route('**/long.json', (r) => r.fulfill({ json: article }));
  await page.goto('/?src=long.json');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Opens the seed article. */
export async function openSeed(page: Page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appRunning(page);
}

/** Waits for the app: the default article rendered at build time has its buttons
 *  disabled until the app replaces it. */
export async function appRunning(page: Page) {
  await expect(page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' })).toBeEnabled();
}

export const toc = (page: Page) => page.getByRole('navigation', { name: '\u76EE\u5F55' });

/** Opens 阅读设置 and picks `name` in the radio group `group`. */
export async function choose(page: Page, group: string, name: string) {
  const button = page.getByRole('button', { name: '\u9605\u8BFB\u8BBE\u7F6E' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('group', { name: group }).getByRole('radio', { name, exact: true }).check();
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
export async function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg: number[] = [255, 255, 255];
    for (let n: Element | null = el; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const fg = lum(rgb(getComputedStyle(el).color));
    const b = lum(bg);
    return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
  });
}

/** Headless Chromium has no audio: speechSynthesis is replaced by a recorder before the
 * page loads. `__spoken` lists what was said, `__calls` the cancel / pause / resume
 * calls, `__finish()` ends the current utterance, `__boundary(i)` sends a word boundary
 * at character i. */
export async function stubSpeech(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__spoken = [];
    w.__calls = [];
    class Utterance {
      text: string;
      lang = '';
      rate = 1;
      voice: any = null;
      onend: any = null;
      onboundary: any = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    let current: any = null;
    const synth = {
      speak(u: any) {
        current = u;
        w.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name });
      },
      cancel() {
        current = null;
        w.__calls.push('cancel');
      },
      pause() {
        w.__calls.push('pause');
      },
      resume() {
        w.__calls.push('resume');
      },
      getVoices() {
        return [
          { name: 'English', lang: 'en-US' },
          { name: 'Putonghua', lang: 'zh-CN' },
          { name: 'Cantonese', lang: 'zh-HK' },
        ];
      },
    };
    Object.defineProperty(w, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = Utterance;
    w.__finish = () => {
      const u = current;
      current = null;
      if (u && u.onend) u.onend(new Event('end'));
    };
    w.__boundary = (charIndex: number) => current && current.onboundary && current.onboundary({ charIndex, name: 'word' });
  });
}

/** Esc closes what `toggle` opened: `toggle` says so (`aria-expanded`), `opened` is gone, and the focus is back on `toggle`. */
export async function escapeCloses(page: Page, toggle: Locator, opened: Locator) {
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(opened).toBeHidden();
  await expect(toggle).toBeFocused();
}
