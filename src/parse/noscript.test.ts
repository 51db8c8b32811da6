import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { parseHtml } from './parse.js';
import { NOSCRIPT_FALLBACK } from './noscript.js';

const PARAS = [
  'Over the past few years the threats we see on the web have become far more sophisticated: phishing sites rotate their domains within hours, and malware campaigns go straight for the users most at risk.',
  'Turning on the new protection mode substantially increases the protection from dangerous websites and downloads, because the browser checks pages against a list that is updated in real time.',
  'The setting is off by default and can be turned on from the privacy page of the settings; people who work in journalism, politics or activism are the ones we recommend it to most.',
];
const BODY = PARAS.map((p) => `<p>${p}</p>`).join('\n');

/** A post whose body a script renders from a template, with a <noscript> copy for readers without scripts. */
function templatedPost(noscriptBody: string, shownAround = ''): string {
  return `<!doctype html><html lang="en"><head><title>Safer browsing, now in the browser</title></head><body>
<div class="blog"><div class="post" itemscope itemtype="http://schema.org/BlogPosting">
<h2 class="title" itemprop="name">Safer browsing, now in the browser</h2>
<div class="post-body"><div class="post-content" itemprop="articleBody">${shownAround}
<script type="text/template">${BODY}</script>
<noscript>${noscriptBody}</noscript>
</div></div></div>
<div class="sidebar"><h3>Labels</h3><ul><li><a href="/l/a">android</a></li><li><a href="/l/b">chrome</a></li></ul></div></div>
<noscript><img src="https://tracker.example/pixel.gif" width="1" height="1" alt=""></noscript>
<noscript><p>Please enable JavaScript to view the comments.</p></noscript>
</body></html>`;
}

describe('noscript content fallbacks', () => {
  it('reads the article a script would render from the <noscript> copy', () => {
    const a = extract(templatedPost(BODY));
    for (const p of PARAS) expect(a.body.text).toContain(p);
    expect(a.body.text).not.toMatch(/enable JavaScript|pixel/);
    expect(a.body.html).not.toContain('noscript');
  });

  it('keeps a notice, a tracking pixel and an image fallback invisible', () => {
    const { document, noscripts } = parseHtml(templatedPost(BODY), { maxNodes: 1e6, maxDepth: 512, deadline: Infinity, now: () => 0 });
    expect(noscripts.map((n) => n.name)).toEqual(['div', 'noscript', 'noscript']);
    expect(document).toBeDefined();
  });

  it('leaves a noscript that repeats text the page already shows', () => {
    const a = extract(templatedPost(BODY, BODY));
    // Each paragraph once: the shown copy, not the noscript's too.
    for (const p of PARAS) expect(a.body.text.split(p).length - 1).toBe(1);
  });

  it('leaves a short noscript note, even one in a paragraph', () => {
    const html = templatedPost('<p>This blog needs JavaScript to show its posts; please turn it on.</p>');
    const { noscripts } = parseHtml(html, { maxNodes: 1e6, maxDepth: 512, deadline: Infinity, now: () => 0 });
    expect(noscripts[0]!.name).toBe('noscript');
    expect(extract(html).body.text).not.toContain('needs JavaScript');
  });
});

describe('noscript fallbacks on adversarial pages', () => {
  it('measures at most NOSCRIPT_FALLBACK.maxChecks noscripts, so thousands of nested ones stay linear', () => {
    const prose = `<p>${'A paragraph of fallback prose that is long enough to count as content. '.repeat(4)}</p>`;
    const depth = 3000;
    const html = `<body>${'<div><noscript>' + prose + '</noscript>'.repeat(1)}`.repeat(depth) + '</div>'.repeat(depth) + '</body>';
    const built = parseHtml(html, { maxNodes: 1e6, maxDepth: 100_000, deadline: Infinity, now: () => 0 });
    expect(built.noscripts.length).toBe(depth);
    expect(built.noscripts.filter((n) => n.name === 'div').length).toBeLessThanOrEqual(NOSCRIPT_FALLBACK.maxChecks);
  });
});
