import { describe, expect, it } from 'vitest';
import { htmlProblems, serialise, tagsOf } from './test-helpers.js';

/** Classic script-injection vectors, written for these tests. */
const VECTORS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<img src="https://x.test/a.png" onload="alert(1)" style="background:url(javascript:alert(1))">',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">',
  '<img srcset="javascript:alert(1) 2x">',
  '<img data-src="javascript:alert(1)" src="blank.gif">',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi><maction actiontype="statusline">y</maction></math>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href=" &#14; javascript:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="java&#x0A;script:alert(1)">click</a>',
  '<a href="java\u0000script:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">click</a>',
  '<a href="https://x.test/" onclick="alert(1)" onmouseover="alert(1)">ok</a>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"><param name="x" value="y"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<form action="javascript:alert(1)"><input type="submit" formaction="javascript:alert(1)"><button>b</button></form>',
  '<style>@import "https://evil.test/x.css"; p { background: url(javascript:alert(1)) }</style>',
  '<link rel="stylesheet" href="https://evil.test/x.css">',
  '<base href="https://evil.test/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<p style="behavior:url(x.htc); -moz-binding:url(x)">styled</p>',
  '<div onmouseover="alert(1)">hover</div>',
  '<body onload="alert(1)">body</body>',
  '<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)></audio>',
  '<details open ontoggle=alert(1)>d</details>',
  '<marquee onstart=alert(1)>m</marquee>',
  '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">c</td><td>d</td></tr></table>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<q cite="javascript:alert(1)">q</q>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<template><img src=x onerror=alert(1)></template>',
  '<textarea><script>alert(1)</script></textarea>',
  '<title><script>alert(1)</script></title>',
  '<xmp><script>alert(1)</script></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<a href="https://x.test/">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
  '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img """><script>alert(1)</script>">',
  '<a href="https://x.test/" title=\'"><script>alert(1)</script>\'>t</a>',
  '<abbr title="&quot; onmouseover=&quot;alert(1)">a</abbr>',
  '<time datetime="\'><script>alert(1)</script>">t</time>',
  '<ol start="1 onclick=alert(1)"><li>x</li></ol>',
  '<td colspan="2 onclick=alert(1)">c</td>',
  '<img src="https://x.test/a.png" alt="&quot;><script>alert(1)</script>">',
  '<portal src="https://evil.test/"></portal>',
  '<applet code="x"></applet>',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<isindex action="javascript:alert(1)">',
  '<img src="data:image/png;base64,iVBORw0KGgo=" onerror="alert(1)">',
];

describe('security: classic injection vectors never survive', () => {
  it.each(VECTORS.map((v) => [v]))('%s', (vector) => {
    for (const baseUrl of [null, 'https://news.test/a/']) {
      const out = serialise(`<div><p>before</p>${vector}<p>after</p></div>`, { baseUrl });
      // Re-parsed: only allowlisted tags and attributes (so no on*, style, srcdoc, ...), only safe URLs.
      expect(htmlProblems(out.html)).toEqual([]);
      // Text and attribute values escape "<", so a literal "<tag" can only be markup.
      expect(out.html).not.toMatch(/<(?:script|style|iframe|svg|math|form|object|embed|base|meta|link|noscript|template)\b/i);
      expect(out.html).toContain('<p>before</p>');
      // The Markdown must not carry an active link, image or raw HTML either.
      expect(out.markdown).not.toMatch(/\]\(\s*<?\s*(?:javascript|vbscript|data:text)/i);
      expect(out.markdown).not.toMatch(/(?<!\\)<(?:script|img|iframe|svg|a\s)/i);
    }
  });

  it('keeps the harmless text of injection attempts as text', () => {
    const out = serialise('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(out.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(tagsOf(out.html)).toEqual(['p']);
    expect(out.text).toBe('<img src=x onerror=alert(1)>');
    expect(out.markdown).toBe('&lt;img src=x onerror=alert(1)>');
  });
});
