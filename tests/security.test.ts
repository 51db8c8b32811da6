/**
 * End-to-end XSS check without ../shared: injection vectors written for these
 * tests (classic, mutation-XSS and namespace-confusion forms) go through
 * `extract` inside a realistic article page, and body.html is checked as a
 * browser would parse it (parse5 via jsdom, then re-parsed) by the same
 * checker `npm run security` uses on the published corpus.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import MarkdownIt from 'markdown-it';
import { render } from '../src/cli/formats.js';
import { extract } from '../src/index.js';
import {
  articlePage,
  htmlScriptRisks,
  MARKDOWN_PLACES,
  markdownRenderChecker,
  markdownScriptRisks,
  PAGE_URL,
  PLACES,
  SENTINEL_FIRST,
} from '../scripts/lib/xss-check.mjs';

const VECTORS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="&#x6A;avascript&colon;alert(1)">a</a>',
  '<a href="  java\tscript:alert(1)">b</a>',
  '<a href="vbscript:msgbox(1)">c</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<base href="javascript:/"><a href="/alert(1)">e</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<div style="background:url(javascript:alert(1))">f</div>',
  '<p onmouseover="alert(1)" onclick=alert(1)>g</p>',
  '<details open ontoggle=alert(1)>h</details>',
  '<table background="javascript:alert(1)"><tr><td>i</td></tr></table>',
  '<template><img src=x onerror=alert(1)></template>',
  '<textarea></textarea><img src=x onerror=alert(1)>',
  '<title></title><img src=x onerror=alert(1)>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<![CDATA[><img src=x onerror=alert(1)>]]>',
  '<a href="https://ok.example/" title="&quot;><img src=x onerror=alert(1)>">j</a>',
  '<img src="https://ok.example/a.png" alt="`><img src=x onerror=alert(1)>">',
  '<pre>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>',
  '<code>`<img src=x onerror=alert(1)>`</code>',
  '[k](javascript:alert(1)) and ![l](javascript:alert(1))',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<div><img src=x onerror=alert(1)//',
  // A GFM autolink (marked, markdown-it linkify) takes a "\\" escaping the "<" after a URL into the link.
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'see http://x.example/a"&gt;&lt;script&gt;alert(1)&lt;/script&gt; and www.x.example/b&lt;img src=x onerror=alert(1)&gt;',
];

describe('the checker finds what could run script', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', /attribute img\[onerror\]/],
    ['<p><svg><circle/></svg></p>', /foreign element <svg>/],
    ['<a href="java\tscript:alert(1)">x</a>', /unsafe URL a\[href\]/],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', /unsafe URL img\[src\]/],
    ['<p style="x">x</p>', /attribute p\[style\]/],
    ['<iframe></iframe>', /element <iframe>/],
    ['<p><!-- x --></p>', /comment node/],
  ])('%s', (html, problem) => {
    expect(htmlScriptRisks(html, { JSDOM }).join('\n')).toMatch(problem);
  });

  it('accepts what body.html is allowed to hold', () => {
    const safe =
      '<h2>T</h2>\n<p><a href="https://a.example/x" title="t">a</a> <em>b</em> <img src="data:image/png;base64,AA==" alt="c" width="10" height="10"></p>\n<ol start="3"><li>d</li></ol>';
    expect(htmlScriptRisks(safe, { JSDOM })).toEqual([]);
    expect(markdownScriptRisks('[a](https://a.example/x) ![b](/img.png) `<img src=x>`')).toEqual([]);
    expect(markdownScriptRisks('[a](javascript:alert(1))')).not.toEqual([]);
    expect(markdownScriptRisks('text <img src=x onerror=alert(1)>')).not.toEqual([]);
  });
});

describe('no injection vector survives extract', () => {
  const cases = VECTORS.flatMap((v) => PLACES.map((place) => [place, v] as const));
  it.each(cases)('%s: %s', (place, vector) => {
    const article = extract(articlePage(vector, place), { url: PAGE_URL });
    expect(article.body.text).toContain(SENTINEL_FIRST);
    expect(htmlScriptRisks(article.body.html, { JSDOM })).toEqual([]);
    expect(markdownScriptRisks(article.body.markdown)).toEqual([]);
  });
});

describe('Markdown rendered to HTML (marked, markdown-it, markdown-it html: true) runs no script', () => {
  const checker = markdownRenderChecker({ JSDOM, marked, MarkdownIt });
  afterAll(() => checker.close());

  it('the checker finds script, handlers, dangerous URLs and raw HTML in rendered Markdown', () => {
    expect(checker.risks('# <img src=x onerror=alert(1)>').join('\n')).toMatch(/marked: event handler img\[onerror\]/);
    expect(checker.risks('# <img src=x onerror=alert(1)>').join('\n')).toMatch(/markdown-it html: event handler/);
    expect(checker.risks('[a](javascript:alert(1)) ![b](javascript:alert(1))').join('\n')).toMatch(/unsafe URL/);
    expect(checker.risks('[!\\[x\\](javascript:alert(1))](https://ok.example/)').join('\n')).toMatch(/marked: unsafe URL img\[src\]/);
    expect(checker.risks('a <b>b</b>').join('\n')).toMatch(/element <b> \(raw HTML/);
    expect(checker.risks('# T\n\n[a](https://a.example/ "t") ![b](/b.png)\n\n- [ ] x\n\n| a |\n| - |\n| b |')).toEqual([]);
  });

  it("a headline holding markup is escaped in the CLI's Markdown", () => {
    const article = extract(articlePage('<img src=x onerror=alert(1)> [x](javascript:alert(1)) #', 'headline'), { url: PAGE_URL });
    expect(article.headline).toContain('<img src=x onerror=alert(1)>');
    const printed = render(article, 'markdown');
    expect(printed.split('\n')[0]).toBe(
      '# Council approves city budget after late-night debate &lt;img src=x onerror=alert(1)> \\[x\\](javascript:alert(1)) \\#',
    );
    expect(checker.risks(printed)).toEqual([]);
  });

  it('link text holding "![x](javascript:...)" is not an image in marked', () => {
    const page = articlePage(
      '<a href="https://ok.example/">![x](javascript:alert(1))</a> and <a href="https://ok.example/">Wow!</a><a href="https://ok.example/b">[y](javascript:alert(1))</a>',
      'inline',
    );
    const { markdown } = extract(page, { url: PAGE_URL }).body;
    expect(markdown).toContain('[\\!\\[x\\](javascript:alert(1))](https://ok.example/)');
    expect(markdown).toContain('[Wow\\!](https://ok.example/)');
    expect(checker.risks(markdown)).toEqual([]);
  });

  const cases = VECTORS.flatMap((v) => MARKDOWN_PLACES.map((place) => [place, v] as const));
  it.each(cases)('%s: %s', (place, vector) => {
    const article = extract(articlePage(vector, place), { url: PAGE_URL });
    expect(article.body.text).toContain(SENTINEL_FIRST);
    expect(checker.risks(article.body.markdown)).toEqual([]);
    expect(checker.risks(render(article, 'markdown'))).toEqual([]);
  });
});
