/**
 * Page shapes for the growth test: each builds a page whose size grows with
 * `n` (images, links, empty elements, JSON-LD graphs, deep nesting...), the
 * shapes a hostile or merely odd page takes. Every stage of `extract` must
 * cost about the same per unit of `n` whatever the shape, so `extract` on the
 * 4n page costs about 4 times the n page.
 */

/** One growth shape: a name, the `n` whose page takes tens of milliseconds, and the page builder. */
export interface GrowthShape {
  name: string;
  n: number;
  page: (n: number) => string;
}

const times = (n: number, f: (i: number) => string): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += f(i);
  return out;
};

const PROSE = 'The council voted on Tuesday to approve the new budget after a long debate about the cost of repairs to the harbour wall and the town library.';

/** An ordinary article around the shape, so that every stage (scoring, cleaning, captions, serialising) runs. */
function article(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour wall repairs approved - The Gazette</title>${head}</head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>Harbour wall repairs approved</h1><p class="byline">By Jane Doe</p><time datetime="2024-03-05T10:00:00Z">5 March 2024</time>
<p>${PROSE}</p><p>${PROSE}</p>${body}<p>${PROSE}</p><p>${PROSE}</p></article></main>
<footer><p>Copyright The Gazette</p></footer></body></html>`;
}

/** A page whose JSON-LD is `graph` (the `@graph` array of one script). */
function jsonLd(graph: unknown[]): string {
  return article('', `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`);
}

const nest = (depth: number, open: string, close: string, inner: string): string => open.repeat(depth) + inner + close.repeat(depth);

export const GROWTH_SHAPES: readonly GrowthShape[] = [
  // images and captions
  { name: 'bare images in a row', n: 2000, page: (n) => article(times(n, (i) => `<img src="/i/${i}.jpg">`)) },
  { name: 'images each in a paragraph', n: 2000, page: (n) => article(times(n, (i) => `<p><img src="/i/${i}.jpg" alt=""></p>`)) },
  {
    name: 'figures with captions',
    n: 1000,
    page: (n) => article(times(n, (i) => `<figure><img src="/i/${i}.jpg"><figcaption>Photo ${i} of the wall. Photo: J. Doe</figcaption></figure>`)),
  },
  {
    name: 'wp-caption boxes',
    n: 1000,
    page: (n) => article(times(n, (i) => `<div class="wp-caption"><img src="/i/${i}.jpg"><p class="wp-caption-text">The wall, view ${i}.</p></div>`)),
  },
  {
    name: 'images with plain captions',
    n: 1000,
    page: (n) => article(times(n, (i) => `<p><img src="/i/${i}.jpg"></p><p><em>The harbour wall, seen from the east, number ${i}.</em></p>`)),
  },
  { name: 'noscript images', n: 1000, page: (n) => article(times(n, (i) => `<noscript><img src="/i/${i}.jpg"></noscript>`)) },
  {
    name: 'pictures with long srcsets',
    n: 1500,
    page: (n) =>
      article(
        times(
          n,
          (i) => `<picture><source srcset="${times(8, (w) => `/i/${i}-${w}.jpg ${w * 100 + 100}w, `)}/i/${i}.jpg 900w"><img src="/i/${i}.jpg"></picture>`,
        ),
      ),
  },
  // links
  { name: 'many links in one paragraph', n: 2000, page: (n) => article(`<p>${times(n, (i) => `word <a href="/l/${i}">link ${i}</a> `)}</p>`) },
  { name: 'short paragraphs with links', n: 1500, page: (n) => article(times(n, (i) => `<p>See <a href="https://other.example/${i}">this</a>.</p>`)) },
  { name: 'link list in a nav', n: 2000, page: (n) => article(`<ul class="related">${times(n, (i) => `<li><a href="/s/${i}">Story ${i}</a></li>`)}</ul>`) },
  // empty and repeated nodes
  {
    name: 'empty inline elements before a link',
    n: 20000,
    page: (n) => article(`<p>Originally published at ${'<span></span>'.repeat(n)}<a href="https://x.example/">x</a></p>`),
  },
  {
    name: 'empty inline runs before many links',
    n: 1200,
    page: (n) => article(`<p>${times(n, (i) => `${'<span></span>'.repeat(20)}<a href="/l/${i}">x</a>`)}</p>`),
  },
  { name: 'empty divs', n: 5000, page: (n) => article('<div></div>'.repeat(n)) },
  { name: 'empty paragraphs', n: 5000, page: (n) => article('<p>&nbsp;</p>'.repeat(n)) },
  { name: 'line breaks in a paragraph', n: 20000, page: (n) => article(`<p>${times(n, (i) => `line ${i}<br>`)}</p>`) },
  { name: 'bare line breaks', n: 80000, page: (n) => article('<br>'.repeat(n)) },
  { name: 'comments', n: 60000, page: (n) => article(times(n, (i) => `<!-- note ${i} -->`)) },
  // attributes
  { name: 'many attributes on one element', n: 12000, page: (n) => article(`<div ${times(n, (i) => `data-a${i}="v" `)}><p>${PROSE}</p></div>`) },
  { name: 'many classes per element', n: 400, page: (n) => article(times(n, () => `<div class="${times(100, (i) => `c${i} `)}"><p>${PROSE}</p></div>`)) },
  { name: 'long attribute values', n: 200, page: (n) => article(times(n, (i) => `<a href="/${'x'.repeat(2000)}${i}" title="${'t '.repeat(1000)}">link</a> `)) },
  // JSON-LD
  {
    name: 'JSON-LD repeated @id references',
    n: 1500,
    page: (n) =>
      jsonLd(
        Array.from({ length: n }, (_, i) => ({
          '@type': 'NewsArticle',
          '@id': `#a${i}`,
          headline: 'Harbour wall',
          image: Array.from({ length: 20 }, (_, j) => ({ '@id': `#img${j}` })),
          author: Array.from({ length: 20 }, (_, j) => ({ '@id': `#p${j}` })),
        })),
      ),
  },
  {
    name: 'JSON-LD mutually referencing @graph',
    n: 5000,
    page: (n) =>
      jsonLd(
        Array.from({ length: n }, (_, i) => ({
          '@type': 'NewsArticle',
          '@id': `#n${i}`,
          headline: `H${i}`,
          image: { '@id': `#n${(i + 1) % n}` },
          author: { '@id': `#n${(i + 7) % n}` },
          isPartOf: { '@id': `#n${(i + 3) % n}` },
        })),
      ),
  },
  {
    name: 'JSON-LD deep nesting',
    n: 300,
    page: (n) =>
      jsonLd(
        Array.from({ length: n }, (_, i) => {
          let node: Record<string, unknown> = { '@type': 'NewsArticle', headline: `Deep ${i}` };
          for (let d = 0; d < 40; d++) node = { '@type': 'WebPage', mainEntity: node, about: { name: `x${d}` } };
          return node;
        }),
      ),
  },
  {
    name: 'JSON-LD huge arrays',
    n: 20000,
    page: (n) =>
      jsonLd([
        {
          '@type': 'NewsArticle',
          headline: 'Arrays',
          keywords: Array.from({ length: n }, (_, i) => `k${i}`),
          author: Array.from({ length: n }, (_, i) => ({ '@type': 'Person', name: `Author ${i}` })),
          image: Array.from({ length: n }, (_, i) => `https://x.example/${i}.jpg`),
        },
      ]),
  },
  {
    name: 'many JSON-LD scripts',
    n: 800,
    page: (n) =>
      article(
        '',
        times(n, (i) => `<script type="application/ld+json">{"@type":"NewsArticle","@id":"#a${i}","headline":"H ${i}","datePublished":"2024-03-05"}</script>`),
      ),
  },
  // structure and nesting
  { name: 'table rows', n: 1500, page: (n) => article(`<table>${times(n, (i) => `<tr><td>${i}</td><td>Harbour</td><td>wall repairs</td></tr>`)}</table>`) },
  { name: 'deeply nested lists', n: 2000, page: (n) => article(nest(n, '<ul><li>item ', '</li></ul>', 'end')) },
  { name: 'deeply nested divs', n: 40000, page: (n) => article(nest(n, '<div>', '</div>', `<p>${PROSE}</p>`)) },
  { name: 'deeply nested inline elements', n: 12000, page: (n) => article(`<p>${nest(n, '<span><b>', '</b></span>', 'deep text')}</p>`) },
  { name: 'nested lists of bounded depth', n: 100, page: (n) => article(times(n, () => nest(30, '<ul><li>item ', '</li></ul>', 'end'))) },
  { name: 'nested tables', n: 2000, page: (n) => article(nest(n, '<table><tr><td>', '</td></tr></table>', PROSE)) },
  // text
  { name: 'one long text run', n: 20000, page: (n) => article(`<p>${'harbour wall '.repeat(n)}</p>`) },
  { name: 'many paragraphs', n: 2000, page: (n) => article(times(n, () => `<p>${PROSE}</p>`)) },
  { name: 'many headings', n: 1000, page: (n) => article(times(n, (i) => `<h2>Part ${i}</h2><p>${PROSE}</p>`)) },
  { name: 'many h1s', n: 1500, page: (n) => article(times(n, (i) => `<h1>Headline ${i}</h1>`)) },
  { name: 'byline-like lines', n: 1500, page: (n) => article(times(n, (i) => `<p class="byline author">By Reporter ${i}</p>`)) },
  {
    name: 'date-like lines',
    n: 3000,
    page: (n) => article(times(n, (i) => `<p class="date">Published March ${(i % 28) + 1}, 2024 10:${String(i % 60).padStart(2, '0')}</p>`)),
  },
  { name: 'time elements', n: 1500, page: (n) => article(times(n, (i) => `<time datetime="2024-03-${String((i % 28) + 1).padStart(2, '0')}">March</time> `)) },
  { name: 'long title', n: 50000, page: (n) => article('').replace('<title>', `<title>${'word '.repeat(n)}`) },
  {
    name: 'byline-like lines without a headline',
    n: 1500,
    page: (n) => article(times(n, (i) => `<p class="byline author">By Reporter ${i}</p>`)).replace(/<h1>.*?<\/h1>/, ''),
  },
  { name: 'headline copies in h2s', n: 1000, page: (n) => article(times(n, () => `<h2>Harbour wall repairs approved</h2><p>By Jane Doe</p>`)) },
  {
    name: 'source lead-ins before links',
    n: 1500,
    page: (n) => article(times(n, (i) => `<p>Originally published at <em></em><span></span><a href="https://other.example/${i}">Other</a></p>`)),
  },
  {
    name: 'caption-classed blocks after images',
    n: 1000,
    page: (n) => article(times(n, (i) => `<img src="/i/${i}.jpg"><br><p class="caption">The harbour wall, view ${i}.</p>`)),
  },
  // head and furniture
  {
    name: 'many meta tags',
    n: 3000,
    page: (n) =>
      article(
        '',
        times(n, (i) => `<meta name="m${i}" content="value ${i}"><meta property="og:x${i}" content="v">`),
      ),
  },
  {
    name: 'scripts, styles and noscripts',
    n: 3000,
    page: (n) => article(times(n, (i) => `<script>var a${i}=1;</script><style>.a${i}{}</style><noscript>Enable script ${i}</noscript>`)),
  },
  { name: 'forms', n: 3000, page: (n) => article(times(n, (i) => `<form action="/f${i}"><input name="q"><button>Go</button></form>`)) },
  { name: 'iframes', n: 8000, page: (n) => article(times(n, (i) => `<iframe src="https://embed.example/${i}"></iframe>`)) },
  {
    name: 'sidebars of teasers',
    n: 1000,
    page: (n) => article(times(n, (i) => `<aside class="sidebar"><h3><a href="/t/${i}">Teaser ${i}</a></h3><p>Short teaser text.</p></aside>`)),
  },
];
