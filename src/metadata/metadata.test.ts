/**
 * The metadata snapshot (collect.ts) and the JSON-LD reader (jsonld.ts), on
 * small pages: what each reads, and what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { indexPage } from '../body/features.js';
import { parseHtml } from '../parse/parse.js';
import { collectMetadata, metaValue, type PageMetadata } from './collect.js';
import { articleNodes, flattenLd, ldString, ldTypes, parseLdText } from './jsonld.js';

function metadataOf(html: string): PageMetadata {
  const { document } = parseHtml(html, { maxNodes: 100_000, maxDepth: 256, deadline: Number.POSITIVE_INFINITY, now: () => 0 });
  return collectMetadata(indexPage(document));
}

describe('parseLdText', () => {
  it('reads plain JSON', () => {
    expect(parseLdText('{"@type":"NewsArticle","headline":"A"}')).toEqual({ '@type': 'NewsArticle', headline: 'A' });
  });

  it('repairs comment and CDATA wrappers, trailing commas and raw control characters', () => {
    expect(parseLdText('<!-- {"a": 1} -->')).toEqual({ a: 1 });
    expect(parseLdText('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual({ a: 1 });
    expect(parseLdText('{"a": [1, 2,], }')).toEqual({ a: [1, 2] });
    expect(parseLdText('{"a": "line\none"}')).toEqual({ a: 'line one' });
  });

  it('gives null for what cannot be parsed, and for nothing', () => {
    expect(parseLdText('{"a": ')).toBeNull();
    expect(parseLdText('   ')).toBeNull();
  });

  it('keeps __proto__ as plain data', () => {
    const v = parseLdText('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});

describe('flattenLd and articleNodes', () => {
  it('flattens @graph, arrays and mainEntity nesting, depth first', () => {
    const nodes = flattenLd([
      { '@graph': [{ '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', headline: 'Inner' } }, { '@type': 'Organization' }] },
      [{ '@type': 'BreadcrumbList' }],
    ]);
    expect(nodes.map((n) => ldTypes(n)[0] ?? null)).toEqual([null, 'webpage', 'newsarticle', 'organization', 'breadcrumblist']);
    expect(articleNodes(nodes).map((n) => n.headline)).toEqual(['Inner']);
  });

  it('reads types written as arrays and as full schema.org URLs', () => {
    expect(ldTypes({ '@type': ['https://schema.org/NewsArticle', 'Thing'] })).toEqual(['newsarticle', 'thing']);
    expect(ldTypes({ '@type': 42 })).toEqual([]);
  });

  it('reads a string property from a string, an array or an object', () => {
    expect(ldString({ a: '  x ' }, 'a')).toBe('x');
    expect(ldString({ a: ['first', 'second'] }, 'a')).toBe('first');
    expect(ldString({ a: { name: 'Named' } }, 'a')).toBe('Named');
    expect(ldString({ a: { '@value': 'Value' } }, 'a')).toBe('Value');
    expect(ldString({ a: '   ' }, 'a')).toBeNull();
    expect(ldString(undefined, 'a')).toBeNull();
  });
});

describe('collectMetadata', () => {
  const page = `<!doctype html><html lang="de-AT"><head>
    <title>Headline – Example</title>
    <meta name="description" content="First description">
    <meta property="og:title" content="OG headline">
    <meta name="DC.creator" content="Dublin Core author">
    <meta property="dc:publisher twitter:site_name" content="Example Publisher">
    <meta name="empty" content="   ">
    <meta name="author" value="Written as value">
    <link rel="canonical" href=" https://example.com/story ">
    <base href="https://cdn.example.com/">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>
    <script type="application/ld+json">not json</script>
    </head><body><svg><title>An icon</title></svg>
    <h1>Visible headline</h1><span itemprop="author name">Micro Author</span><time datetime="2024-05-01">1 May</time>
    </body></html>`;
  const md = metadataOf(page);

  it('keys <meta> by name, property and itemprop, lower-cased, Dublin Core either way', () => {
    expect(metaValue(md, 'og:title')).toBe('OG headline');
    expect(metaValue(md, 'dc.creator')).toBe('Dublin Core author');
    expect(metaValue(md, 'dc.publisher')).toBe('Example Publisher');
    expect(metaValue(md, 'twitter:site_name')).toBe('Example Publisher');
    expect(metaValue(md, 'author')).toBe('Written as value');
    expect(metaValue(md, 'empty', 'description')).toBe('First description');
    expect(metaValue(md, 'missing')).toBeNull();
  });

  it('reads the title (not an SVG title), canonical, base and language', () => {
    expect(md.title).toBe('Headline – Example');
    expect(md.canonical).toBe('https://example.com/story');
    expect(md.baseHref).toBe('https://cdn.example.com/');
    expect(md.htmlLang).toBe('de-AT');
  });

  it('parses JSON-LD blocks and skips broken ones', () => {
    expect(md.ld).toHaveLength(1);
    expect(md.ldArticles.map((n) => n.headline)).toEqual(['LD headline']);
  });

  it('indexes microdata by every itemprop token, h1s and times', () => {
    expect(md.microdata.get('author')?.length).toBe(1);
    expect(md.microdata.get('name')?.length).toBe(1);
    expect(md.h1.length).toBe(1);
    expect(md.times.length).toBe(1);
  });

  it('gives empty values for a page without metadata', () => {
    const empty = metadataOf('<p>Just text</p>');
    expect(empty.title).toBeNull();
    expect(empty.canonical).toBeNull();
    expect(empty.htmlLang).toBeNull();
    expect(empty.ld).toEqual([]);
    expect(empty.meta.size).toBe(0);
  });
});
