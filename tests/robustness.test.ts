/**
 * Any input yields an Article: property-based and adversarial inputs through
 * the whole pipeline. Budgets are bounded so that `npm test` stays quick.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract, InvalidArgumentError, type Article } from '../src/index.js';
import { extractInChild, HEAVY_TIMEOUT } from './helpers/child.js';

function expectArticleShape(a: Article): void {
  expect(typeof a.body.text).toBe('string');
  expect(typeof a.body.html).toBe('string');
  expect(typeof a.body.markdown).toBe('string');
  expect(Array.isArray(a.boilerplate)).toBe(true);
  expect(a.body.text).not.toMatch(/\n{3,}/);
  expect(a.body.text).toBe(a.body.text.trim());
}

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'figure',
  'figcaption',
  'img',
  'script',
  'style',
  'nav',
  'footer',
  'aside',
  'form',
  'br',
  'b',
  'i',
  'pre',
  'blockquote',
];
const ATTRS = [
  'class="content"',
  'class="related"',
  'id="comments"',
  'class="share"',
  'hidden',
  'style="display:none"',
  'href="https://example.com/x"',
  'role="navigation"',
  'itemprop="articleBody"',
  'class="ad"',
];

/** Arbitrary HTML-ish soup: well-formed, truncated and misnested tags with words between. */
const htmlSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).chain((t) => fc.constantFrom(...ATTRS, '').map((a) => `<${t} ${a}>`)),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.lorem({ maxCount: 30 }),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('<', '>', '&', '&amp;', '&#x', '<!--', '-->', '<![CDATA[', '"', "'", '<scr', 'ipt>'),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('extract on arbitrary input', () => {
  it('never throws on HTML soup and returns a well-formed Article', () => {
    fc.assert(
      fc.property(htmlSoup, (html) => {
        expectArticleShape(extract(html, { url: 'https://example.com/a/b.html' }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        expectArticleShape(extract(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (s) => {
        expectArticleShape(extract(s));
      }),
      { numRuns: 200 },
    );
  });
});

describe('extract on degenerate pages', () => {
  const cases: Record<string, string | Uint8Array> = {
    empty: '',
    whitespace: '   \n\t  ',
    'plain text': 'Just a line of text, not HTML at all.',
    xml: '<?xml version="1.0"?><rss><channel><title>Feed</title><item><title>A</title></item></channel></rss>',
    json: '{"title": "not html", "body": [1, 2, 3]}',
    'pdf bytes': new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'),
    'only a doctype': '<!DOCTYPE html>',
    'unclosed comment': '<html><body><!-- never closed <p>text</p>',
    'unclosed script': '<html><body><p>Hello there.</p><script>var a = "</p>";',
  };
  for (const [name, input] of Object.entries(cases)) {
    it(`returns an Article for ${name}`, () => {
      const a = extract(input);
      expectArticleShape(a);
    });
  }

  it('an empty page has an empty body and null fields', () => {
    const a = extract('');
    expect(a.headline).toBeNull();
    expect(a.body).toEqual({ html: '', text: '', markdown: '' });
  });

  it(
    'survives 100,000 nested elements',
    async () => {
      const depth = 100_000;
      const html = `<html><body>${'<div>'.repeat(depth)}<p>Deep inside, a paragraph of text that is long enough to be scored, with commas, and words.</p>${'</div>'.repeat(depth)}</body></html>`;
      // About depth, not time: the soft time budget is lifted so that a loaded machine cannot cut the page.
      // In a child process: the one extract() call takes seconds on a busy machine (tests/helpers/child.ts).
      const { article: a } = await extractInChild(html, { limits: { timeBudgetMs: Infinity } });
      expect(a.body.text).toContain('Deep inside, a paragraph of text');
    },
    HEAVY_TIMEOUT,
  );

  it('survives a page of 20,000 paragraphs', () => {
    const para = '<p>Paragraph text with enough words to count as prose, and a comma or two, here.</p>';
    // About size, not time: the soft time budget is lifted so that a loaded machine cannot cut the page.
    const a = extract(`<html><body><article>${para.repeat(20_000)}</article></body></html>`, { limits: { timeBudgetMs: Infinity } });
    expect(a.body.text.length).toBeGreaterThan(1_000_000);
  });
});

describe('arguments', () => {
  it('throws a typed error for a wrong input type', () => {
    expect(() => extract(42 as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => extract(null as unknown as string)).toThrow(InvalidArgumentError);
  });
  it('throws a typed error for a wrong option type', () => {
    expect(() => extract('<p>x</p>', { url: 5 as unknown as string })).toThrow(InvalidArgumentError);
  });
  it('does not mutate a caller-owned Uint8Array', () => {
    const bytes = new TextEncoder().encode('<html><body><article><p>Some article text, with commas, that is long enough.</p></article></body></html>');
    const copy = bytes.slice();
    extract(bytes);
    expect(bytes).toEqual(copy);
  });
});
