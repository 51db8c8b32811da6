/**
 * The fallback: when it runs, how it chooses, and that the article stays
 * coherent and never throws for what the page holds. Most tests drive it with
 * scripted engines (deterministic, no jsdom); the last ones run the real
 * Readability on jsdom, including a page that makes jsdom's CSS parser throw.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AGREED_CONFIDENCE,
  COMPARISON,
  DEFAULT_FALLBACK_THRESHOLD,
  DEFAULT_LIMITS,
  extract,
  InvalidArgumentError,
  READABILITY_LIMITS,
  type Article,
  type FallbackReport,
  type ReadabilityEngine,
  type ReadabilityRun,
} from '../src/index.js';
import { readability } from '../src/readability.js';
import { articlePage, deepPage, listPage, PARAGRAPHS } from './helpers/pages.js';
import { extractInChild, HEAVY_TIMEOUT } from './helpers/child.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CSS_FIXTURE = path.join(ROOT, 'fixtures', 'css-parse-error--harbour-ferry-timetable');
const URL_ = 'https://www.valleypost.example/news/millbrook-pumping-station';

/** A scripted engine: returns `content` (or throws `error`) and counts its runs. */
function scripted(content: string | null, error?: unknown): ReadabilityEngine & { runs: number } {
  const engine = {
    name: 'readability' as const,
    runs: 0,
    load() {},
    run(): ReadabilityRun | null {
      engine.runs++;
      if (error !== undefined) throw error;
      return content === null ? null : { content, title: null, byline: null, excerpt: null, siteName: null, lang: null, publishedTime: null };
    },
  };
  return engine;
}

/** extract with the fallback forced on (threshold 1), collecting the reports. */
function withFallback(html: string, engine: ReadabilityEngine | 'readability', threshold = 1): { article: Article; reports: FallbackReport[] } {
  const reports: FallbackReport[] = [];
  const article = extract(html, { url: URL_, fallback: engine, fallbackThreshold: threshold, onFallback: (r) => reports.push(r) });
  return { article, reports };
}

const paras = (ps: readonly string[]): string => `<div>${ps.map((p) => `<p>${p}</p>`).join('')}</div>`;

describe('when the fallback runs', () => {
  it('is off by default: no engine, engine "copydesk"', () => {
    const a = extract(articlePage(), { url: URL_ });
    expect(a.engine).toBe('copydesk');
  });

  it('runs only under the threshold (default 0.5): not on a confident page, yes on a doubtful one', () => {
    expect(DEFAULT_FALLBACK_THRESHOLD).toBe(0.5);
    const sure = scripted(paras(PARAGRAPHS));
    const a = extract(articlePage(), { url: URL_, fallback: sure });
    expect(a.confidence).toBeGreaterThanOrEqual(0.5);
    expect(sure.runs).toBe(0);

    const doubtful = scripted(paras(PARAGRAPHS));
    const b = extract(listPage(), { url: URL_, fallback: doubtful });
    expect(extract(listPage(), { url: URL_ }).confidence).toBeLessThan(0.5);
    expect(doubtful.runs).toBe(1);
    expect(b.engine).toBe('readability');
  });

  it('threshold 0 never runs it, threshold 1 runs it on every page', () => {
    const never = scripted(paras(PARAGRAPHS));
    extract(listPage(), { fallback: never, fallbackThreshold: 0 });
    expect(never.runs).toBe(0);
    const always = scripted(paras(PARAGRAPHS));
    extract(articlePage(), { fallback: always, fallbackThreshold: 1 });
    expect(always.runs).toBe(1);
  });

  it('does not run on a page judged to hold no article', () => {
    const engine = scripted(paras(PARAGRAPHS));
    const html =
      '<html><head><title>404 Page not found</title></head><body><h1>Page not found</h1><p>Sorry, we could not find the page you were looking for. Try the search box or go back to the home page.</p></body></html>';
    const a = extract(html, { fallback: engine, fallbackThreshold: 1 });
    expect(engine.runs).toBe(0);
    expect(a.body.text).toBe('');
  });

  it('rejects bad fallback options with InvalidArgumentError', () => {
    expect(() => extract('<p>x</p>', { fallback: 'boilerpipe' as never })).toThrow(InvalidArgumentError);
    expect(() => extract('<p>x</p>', { fallback: { name: 'readability' } as never })).toThrow(InvalidArgumentError);
    expect(() => extract('<p>x</p>', { fallbackThreshold: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => extract('<p>x</p>', { fallbackThreshold: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => extract('<p>x</p>', { onFallback: 'log' as never })).toThrow(InvalidArgumentError);
  });
});

describe('how it chooses', () => {
  it('keeps Readability\'s body when it holds copydesk\'s and adds prose ("extends")', () => {
    // copydesk sees three paragraphs in the article; the engine reports all eight.
    const html = articlePage(PARAGRAPHS.slice(0, 3));
    const { article, reports } = withFallback(html, scripted(paras(PARAGRAPHS)));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reason: 'extends', engine: 'readability', error: null });
    expect(reports[0]!.ownInOther).toBeGreaterThanOrEqual(COMPARISON.holds);
    expect(article.engine).toBe('readability');
    for (const p of PARAGRAPHS) expect(article.body.text).toContain(p);
    expect(article.confidence).toBeGreaterThan(0);
    expect(article.headline).toBe('Millbrook pumping station to be replaced');
  });

  it("keeps copydesk's body when the two agree, and raises its confidence to at least AGREED_CONFIDENCE", () => {
    // A one-paragraph story: short, one prose block — the ruled signals doubt it, so the fallback runs
    // (the learned confidence of a short brief that is all of its page can be high: briefs are right on most pages).
    const html = `<html><body><article><h1>Pumping station</h1><p>${PARAGRAPHS[0]}</p></article></body></html>`;
    const own = extract(html, { url: URL_ });
    const { article, reports } = withFallback(html, scripted(`<div><p>${PARAGRAPHS[0]}</p></div>`));
    expect(reports[0]!.reason).toBe('agrees');
    expect(article.engine).toBe('copydesk');
    expect(article.body).toEqual(own.body);
    expect(article.confidence).toBe(Math.max(own.confidence, AGREED_CONFIDENCE));
  });

  it('keeps copydesk\'s body when Readability\'s is different but not better ("no-gain")', () => {
    const { article, reports } = withFallback(
      articlePage(),
      scripted(paras(['Cookie settings and privacy choices for readers of this site, updated in March.'])),
    );
    expect(reports[0]!.reason).toBe('no-gain');
    expect(article.engine).toBe('copydesk');
  });

  it('keeps copydesk\'s body when Readability finds nothing ("empty")', () => {
    const own = extract(articlePage(), { url: URL_ });
    const { article, reports } = withFallback(articlePage(), scripted(null));
    expect(reports[0]).toMatchObject({ reason: 'empty', engine: 'copydesk', ownInOther: null, otherInOwn: null });
    expect(article).toEqual(own);
  });

  it('prefers prose over a body that is one list ("one-list")', () => {
    const { article, reports } = withFallback(listPage(), scripted(paras(PARAGRAPHS.slice(0, 4))));
    expect(['one-list', 'extends']).toContain(reports[0]!.reason);
    expect(article.engine).toBe('readability');
  });
});

describe('coherence of the chosen body', () => {
  it("takes the dateline and agency from Readability's body when it wins", () => {
    const lead = `LISBON, May 3 (Reuters) - ${PARAGRAPHS[0]}`;
    const { article } = withFallback(articlePage(PARAGRAPHS.slice(0, 2)), scripted(paras([lead, ...PARAGRAPHS.slice(1)])));
    expect(article.engine).toBe('readability');
    expect(article.dateline.place).toBe('LISBON');
    expect(article.source.agency).toBe('Reuters');
    expect(article.body.text.startsWith(PARAGRAPHS[0]!.slice(0, 40))).toBe(true);
  });

  it("runs copydesk's cleaner on Readability's HTML and labels what it removes", () => {
    const content = paras([...PARAGRAPHS.slice(0, 4), '- Advertisement -', ...PARAGRAPHS.slice(4)]);
    const { article } = withFallback(articlePage(PARAGRAPHS.slice(0, 2)), scripted(content));
    expect(article.engine).toBe('readability');
    expect(article.body.text).not.toContain('Advertisement');
    expect(article.boilerplate.some((b) => b.kind === 'ad')).toBe(true);
  });

  it("drops copydesk's labels for blocks the chosen body holds", () => {
    // copydesk removes the newsletter box; Readability keeps its text as a paragraph.
    const pitch = 'Sign up to the Valley Post morning newsletter for the news from your villages, every weekday at seven.';
    const html = articlePage(PARAGRAPHS.slice(0, 4), `<div class="newsletter-signup"><p>${pitch}</p><form><input type="email"></form></div>`);
    const own = extract(html, { url: URL_ });
    expect(own.boilerplate.some((b) => b.text.includes('morning newsletter'))).toBe(true);
    const { article } = withFallback(html, scripted(paras([...PARAGRAPHS.slice(0, 4), pitch, ...PARAGRAPHS.slice(4)])));
    expect(article.engine).toBe('readability');
    expect(article.body.text).toContain('morning newsletter');
    expect(article.boilerplate.some((b) => b.text.includes('morning newsletter'))).toBe(false);
  });

  it('keeps the images and captions the chosen body shows, and only those', () => {
    const figure =
      '<figure><img src="/img/station.jpg" alt="The station"><figcaption>The pumping station at Millbrook in March. Photo: Jo Hartley</figcaption></figure>';
    const html = articlePage(PARAGRAPHS.slice(0, 3), figure);
    const own = extract(html, { url: URL_ });
    expect(own.images.map((i) => i.src)).toEqual(['https://www.valleypost.example/img/station.jpg']);
    expect(own.captions).toHaveLength(1);
    const without = withFallback(html, scripted(paras(PARAGRAPHS))).article;
    expect(without.engine).toBe('readability');
    expect(without.images).toEqual([]);
    expect(without.captions).toEqual([]);
    const withFigure = withFallback(html, scripted(`<div>${paras(PARAGRAPHS)}${figure}</div>`)).article;
    expect(withFigure.engine).toBe('readability');
    expect(withFigure.images).toEqual(own.images);
    expect(withFigure.captions).toEqual(own.captions);
    expect(withFigure.leadImage).toBe(own.leadImage);
  });

  it("sanitises Readability's HTML like its own", () => {
    const content = `<div>${paras(PARAGRAPHS)}<p>Click <a href="javascript:alert(1)" onclick="x()">here</a></p><script>alert(1)</script><iframe src="https://ads.example/"></iframe></div>`;
    const { article } = withFallback(articlePage(PARAGRAPHS.slice(0, 2)), scripted(content));
    expect(article.engine).toBe('readability');
    expect(article.body.html).not.toMatch(/<script|<iframe|onclick|javascript:/i);
  });
});

describe('failures never escape', () => {
  it("turns an engine error into copydesk's own article, and reports it", () => {
    const boom = new TypeError('Cannot convert undefined or null to object');
    const own = extract(articlePage(), { url: URL_ });
    const { article, reports } = withFallback(articlePage(), scripted(null, boom));
    expect(article).toEqual(own);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reason: 'error', engine: 'copydesk' });
    expect(reports[0]!.error).toBe(boom);
  });

  it('does not start the engine on a page copydesk had to flatten, cut or stop reading (the same limits)', () => {
    const cases: Array<[string, string, Parameters<typeof extract>[1]]> = [
      ['maxDepth', deepPage(DEFAULT_LIMITS.maxDepth + 10), {}],
      ['maxInputSize', articlePage(), { limits: { maxInputSize: 2000 } }],
      ['maxNodes', articlePage(), { limits: { maxNodes: 40 } }],
    ];
    for (const [limit, html, options] of cases) {
      const engine = scripted(paras(PARAGRAPHS));
      const reports: FallbackReport[] = [];
      const article = extract(html, { ...options, fallback: engine, fallbackThreshold: 1, onFallback: (r) => reports.push(r) });
      expect(engine.runs, limit).toBe(0);
      expect(article.input.limits, limit).toContain(limit);
      expect(reports[0], limit).toMatchObject({ reason: 'limits', limit, engine: 'copydesk', ms: 0 });
    }
  });

  it('does not start the engine when its estimated time does not fit in the time budget', () => {
    // A 300 KB page: jsdom is estimated at 300 ms; a 100 ms budget leaves no room, Infinity always does.
    const big = articlePage([...PARAGRAPHS, ...Array.from({ length: 1700 }, (_, i) => `${PARAGRAPHS[i % 8]} (${i})`)]);
    expect(big.length / READABILITY_LIMITS.charsPerMs).toBeGreaterThan(200);
    const tight = scripted(paras(PARAGRAPHS));
    const reports: FallbackReport[] = [];
    extract(big, { fallback: tight, fallbackThreshold: 1, limits: { timeBudgetMs: 100 }, onFallback: (r) => reports.push(r) });
    expect(tight.runs).toBe(0);
    expect(reports[0]).toMatchObject({ reason: 'limits', limit: 'timeBudgetMs' });
    const free = scripted(paras(PARAGRAPHS));
    extract(big, { fallback: free, fallbackThreshold: 1, limits: { timeBudgetMs: Infinity } });
    expect(free.runs).toBe(1);
  });

  it('does not count inline scripts in that estimate (jsdom only tokenises them)', () => {
    const json = JSON.stringify({ items: Array.from({ length: 9000 }, (_, i) => ({ id: i, title: `Story number ${i} about the water board` })) });
    const html = articlePage().replace('</head>', `<script type="application/json">${json}</script></head>`);
    expect(html.length / READABILITY_LIMITS.charsPerMs).toBeGreaterThan(500);
    const engine = scripted(paras(PARAGRAPHS));
    extract(html, { fallback: engine, fallbackThreshold: 1, limits: { timeBudgetMs: 500 } });
    expect(engine.runs).toBe(1);
  });

  it('gives Readability the node limit', () => {
    let seen: number | undefined;
    const engine = {
      ...scripted(paras(PARAGRAPHS)),
      run: (_h: string, _u: string | null, o?: { maxNodes?: number }) => {
        seen = o?.maxNodes;
        return null;
      },
    };
    extract(articlePage(), { fallback: engine, fallbackThreshold: 1, limits: { maxNodes: 5000 } });
    expect(seen).toBe(5000);
  });

  it('never throws whatever HTML the engine returns (property)', () => {
    const soup = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '<p>',
            '</p>',
            '<div>',
            '</div>',
            '<ul><li>',
            '</li></ul>',
            '<a href="/x">',
            '</a>',
            '<h2>',
            '</h2>',
            '<script>',
            '<table><tr><td>',
            '<!--',
            '&amp;',
            '<',
          ),
          fc.constantFrom(...PARAGRAPHS),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 40 },
      )
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(soup, (content) => {
        const { article } = withFallback(articlePage(PARAGRAPHS.slice(0, 3)), scripted(content));
        expect(['copydesk', 'readability']).toContain(article.engine);
        expect(article.confidence).toBeGreaterThanOrEqual(0);
        expect(article.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it("leaves the caller's bytes as they were", () => {
    const bytes = new TextEncoder().encode(articlePage(PARAGRAPHS.slice(0, 3)));
    const copy = bytes.slice();
    extract(bytes, { fallback: scripted(paras(PARAGRAPHS)), fallbackThreshold: 1 });
    expect(bytes).toEqual(copy);
  });
});

describe('Readability on jsdom (real packages)', () => {
  const cssPage = fs.readFileSync(path.join(CSS_FIXTURE, 'source.html'));
  const cssUrl = (JSON.parse(fs.readFileSync(path.join(CSS_FIXTURE, 'expected.json'), 'utf8')) as { url: string }).url;

  it('the CSS fixture really makes jsdom throw (else this suite tests nothing)', () => {
    expect(() => new JSDOM(cssPage.toString('utf8'), { virtualConsole: new VirtualConsole() })).toThrow();
  });

  it("turns jsdom's CSS parser error into copydesk's own result, by either form of the option", () => {
    const own = extract(cssPage, { url: cssUrl });
    for (const engine of ['readability', readability] as const) {
      const reports: FallbackReport[] = [];
      const article = extract(cssPage, { url: cssUrl, fallback: engine, fallbackThreshold: 1, onFallback: (r) => reports.push(r) });
      expect(article).toEqual(own);
      expect(article.engine).toBe('copydesk');
      expect(reports).toHaveLength(1);
      expect(reports[0]!.reason).toBe('error');
      expect(reports[0]!.error).toBeInstanceOf(Error);
    }
    // And at the default threshold, whatever copydesk's confidence: no exception.
    expect(() => extract(cssPage, { url: cssUrl, fallback: 'readability' })).not.toThrow();
  });

  it('survives both kinds of CSS error jsdom throws on inline styles', () => {
    for (const style of ['border:1px solid rgba(0,0,0', 'box-shadow:max(1px,;content:color-mix(in srgb, red, )']) {
      const html = articlePage(PARAGRAPHS, `<div style="${style}"><p>${PARAGRAPHS[0]}</p></div>`);
      expect(() => readability.run(html, URL_)).toThrow();
      const { article, reports } = withFallback(html, 'readability');
      expect(article.engine).toBe('copydesk');
      expect(reports[0]!.reason).toBe('error');
    }
  });

  it('runs Readability and compares on an ordinary page', () => {
    const { article, reports } = withFallback(articlePage(), readability);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.reason).toBe('agrees');
    expect(reports[0]!.ms).toBeGreaterThan(0);
    expect(article.engine).toBe('copydesk');
    expect(article.body.text).toContain(PARAGRAPHS[7]);
  });
  // The sweep over every fixture with the fallback forced on is in tests/long/fallback-fixtures.test.ts.
});

describe('limits with the real engine', () => {
  it(
    'does not hand 100,000 nested elements to jsdom, and does not overflow',
    async () => {
      // The time budget is lifted: this test is about depth, and on a loaded machine parsing 100,000
      // levels can pass the default soft deadline, which would cut the page before its article.
      // In a child process: the one extract() call takes seconds on a busy machine (tests/helpers/child.ts).
      const { article: a, reports } = await extractInChild(deepPage(100_000), {
        fallback: 'readability',
        fallbackThreshold: 1,
        limits: { timeBudgetMs: Infinity },
      });
      expect(reports[0]).toMatchObject({ reason: 'limits', limit: 'maxDepth', engine: 'copydesk' });
      expect(a.body.text).toContain(PARAGRAPHS[0]!.slice(0, 40));
    },
    HEAVY_TIMEOUT,
  );
});
