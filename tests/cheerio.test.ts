/**
 * extract() on a page parsed already: a cheerio document or a domhandler
 * Document is read without parsing again, never changed, and gives the
 * Article the HTML text gives. (Every fixture: tests/long/parsed-fixtures.test.ts.)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import render from 'dom-serializer';
import type { Document } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { extract, InvalidArgumentError } from '../src/index.js';
import { articlePage } from './helpers/pages.js';
import { NO_BUDGET, cheerioDefault, cheerioOnHtmlparser2, decodedPage, htmlparser2Document, withoutInputReport } from './helpers/parsed.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const PAGE = articlePage();

describe('extract() on a parsed document', () => {
  it('gives the same Article for a domhandler Document as for the HTML', () => {
    const fromText = extract(PAGE, { url: 'https://example.com/a', limits: NO_BUDGET });
    const fromTree = extract(htmlparser2Document(PAGE), { url: 'https://example.com/a', limits: NO_BUDGET });
    expect(fromTree.body.text.length).toBeGreaterThan(500);
    expect(withoutInputReport(fromTree)).toEqual(withoutInputReport(fromText));
    expect(fromTree.input).toEqual({ encoding: null, encodingSource: null, truncated: false, limits: [] });
  });

  it('reads a cheerio document, on htmlparser2 and on parse5 (the default)', () => {
    const fromText = withoutInputReport(extract(PAGE, { limits: NO_BUDGET }));
    expect(withoutInputReport(extract(cheerioOnHtmlparser2(PAGE), { limits: NO_BUDGET }))).toEqual(fromText);
    // parse5 builds the standard's tree (here the same article: this page's markup is well formed).
    expect(withoutInputReport(extract(cheerioDefault(PAGE), { limits: NO_BUDGET }))).toEqual(fromText);
  });

  it('never changes the document it reads', () => {
    // A noscript content fallback: copydesk turns it into a div in its own tree, never in the caller's.
    const fallbackPage = `<html><body><div class="post"><h2>Safer browsing</h2><div class="post-body"><noscript>${PAGE.replace(/^[\s\S]*<div class="story-body">|<\/div><\/article>[\s\S]*$/g, '')}</noscript></div></div></body></html>`;
    const pages = [decodedPage(path.join(FIXTURES, 'amp--cobb-ridge-fire-evacuations', 'source.html')), fallbackPage];
    expect(extract(fallbackPage).body.text).toContain('Millbrook');
    const docs = pages.flatMap((html) => [htmlparser2Document(html), cheerioDefault(html).root()[0]!, cheerioOnHtmlparser2(html).root()[0]!]);
    for (const doc of docs as Document[]) {
      const before = render(doc);
      const children = doc.children.length;
      extract(doc, { limits: NO_BUDGET });
      // The fallback reads the document's serialisation (jsdom is slow: once).
      if (doc === docs[0]) extract(doc, { fallback: 'readability', fallbackThreshold: 1, limits: { maxNodes: 50, maxDepth: 3 } });
      else extract(doc, { limits: { maxNodes: 50, maxDepth: 3 } });
      expect(render(doc)).toBe(before);
      expect(doc.children.length).toBe(children);
    }
  });

  it('applies maxNodes and maxDepth to the tree, and says so', () => {
    const deep = `<html><body>${'<div>'.repeat(40)}<p>deep text</p>${'</div>'.repeat(40)}${'<p>more text</p>'.repeat(100)}</body></html>`;
    const a = extract(htmlparser2Document(deep), { limits: { maxDepth: 10, maxNodes: 60, timeBudgetMs: Infinity } });
    expect(a.input.limits).toEqual(['maxDepth', 'maxNodes']);
    expect(a.input.truncated).toBe(true);
    const s = extract(deep, { limits: { maxDepth: 10, maxNodes: 60, timeBudgetMs: Infinity } });
    expect(s.input.limits).toEqual(['maxDepth', 'maxNodes']);
  });

  it('parses a noscript parse5 kept as raw text, as copydesk parses it', () => {
    const html = '<html><body><article><h1>T</h1><p>x</p></article><noscript><p>Please enable JavaScript &amp; reload.</p></noscript></body></html>';
    const a = extract(cheerioDefault(html), { limits: NO_BUDGET });
    const b = extract(html, { limits: NO_BUDGET });
    expect(withoutInputReport(a)).toEqual(withoutInputReport(b));
  });

  it('rejects what is neither text, bytes nor a document', () => {
    expect(() => extract({ type: 'tag', children: [] } as unknown as Document)).toThrow(InvalidArgumentError);
    expect(() => extract((() => null) as unknown as Document)).toThrow(/cheerio document or a domhandler Document/);
  });
});
