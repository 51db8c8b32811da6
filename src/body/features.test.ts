import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { parseHtml } from '../parse/parse.js';
import { indexPage } from './features.js';

const PARAS = [
  'The airline has a new date for when it becomes a full member of the alliance: the end of March next year, about three months later than its executives had planned when it was invited.',
  'Frequent flyers will still be able to earn and spend miles across the alliance, use its lounges around the world and reach more than a thousand destinations on its partners.',
  "In addition, flyers of the other members will have access to the airline's network and lounges, including the new flagship lounge it opened at its home airport last year.",
  'The carrier expects the change to bring in more long-haul passengers, who connect to its domestic network, and to add revenue from partners selling its flights abroad.',
];
const DISCLOSURE =
  'Many of the credit card offers that appear on the website are from credit card companies from which we receive compensation. This compensation may impact how and where products appear on this site, including the order in which they appear. This site does not include all credit card companies or all available credit card offers. Please view our advertising policy page for more information, and our editorial policy for how we choose what to cover.';

/** A theme whose whole page frame sits in a wrapper named after the footer it precedes. */
function framed(wrapperClass: string): string {
  return `<!doctype html><html lang="en"><head><title>Airline sets a new date</title></head><body>
<section class="advertiser-disclosure-body"><h3>Advertiser Disclosure</h3><p>${DISCLOSURE}</p><p>${DISCLOSURE}</p></section>
<div class="${wrapperClass}"><div class="global-container"><section class="article-content"><h1>Airline sets a new date for alliance membership</h1>
<div class="article-wrapper"><div class="article-body-content">${[...PARAS, ...PARAS.map((p) => `Later, ${p}`)].map((p) => `<p>${p}</p>`).join('\n')}</div></div></section></div></div>
<footer class="site-footer"><p>© 2024 Example Media</p></footer></body></html>`;
}

describe('layout wrappers with unlikely names', () => {
  it('finds the article inside a wrapper named "above-footer" that frames the whole page', () => {
    const a = extract(framed('above-footer'));
    for (const p of PARAS) expect(a.body.text).toContain(p);
  });

  it('leaves a small "footer" block unlikely, and clears only the frame', () => {
    const { document } = parseHtml(framed('above-footer'), { maxNodes: 1e6, maxDepth: 512, deadline: Infinity, now: () => 0 });
    const index = indexPage(document);
    const byClass = (c: string) => index.elements.find((el) => el.attribs.class === c)!;
    expect(index.stats.get(byClass('above-footer'))!.unlikely).toBe(false);
    expect(index.stats.get(byClass('article-body-content'))!.unlikely).toBe(false);
    expect(index.stats.get(byClass('site-footer'))!.unlikely).toBe(true);
  });

  it('keeps a comment section unlikely however long, when the headline is not in it', () => {
    const comments = Array.from({ length: 30 }, (_, i) => `<div class="comment"><p>Comment ${i}: ${PARAS[i % 4]}</p></div>`).join('');
    const html = framed('page').replace('<footer', `<div class="comments-area">${comments}</div><footer`);
    const { document } = parseHtml(html, { maxNodes: 1e6, maxDepth: 512, deadline: Infinity, now: () => 0 });
    const index = indexPage(document);
    expect(index.stats.get(index.elements.find((el) => el.attribs.class === 'comments-area')!)!.unlikely).toBe(true);
    expect(extract(html).body.text).not.toContain('Comment 3:');
  });
});

describe('layout wrappers on adversarial pages', () => {
  it('stays linear with thousands of nested unlikely-named wrappers around the headline', () => {
    const depth = 5000;
    const html = `<body>${'<div class="footer-wrap">'.repeat(depth)}<h1>Title</h1><p>${'Words of the article. '.repeat(40)}</p>${'</div>'.repeat(depth)}</body>`;
    const { document } = parseHtml(html, { maxNodes: 1e6, maxDepth: 100_000, deadline: Infinity, now: () => 0 });
    const index = indexPage(document);
    const wrappers = index.elements.filter((el) => el.attribs.class === 'footer-wrap');
    expect(wrappers).toHaveLength(depth);
    expect(wrappers.every((el) => index.stats.get(el)!.unlikely === false)).toBe(true);
  });
});
