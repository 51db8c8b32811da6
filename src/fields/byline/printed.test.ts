import { parseDocument } from 'htmlparser2';
import { Element, Text, type AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../index.js';
import { creditText } from './credit-text.js';

/** A small article page: `header` is printed above the story's paragraphs. */
function page(header: string, head = ''): string {
  const para =
    '<p>The council voted on Tuesday to extend the harbour ferry timetable into the winter months, after a year of record passenger numbers on the route between the two piers.</p>';
  return `<html><head><title>Harbour ferries to run all winter | The Millbrook Gazette</title>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>${header}${para.repeat(6)}</article></body></html>`;
}

describe('creditText', () => {
  it('glues a word split by an inline element and separates styled pieces', () => {
    const doc = parseDocument('<p><a>Will Knigh<span>t</span></a><span>Staff Writer</span></p>');
    expect(creditText(doc.children[0]!)).toBe('Will Knight Staff Writer');
    const lower = parseDocument('<p><a>James Lynch</a><span>from Lakeside University</span></p>');
    expect(creditText(lower.children[0]!)).toBe('James Lynch from Lakeside University');
  });

  it('separates blocks and line breaks, and skips scripts', () => {
    const doc = parseDocument('<div>Jane<br>Doe<div>Reporter</div><script>var a = 1;</script></div>');
    expect(creditText(doc.children[0]!)).toBe('Jane Doe Reporter');
  });

  it('does not overflow on deep nesting', () => {
    // Built by hand: the parser itself is not what is tested.
    let node: AnyNode = new Text('Jane Doe');
    for (let i = 0; i < 100_000; i++) {
      const el: Element = new Element('span', {}, [node]);
      node.parent = el;
      node = el;
    }
    expect(creditText(node)).toBe('Jane Doe');
  });

  it('never returns text that was not in the page', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Ann', 'lee', ' ', '<b>', '</b>', '<i>x</i>', '<br>'), { maxLength: 30 }), (pieces) => {
        const out = creditText(parseDocument(pieces.join('')));
        const letters = (s: string): string => s.replace(/[^a-z]/gi, '');
        expect(letters(out)).toBe(
          letters(
            pieces
              .filter((p) => !p.startsWith('<') || p === '<i>x</i>')
              .join('')
              .replace(/<\/?i>/g, ''),
          ),
        );
      }),
    );
  });
});

describe('printed byline', () => {
  it('is found near an h2 headline when the only h1 is elsewhere', () => {
    const filler = '<li><a href="/a">Another story about the town</a></li>'.repeat(160);
    const html = page(
      `<h2>Harbour ferries to run all winter</h2><ul>${filler.slice(0, 40 * 56)}</ul><p class="story-meta-author">Von Anna Berg und Jonas Klee</p>`,
    ).replace('<nav>', `<div class="menu"><h1>Harbour ferries to run all winter</h1><ul>${filler}${filler}</ul></div><nav>`);
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Anna Berg und Jonas Klee');
    expect(a.authors).toEqual(['Anna Berg', 'Jonas Klee']);
  });

  it('skips a photographer credited in a figure or a caption credit', () => {
    const html = page(`<h1>Harbour ferries to run all winter</h1>
<figure><img src="/f.jpg"><figcaption><cite>Photo by Sam Lowe/Pier Pictures</cite></figcaption></figure>
<div class="gallery-item"><img src="/g.jpg"><p>Passengers board the late ferry at the north pier. <span class="pic-copyright">Quelle: Sam Lowe</span></p></div>
<div class="byline">By Priya Natarajan</div>`);
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Priya Natarajan');
  });

  it('drops the outlet named after the people, and contact details', () => {
    const html = page(
      '<h1>Harbour ferries to run all winter</h1><div class="byline">By Priya Natarajan, Millbrook Gazette <a href="mailto:p@millbrook.example">p.n@millbrook.example</a></div>',
      '<meta property="og:site_name" content="Millbrook Gazette">',
    );
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Priya Natarajan');
    expect(a.authors).toEqual(['Priya Natarajan']);
  });

  it("keeps an outlet that is not the page's own", () => {
    const html = page('<h1>Harbour ferries to run all winter</h1><div class="byline">By Priya Natarajan, Coastal Courier</div>');
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Priya Natarajan, Coastal Courier');
  });

  it('is found beside a heading that prints the headline after a kicker', () => {
    const filler = '<li><a href="/a">Another story about the town</a></li>'.repeat(160);
    const html = page(
      `<h2><span>Winter timetable:</span> <span>Harbour ferries to run all winter</span></h2><p class="meta-item-author">Von Anna Berg und Jonas Klee</p>`,
      '<meta property="og:title" content="Harbour ferries to run all winter">',
    ).replace('<nav>', `<div class="menu"><h1>Millbrook Gazette</h1><ul>${filler}${filler}</ul></div><nav>`);
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Anna Berg und Jonas Klee');
  });

  it("is found when a consent plugin's class on <body> marks the whole page", () => {
    const html = page('<h1>Harbour ferries to run all winter</h1><span class="entry-meta-author author vcard">Priya Natarajan</span>').replace(
      '<body>',
      '<body class="single-post cookies-not-set">',
    );
    const a = extract(html, { url: 'https://millbrook.example/news/ferries' });
    expect(a.byline).toBe('Priya Natarajan');
  });
});

describe('structured bylines', () => {
  it('reads the author of a JSON-LD WebPage when no article node names one', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://millbrook.example/#site', name: 'Millbrook Gazette' },
        { '@type': 'WebPage', '@id': 'https://millbrook.example/news/ferries', author: { '@id': 'https://millbrook.example/#/person/1' } },
        { '@type': 'Person', '@id': 'https://millbrook.example/#/person/1', name: 'Priya Natarajan' },
      ],
    });
    const a = extract(page('<h1>Harbour ferries to run all winter</h1>', `<script type="application/ld+json">${ld}</script>`), {
      url: 'https://millbrook.example/news/ferries',
    });
    expect(a.byline).toBe('Priya Natarajan');
  });

  it('does not return a login handle or a default account as the byline', () => {
    const handle = extract(page('<h1>Harbour ferries to run all winter</h1>', '<meta name="author" content="priya.natarajan">'), {
      url: 'https://millbrook.example/news/ferries',
    });
    expect(handle.byline).toBeNull();
    expect(handle.authors).toEqual([]);
    const admin = extract(
      page('<h1>Harbour ferries to run all winter</h1><span class="byline">By <a rel="author" href="/author/wordpressadmin">wordpressadmin</a></span>'),
      { url: 'https://millbrook.example/news/ferries' },
    );
    expect(admin.byline).toBeNull();
  });

  it('reads a Twitter card value labelled as the author, and no other labelled value', () => {
    const head =
      '<meta name="twitter:label1" content="Geschätzte Lesezeit"><meta name="twitter:data1" content="3 Minuten">' +
      '<meta name="twitter:label2" content="Verfasst von"><meta name="twitter:data2" content="Priya Natarajan">';
    expect(extract(page('<h1>Harbour ferries to run all winter</h1>', head), { url: 'https://millbrook.example/news/ferries' }).byline).toBe('Priya Natarajan');
    const other = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Three minutes">';
    expect(extract(page('<h1>Harbour ferries to run all winter</h1>', other), { url: 'https://millbrook.example/news/ferries' }).byline).toBeNull();
  });

  it('does not read a teaser\'s kicker opening with "Von" as a credit, but keeps a credit with a labelled date', () => {
    const teaser = page(
      '<h1>Harbour ferries to run all winter</h1><div class="teaser"><span>Von Sturm und Regen überrascht:</span> <a href="/b">Fähre bleibt im Hafen</a></div>',
    );
    expect(extract(teaser, { url: 'https://millbrook.example/news/ferries' }).byline).toBeNull();
    const dated = page('<h1>Harbour ferries to run all winter</h1><p>By Priya Natarajan | Updated: May 19, 2024</p>');
    expect(extract(dated, { url: 'https://millbrook.example/news/ferries' }).byline).toBe('Priya Natarajan');
  });
});
