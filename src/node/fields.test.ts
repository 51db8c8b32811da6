/** Field selection and JSONL lines (node/fields.ts). */
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { articleLine, errorLine, fieldPaths, pickFields } from './fields.js';

const article = extract(
  '<html><head><title>A headline for the test</title></head><body><article><h1>A headline for the test</h1><p>One paragraph of text that is long enough to be read as the body of the article by copydesk.</p></article></body></html>',
  {
    url: 'https://example.com/a',
    referenceDate: '2026-01-01T00:00:00Z',
  },
);

describe('fieldPaths', () => {
  it('lists every key and every key of a nested object', () => {
    const paths = fieldPaths(article);
    expect(paths).toContain('headline');
    expect(paths).toContain('body');
    expect(paths).toContain('body.text');
    expect(paths).toContain('dateline.published');
    expect(paths).toContain('source.agency');
    expect(paths).not.toContain('captions.0');
  });
});

describe('pickFields', () => {
  it('nests dotted fields as in the Article, in the order asked', () => {
    const picked = pickFields(article, ['body.text', 'headline', 'dateline.place']);
    expect(Object.keys(picked)).toEqual(['body', 'headline', 'dateline']);
    expect(picked).toEqual({ body: { text: article.body.text }, headline: article.headline, dateline: { place: article.dateline.place } });
  });

  it('lets a whole object win over its parts, and leaves out unknown paths', () => {
    expect(pickFields(article, ['body.text', 'body'])).toEqual({ body: article.body });
    expect(pickFields(article, ['nope', 'body.nope', 'headline.length'])).toEqual({});
  });
});

describe('JSONL lines', () => {
  it('writes id and url first, then the fields', () => {
    const line = articleLine('p1', 'https://example.com/a', article, ['headline']);
    expect(line).toBe(JSON.stringify({ id: 'p1', url: 'https://example.com/a', headline: article.headline }));
    expect(Object.keys(JSON.parse(articleLine(3, null, article, null))).slice(0, 3)).toEqual(['id', 'url', 'headline']);
  });

  it('writes an error line with the kind and message only', () => {
    const line = errorLine('p2', null, { kind: 'timeout', message: 'too slow', extra: 1 } as never);
    expect(JSON.parse(line)).toEqual({ id: 'p2', url: null, error: { kind: 'timeout', message: 'too slow' } });
  });
});
