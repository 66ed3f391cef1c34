import type { Page } from '@playwright/test';
import { test, expect, expectSafeDom } from './guard';

// The hostile-input suite: every article is generated here and served with
// page.route at /hostile/<n>.json, then loaded with ?src=. Each case asserts the
// expected message or a safe render; the guard (guard.ts) asserts that the canary
// was never called, that no CSP violation and no uncaught error happened.

type Body = string | Buffer;
type Case = {
  name: string;
  body?: Body;
  status?: number;
  contentType?: string;
  abort?: boolean;
  hang?: boolean;
  query?: string;
  check: (page: Page) => Promise<void>;
};

const LONG = { timeout: 15_000 };
const alert = (page: Page) => page.getByRole('alert');
const says = (text: string | RegExp) => async (page: Page) => {
  await expect(alert(page)).toContainText(text, LONG);
};

/** A valid article with `p` in every string field that is rendered as text. */
function everyField(p: string) {
  return {
    schemaVersion: 1,
    id: 'hostile',
    lang: 'zh-CN',
    site: { name: p, url: 'https://example.cn/' },
    breadcrumb: [{ name: p, url: '/' }, { name: p, url: 'https://example.cn/c' }, { name: p }],
    section: p,
    kicker: p,
    title: p,
    subtitle: p,
    published: '2024-05-19T16:37:00+08:00',
    authors: [{ name: p, role: p, affiliation: p }],
    source: { name: p, url: 'https://example.cn/s' },
    editor: p,
    summary: p,
    keywords: [p],
    lead: [{ type: 'paragraph', text: p }],
    sections: [
      {
        heading: p,
        blocks: [
          { type: 'paragraph', text: [p, { text: p, emphasis: true, strong: true, href: 'https://example.cn/a' }] },
          { type: 'subheading', text: p },
          { type: 'list', ordered: true, items: [p, [{ text: p }]] },
          { type: 'quote', text: p, cite: p },
          { type: 'figure', src: 'https://example.cn/i.png', alt: p, caption: p },
          { type: 'footnote', id: 'fn-1', text: p },
        ],
      },
    ],
    sourceNote: p,
    authorNote: p,
    originalUrl: 'https://example.cn/o',
    disclaimer: p,
  };
}

/** A valid article with `u` in every URL field. */
function everyUrl(u: string) {
  const a = everyField('正文');
  a.breadcrumb[0].url = u;
  a.source.url = u;
  a.originalUrl = u;
  a.sections[0].blocks[0].text = ['见', { text: '链接', href: u } as never];
  (a.sections[0].blocks[4] as { src: string }).src = u;
  return a;
}

const article = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, id: 'hostile', title: '标题', ...fields });

// Script-injection payloads by category (OWASP XSS filter evasion cheat sheet,
// DOMPurify's test vectors). They call __canary(); alert is a canary too.
const SCRIPT_PAYLOADS: [string, string][] = [
  ['script tag', '<script>__canary()</script>'],
  ['img onerror', '<img src=x onerror=__canary()>'],
  ['svg onload', '<svg/onload=__canary()>'],
  ['attribute breakout', '"><script>__canary()</script>'],
  ['single-quote breakout', "'-__canary()-'"],
  ['iframe javascript src', '<iframe src="javascript:__canary()"></iframe>'],
  ['anchor javascript href', '<a href="javascript:__canary()">点我</a>'],
  ['body onload', '<body onload=__canary()>'],
  ['mXSS math/mglyph', '<math><mtext><table><mglyph><style><img src=x onerror=__canary()>'],
  ['mXSS svg style', '<svg><style><img src=x onerror=__canary()></style></svg>'],
  ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=__canary()>">'],
  ['details ontoggle', '<details open ontoggle=__canary()>'],
  ['autofocus onfocus', '<input autofocus onfocus=__canary()>'],
  ['template injection', "{{constructor.constructor('__canary()')()}}"],
  ['object data URL', '<object data="data:text/html,<script>parent.__canary()</script>"></object>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:__canary()">'],
  ['base href', '<base href="javascript:__canary()//">'],
  ['style import', "<style>@import 'javascript:__canary()';</style>"],
  ['formaction', '<form><button formaction=javascript:__canary()>x</button></form>'],
  ['entity-encoded tag', '&lt;script&gt;__canary()&lt;/script&gt;'],
  ['nested split tag', '<scr<script>ipt>__canary()</scr</script>ipt>'],
  ['remote script src', '<SCRIPT SRC=//127.0.0.1:1/x.js></SCRIPT>'],
  ['mixed-case javascript img', '<IMG SRC=JaVaScRiPt:__canary()>'],
  ['tab inside scheme', '<img src="jav&#x09;ascript:__canary()">'],
  ['decimal entity scheme', '<a href="&#106;avascript:__canary()">x</a>'],
  ['svg xlink href', '<svg><a xlink:href="javascript:__canary()"><text>x</text></a></svg>'],
  ['template element', '<template><img src=x onerror=__canary()></template>'],
  ['xmp breakout', '<xmp><img src=x onerror=__canary()></xmp>'],
  ['eval via src', '<img src=x:__canary() onerror=eval(src)>'],
  ['javascript URL as text', 'javascript:__canary()'],
  ['unicode-escaped tag', '\u003cscript\u003e__canary()\u003c/script\u003e'],
  ['null byte in tag', '<scr\u0000ipt>__canary()</scr\u0000ipt>'],
  ['html comment breakout', '<!--<img src="--><img src=x onerror=__canary()//">'],
  ['srcdoc iframe', '<iframe srcdoc="<script>parent.__canary()</script>"></iframe>'],
];

const URL_PAYLOADS: [string, string][] = [
  ['javascript', 'javascript:__canary()'],
  ['mixed case', 'JaVaScRiPt:__canary()'],
  ['embedded tab', 'java\tscript:__canary()'],
  ['embedded newline', 'java\nscript:__canary()'],
  ['leading control chars', '\u0001\u0002 javascript:__canary()'],
  ['zero-width inside', 'java\u200bscript:__canary()'],
  ['entity colon', 'javascript&#58;__canary()'],
  ['hex entities', '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:__canary()'],
  ['percent-encoded colon', 'javascript%3A__canary()'],
  ['percent-encoded scheme', '%6A%61%76%61%73%63%72%69%70%74:__canary()'],
  ['data HTML', 'data:text/html,<script>__canary()</script>'],
  ['data base64 upper case', 'DATA:text/html;base64,PHNjcmlwdD5fX2NhbmFyeSgpPC9zY3JpcHQ+'],
  ['vbscript', 'vbscript:msgbox(1)'],
  ['bidi isolate inside', 'java\u2066script:__canary()'],
  ['named tab entity', 'java&Tab;script:__canary()'],
];

const cases: Case[] = [
  // 1. every failure category, with its message
  { name: 'HTTP 404 names the status', status: 404, body: 'nope', check: says('HTTP 404') },
  { name: 'HTTP 403 names the status', status: 403, body: 'no', check: says('HTTP 403') },
  { name: 'HTTP 500 after the retries names the status', status: 500, body: 'boom', check: says('HTTP 500') },
  { name: 'network error', abort: true, check: says('网络错误') },
  { name: 'timeout after ?timeout=1', hang: true, query: '&timeout=1', check: says('请求超时：1 秒') },
  { name: 'HTML instead of JSON', contentType: 'text/html', body: '<!doctype html><p>hi</p>', check: says('内容类型是 text/html') },
  { name: 'JavaScript instead of JSON', contentType: 'application/javascript', body: '__canary()', check: says('不是 JSON') },
  { name: 'empty body', body: '', check: says('空内容') },
  { name: 'white-space body', body: ' \n\t ', check: says('空内容') },
  { name: 'body over the 5 MB cap', body: article({ summary: 'x'.repeat(5 * 1024 * 1024) }), check: says('5 MB') },
  { name: 'invalid UTF-8', body: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]), check: says('UTF-8') },
  { name: 'malformed JSON names line and column', body: '{\n  "title": ,\n}', check: says('第 2 行第 12 列') },
  { name: 'truncated JSON', body: '{"schemaVersion":1,"id":"a","title":"t', check: says('JSON 语法错误') },
  { name: 'wrong type', body: article({ title: 5 }), check: says('/title: expected a string, found the number 5') },
  { name: 'JSON array instead of an article', body: '[1,2,3]', check: says('/: expected an object, found a list') },
  { name: 'JSON null', body: 'null', check: says('/: expected an object, found null') },
  {
    name: 'validation lists every problem',
    body: JSON.stringify({ schemaVersion: 1, id: '9', title: '', lang: '' }),
    check: async (page) => {
      await says('未通过校验')(page);
      await expect(alert(page).getByRole('listitem')).toHaveCount(3);
      await expect(alert(page)).toContainText('/id');
      await expect(alert(page)).toContainText('/title');
      await expect(alert(page)).toContainText('/lang');
    },
  },
  { name: 'schemaVersion newer than the viewer', body: article({ schemaVersion: 99 }), check: says('文章格式版本 99') },
  {
    name: 'an English article is explained in English',
    body: JSON.stringify({ schemaVersion: 1, id: 'a', title: '', lang: 'en-GB' }),
    check: async (page) => {
      await expect(alert(page)).toContainText('failed validation', LONG);
      await expect(page.getByRole('heading', { name: 'The article cannot be shown' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    },
  },
  { name: 'byte order mark is accepted', body: '\ufeff' + article(), check: async (page) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('标题');
  } },
  // 6. structure attacks
  {
    name: 'JSON nested 10,000 levels deep is an error, not a crash',
    body: '{"schemaVersion":1,"id":"a","title":"t","lead":[{"type":"paragraph","text":' + '['.repeat(10000) + ']'.repeat(10000) + '}]}',
    check: says('JSON'),
  },
  {
    name: 'objects nested 10,000 levels in an unknown field are refused with their position',
    body: article({ extra: 0 }).replace('"extra":0', '"extra":' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000)),
    check: says(/JSON 语法错误：第 1 行第 \d+ 列/),
  },
  {
    name: 'duplicate keys are refused with a message',
    body: '{"schemaVersion":1,"id":"a","title":"first","title":"<img src=x onerror=__canary()>"}',
    check: says('title'),
  },
  {
    name: '5,000 sections render with a 5,000-entry table of contents',
    body: article({
      sections: Array.from({ length: 5000 }, (_, i) => ({ heading: `第${i + 1}节`, blocks: [{ type: 'paragraph', text: `内容${i + 1}` }] })),
    }),
    check: async (page) => {
      await expect(page.getByRole('navigation', { name: '目录' }).getByRole('link')).toHaveCount(5000, LONG);
      await expect(page.getByRole('heading', { level: 2, name: '第5000节' })).toBeAttached();
    },
  },
  {
    name: 'sections nested 50 deep render',
    body: article({
      sections: [Array.from({ length: 50 }).reduce<Record<string, unknown> | null>(
        (inner, _, i) => ({ heading: `层${50 - i}`, ...(inner ? { sections: [inner] } : {}) }), null)],
    }),
    check: async (page) => {
      await expect(page.getByRole('heading', { name: '层50' })).toBeAttached(LONG);
    },
  },
  {
    name: 'a 10,000-character unbroken string does not widen the page',
    body: JSON.stringify({
      ...everyField('长'.repeat(10) + 'W'.repeat(10000)),
      originalUrl: 'https://example.cn/' + 'a'.repeat(10000),
    }),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('WWWW', LONG);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
          .map((e) => `${e.localName}.${e.className}`),
      );
      expect(wide).toEqual([]);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        const [scroll, inner] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
        expect(scroll, `at ${width}px`).toBeLessThanOrEqual(inner);
      }
    },
  },
  {
    // 6,000: nginx refuses request lines over 8 KB (414) by default.
    name: 'a 6,000-character address in an error does not widen the page',
    status: 404,
    body: '',
    query: '&x=' + 'Q'.repeat(6000),
    check: async (page) => {
      await says('HTTP 404')(page);
      const [scroll, inner] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
      expect(scroll).toBeLessThanOrEqual(inner);
    },
  },
  {
    name: 'bidi overrides stay inside their element',
    body: JSON.stringify({
      ...everyField('\u202Egnp.exe\u202C'),
      authors: [{ name: '\u202E者作' }],
      source: { name: '\u2067源来\u2069' },
    }),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('\u202Egnp.exe\u202C', LONG);
      const bidi = await page.locator('.byline .author').evaluate((e) => getComputedStyle(e).unicodeBidi);
      expect(bidi).toBe('isolate');
      await expect(page.locator('.byline')).toContainText('作者：');
    },
  },
  {
    name: 'zero-width characters are kept as text',
    body: article({ title: 'a\u200b\u200c\u200d\u2060\ufeffb', subtitle: '\u00ad\u034f' }),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('a\u200b\u200c\u200d\u2060\ufeffb', LONG);
    },
  },
  {
    name: 'lang attribute injection stays an attribute value',
    body: article({ lang: 'zh" onmouseover="__canary()' }),
    check: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('标题', LONG);
      await page.getByRole('heading', { level: 1 }).hover();
    },
  },
  {
    name: 'payload in the section id is shown as text in the problem list',
    body: article({ sections: [{ id: '<img src=x onerror=__canary()>', heading: 'h' }] }),
    check: says('<img src=x onerror=__canary()>'),
  },
  {
    name: 'payload in the date is refused',
    body: article({ published: '2024-05-19"><script>__canary()</script>' }),
    check: says('/published'),
  },
];

for (const [label, p] of SCRIPT_PAYLOADS) {
  cases.push({
    name: `script payload in every text field: ${label}`,
    body: JSON.stringify(everyField(p)),
    check: async (page) => {
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toBeVisible(LONG);
      expect(await h1.textContent()).toBe(p);
      if (!p.includes('\u0000')) expect(await page.title()).toBe(p);
      await h1.hover();
    },
  });
}

for (const [label, u] of URL_PAYLOADS) {
  cases.push({
    name: `disguised URL in every URL field is refused: ${label}`,
    body: JSON.stringify(everyUrl(u)),
    check: async (page) => {
      await says('/originalUrl')(page);
      for (const path of ['/breadcrumb/0/url', '/source/url', '/sections/0/blocks/4/src']) {
        await expect(alert(page)).toContainText(path);
      }
    },
  });
}

test.describe('hostile input', () => {
  cases.forEach((c, i) => {
    test(`${i + 1}. ${c.name}`, async ({ page }) => {
      await page.route((url) => url.pathname === `/hostile/${i}.json`, async (route) => {
        if (c.abort) return route.abort('failed');
        if (c.hang) return; // never answered
        await route.fulfill({
          status: c.status ?? 200,
          contentType: c.contentType ?? 'application/json',
          body: c.body ?? '',
        });
      });
      await page.goto(`/?src=hostile/${i}.json${c.query ?? ''}`);
      await c.check(page);
      await expectSafeDom(page);
    });
  });
});

for (const [label, src] of [
  ['data: URL', 'data:application/json,{"schemaVersion":1,"id":"x","title":"<img src=x onerror=__canary()>"}'],
  ['javascript: URL', 'javascript:__canary()'],
  ['disguised javascript: URL', ' JAVA\tSCRIPT:__canary()'],
] as const) {
  test(`?src= with a ${label} is refused before any fetch`, async ({ page }) => {
    await page.goto(`/?src=${encodeURIComponent(src)}`);
    await expect(alert(page)).toContainText('不允许的文章地址协议');
    await expectSafeDom(page);
  });
}

test('an error keeps the reader\'s stored preferences and place', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.setItem('av-prefs', '{"theme":"dark","fontSize":20}');
    localStorage.setItem('av-position', 'sec-3');
  });
  await page.route((url) => url.pathname === '/hostile/prefs.json', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto('/?src=hostile/prefs.json#sec-3');
  await expect(alert(page)).toContainText('HTTP 404');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(alert(page)).toContainText('HTTP 404');
  expect(await page.evaluate(() => [localStorage.getItem('av-prefs'), localStorage.getItem('av-position')])).toEqual([
    '{"theme":"dark","fontSize":20}',
    'sec-3',
  ]);
  await expect(page).toHaveURL(/\?src=hostile\/prefs\.json#sec-3$/);
});

test('tampered wasm fails its integrity check and the page says so', async ({ page }) => {
  await page.route('**/*_bg.wasm', async (route) => {
    const resp = await route.fetch();
    const body = await resp.body();
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ status: 200, contentType: 'application/wasm', body });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('阅读器无法启动');
});
