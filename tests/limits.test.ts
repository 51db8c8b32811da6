/**
 * The limits: defaults, overrides, validation, and what the Article reports
 * when one takes effect. (How fast a page goes is `npm run bench`'s business,
 * not these tests'.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, extract, InvalidArgumentError } from '../src/index.js';
import { extractInChild, HEAVY_TIMEOUT } from './helpers/child.js';

const PARA = (i: number) => `<p>Paragraph ${i} of the story, with enough words to count as prose, and a comma or two.</p>`;
const page = (paras: number) =>
  `<html><head><title>The headline of the story</title></head><body><article><h1>The headline of the story</h1>${Array.from({ length: paras }, (_, i) => PARA(i)).join('')}</article></body></html>`;

// The first call in a process compiles copydesk's patterns (a few hundred milliseconds of CPU): on a
// busy machine that alone can reach the default 1 s budget, which these tests do not mean to test.
beforeAll(() => {
  extract(page(20));
});

describe('defaults', () => {
  it('are documented numbers, frozen', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxInputSize: 8 * 1024 * 1024, maxNodes: 200_000, maxDepth: 256, timeBudgetMs: 1000 });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('leave an ordinary page untouched', () => {
    const a = extract(page(20));
    expect(a.input).toEqual({ encoding: null, encodingSource: null, truncated: false, limits: [] });
    expect(a.body.text).toContain('Paragraph 19 of the story');
  });
});

describe('maxInputSize', () => {
  it('cuts a long string and says so', () => {
    const html = page(2000);
    const a = extract(html, { limits: { maxInputSize: 20_000 } });
    expect(a.input.truncated).toBe(true);
    expect(a.input.limits).toEqual(['maxInputSize']);
    expect(a.headline).toBe('The headline of the story');
    expect(a.body.text).toContain('Paragraph 10 of the story');
    expect(a.body.text).not.toContain('Paragraph 1999 of the story');
  });

  it('cuts bytes and still decodes them', () => {
    const bytes = new TextEncoder().encode(page(2000).replace(/story/g, 'störy'));
    const a = extract(bytes, { limits: { maxInputSize: 20_001 } });
    expect(a.input).toMatchObject({ encoding: 'utf-8', truncated: true, limits: ['maxInputSize'] });
    expect(a.body.text).toContain('Paragraph 10 of the störy');
    expect(a.body.text).not.toContain('\uFFFD');
  });

  it(
    'cuts a 40 MB page to the default and returns its article',
    async () => {
      const html = page(1).replace('</article>', `${PARA(1).repeat(Math.ceil(40e6 / PARA(1).length))}</article>`);
      // In a child process: the one extract() call on 8 MiB takes seconds on a busy machine (tests/helpers/child.ts).
      // The default time budget stays: it keeps the call short, and the article's first paragraphs come in time.
      const { article: a } = await extractInChild(html);
      expect(a.input.truncated).toBe(true);
      expect(a.input.limits).toContain('maxInputSize');
      expect(a.body.text.length).toBeGreaterThan(1000);
    },
    HEAVY_TIMEOUT,
  );
});

describe('maxNodes', () => {
  it('stops parsing and says so', () => {
    const a = extract(page(3000), { limits: { maxNodes: 500 } });
    expect(a.input).toMatchObject({ truncated: true, limits: ['maxNodes'] });
    expect(a.body.text).toContain('Paragraph 100 of the story');
    expect(a.body.text).not.toContain('Paragraph 2999 of the story');
  });
});

describe('maxDepth', () => {
  it(
    'flattens deeper nesting, keeps the content, and does not call it truncated',
    async () => {
      const depth = 100_000;
      const html = `<html><body>${'<div>'.repeat(depth)}${PARA(1)}${PARA(2)}${PARA(3)}${'</div>'.repeat(depth)}</body></html>`;
      // About depth, not time: the soft time budget is lifted so that a loaded machine cannot cut the page.
      // In a child process: the one extract() call takes seconds on a busy machine (tests/helpers/child.ts).
      const { article: a } = await extractInChild(html, { limits: { timeBudgetMs: Infinity } });
      expect(a.input).toMatchObject({ truncated: false, limits: ['maxDepth'] });
      expect(a.body.text).toContain('Paragraph 3 of the story');
    },
    HEAVY_TIMEOUT,
  );

  it('is overridable', () => {
    const html = `<html><body>${'<div>'.repeat(50)}${PARA(1)}${'</div>'.repeat(50)}</body></html>`;
    expect(extract(html).input.limits).toEqual([]);
    expect(extract(html, { limits: { maxDepth: 10 } }).input.limits).toEqual(['maxDepth']);
  });
});

describe('timeBudgetMs', () => {
  it('stops parsing when the budget is spent, and says so', () => {
    const a = extract(page(5000), { limits: { timeBudgetMs: 1e-6 } });
    expect(a.input.truncated).toBe(true);
    expect(a.input.limits).toContain('timeBudgetMs');
    expect(typeof a.body.text).toBe('string');
  });

  it('Infinity lifts a limit', () => {
    const a = extract(page(50), { limits: { timeBudgetMs: Infinity, maxNodes: Infinity, maxInputSize: Infinity, maxDepth: Infinity } });
    expect(a.input.limits).toEqual([]);
  });
});

describe('validation', () => {
  it.each([
    [{ limits: 5 }],
    [{ limits: [] }],
    [{ limits: { maxNodes: 0 } }],
    [{ limits: { maxNodes: -1 } }],
    [{ limits: { maxDepth: Number.NaN } }],
    [{ limits: { timeBudgetMs: '1000' } }],
    [{ limits: { maxnodes: 10 } }],
    [{ limits: { constructor: 10 } }],
  ])('%j throws InvalidArgumentError', (options) => {
    expect(() => extract('<p>x</p>', options as never)).toThrow(InvalidArgumentError);
  });

  it('names the offending limit', () => {
    try {
      extract('<p>x</p>', { limits: { maxDepth: -3 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe('options.limits.maxDepth');
    }
  });

  it('does not change the defaults', () => {
    extract('<p>x</p>', { limits: { maxDepth: 3 } });
    expect(DEFAULT_LIMITS.maxDepth).toBe(256);
  });
});
