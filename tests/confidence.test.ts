/**
 * Article.confidence end to end: what copydesk reports for pages it gets
 * right, for pages it should doubt, and for pages without an article.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_THRESHOLD, extract, NOT_AN_ARTICLE_CONFIDENCE, type FallbackReport } from '../src/index.js';
import { articlePage, listPage, PARAGRAPHS } from './helpers/pages.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The signals copydesk reports for a page (through a scripted engine that finds nothing). */
function signals(html: string): FallbackReport['signals'] {
  let out: FallbackReport['signals'] = [];
  const engine = { name: 'readability' as const, load() {}, run: () => null };
  extract(html, { fallback: engine, fallbackThreshold: 1, onFallback: (r) => { out = r.signals; } });
  return out;
}

describe('Article.confidence', () => {
  it('is high on every authored article fixture (none would trigger the fallback)', () => {
    for (const name of fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, 'source.html')))) {
      const { url } = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as { url: string };
      const a = extract(fs.readFileSync(path.join(FIXTURES, name, 'source.html')), { url });
      expect(a.confidence, name).toBeGreaterThanOrEqual(DEFAULT_FALLBACK_THRESHOLD);
      expect(a.engine, name).toBe('copydesk');
    }
  });

  it('is 1 for a plain article page', () => {
    expect(extract(articlePage()).confidence).toBe(1);
  });

  it('is low for a page of teaser links, and says why', () => {
    expect(extract(listPage()).confidence).toBeLessThan(DEFAULT_FALLBACK_THRESHOLD);
    expect(signals(listPage()).length).toBeGreaterThan(0);
  });

  it('drops for a body that is mostly one list', () => {
    const items = Array.from({ length: 12 }, (_, i) => `<li>Step ${i + 1}: stir the sauce slowly over a low heat and add the stock a ladle at a time, tasting as you go.</li>`).join('');
    const html = `<html><body><article><h1>Risotto</h1><p>${PARAGRAPHS[0]}</p><ol>${items}</ol></article></body></html>`;
    const s = signals(html);
    expect(s.map((x) => x.name)).toContain('oneList');
    expect(extract(html).confidence).toBeLessThan(1);
  });

  it('drops when the body holds little of the page\'s prose', () => {
    // Four paragraphs in the article; twice as much prose in archive cards elsewhere on the page.
    const P = PARAGRAPHS;
    const cards = [4, 5, 6, 7, 4, 5, 6, 7].map((i, k) => `<div class="card c${k}"><h3>Archive story ${k}</h3><p>${P[i]!.replace('board', `panel ${k}`)}</p></div>`).join('');
    const html = `<html><body><article class="story"><h1>Story</h1><div class="story-body">${P.slice(0, 4).map((p) => `<p>${p}</p>`).join('')}</div></article>
<section class="more"><h2>From our archive</h2>${cards}</section></body></html>`;
    const [strongest] = signals(html);
    expect(strongest).toMatchObject({ name: 'coverage' });
    expect(strongest!.value).toBeGreaterThan(0.3);
    expect(strongest!.value).toBeLessThan(0.4);
    expect(extract(html).confidence).toBeLessThan(DEFAULT_FALLBACK_THRESHOLD);
  });

  it('is 0 for an empty page and NOT_AN_ARTICLE_CONFIDENCE for a page judged to hold no article', () => {
    expect(extract('').confidence).toBe(0);
    const notFound = '<html><head><title>Page not found</title></head><body><h1>404 Page not found</h1><p>The page you asked for is not here. Try the search box or go back to the home page of the site.</p></body></html>';
    const a = extract(notFound);
    expect(a.body.text).toBe('');
    expect(a.confidence).toBe(NOT_AN_ARTICLE_CONFIDENCE);
  });
});
