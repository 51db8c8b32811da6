/**
 * `copydesk/readability`: the drop-in `extract` (a Readability run as
 * copydesk's Article) and the engine object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract as extractOwn, InvalidArgumentError } from '../src/index.js';
import { DEFAULT_LIMITS } from '../src/index.js';
import { extract, readability } from '../src/readability.js';
import { articlePage, deepPage, PARAGRAPHS } from './helpers/pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const META_PAGE = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Millbrook pumping station to be replaced - Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta name="author" content="By Jo Hartley and Sam Ode, Staff Writers">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta name="description" content="The water board approved a new station after last winter's failures.">
</head><body><nav><a href="/">Home</a></nav><article><h1>Millbrook pumping station to be replaced</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<p><img src="/img/station.jpg" alt="The station"> <a href="/next" onclick="steal()">Next story</a></p>
</article><script>document.write('x')</script></body></html>`;

describe('copydesk/readability extract', () => {
  it("returns copydesk's Article for a Readability run", () => {
    const a = extract(META_PAGE, { url: 'https://www.valleypost.example/news/1' });
    expect(a.engine).toBe('readability');
    expect(a.headline).toBe('Millbrook pumping station to be replaced');
    expect(a.byline).toBe('Jo Hartley and Sam Ode');
    expect(a.authors).toEqual(['Jo Hartley', 'Sam Ode']);
    expect(a.source.publisher).toBe('Valley Post');
    expect(a.dateline.published).toBe('2024-03-05T09:30:00Z');
    expect(a.dek).toBe("The water board approved a new station after last winter's failures.");
    expect(a.language).toBe('en-GB');
    for (const p of PARAGRAPHS) expect(a.body.text).toContain(p);
    expect(a.body.markdown).toContain(PARAGRAPHS[0]);
    // Sanitised by copydesk: resolved URLs, no scripts or handlers.
    expect(a.body.html).toContain('src="https://www.valleypost.example/img/station.jpg"');
    expect(a.body.html).not.toMatch(/<script|onclick/i);
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });

  it('accepts bytes and decodes them as copydesk does', () => {
    const bytes = new TextEncoder().encode(META_PAGE);
    expect(extract(bytes).body.text).toBe(extract(META_PAGE).body.text);
  });

  it('gives an empty body where Readability finds nothing, without throwing', () => {
    for (const input of ['', '<html><body></body></html>', '<html><body><nav><a href="/">Home</a></nav></body></html>']) {
      const a = extract(input);
      expect(a.body).toEqual({ html: '', text: '', markdown: '' });
      expect(a.confidence).toBe(0);
    }
    // Like Readability itself, it takes plain text for an article.
    expect(extract('plain text').body.text).toBe('plain text');
  });

  it("gives copydesk's own article where jsdom throws", () => {
    const dir = path.join(ROOT, 'fixtures', 'css-parse-error--harbour-ferry-timetable');
    const bytes = fs.readFileSync(path.join(dir, 'source.html'));
    const a = extract(bytes, { url: 'https://www.wexmoorcourier.co.uk/news/1' });
    expect(a.engine).toBe('copydesk');
    expect(a).toEqual(extractOwn(bytes, { url: 'https://www.wexmoorcourier.co.uk/news/1' }));
  });

  it("gives copydesk's own article beyond the limits, without starting jsdom", () => {
    const a = extract(deepPage(DEFAULT_LIMITS.maxDepth + 1));
    expect(a.engine).toBe('copydesk');
    expect(a.input.limits).toContain('maxDepth');
    expect(extract(articlePage(), { limits: { maxNodes: 40 } }).engine).toBe('copydesk');
  });

  it("checks its arguments like copydesk's extract", () => {
    expect(() => extract(42 as never)).toThrow(InvalidArgumentError);
    expect(() => extract('<p>x</p>', { url: 5 as never })).toThrow(InvalidArgumentError);
  });
});

describe('copydesk/readability engine', () => {
  it('is an engine for the fallback option', () => {
    expect(readability.name).toBe('readability');
    expect(Object.isFrozen(readability)).toBe(true);
    expect(() => readability.load()).not.toThrow();
    const run = readability.run(articlePage(), 'https://www.valleypost.example/news/1');
    expect(run?.content).toContain(PARAGRAPHS[3]);
    expect(run?.title).toContain('Millbrook');
  });

  it('runs no page script and fetches nothing', () => {
    const html = `<html><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>
<script>globalThis.__copydeskScriptRan = true; document.body.innerHTML = '<p>replaced</p>';</script>
<link rel="stylesheet" href="http://127.0.0.1:9/never.css"><img src="http://127.0.0.1:9/never.png"></body></html>`;
    const run = readability.run(html, 'https://www.valleypost.example/news/1');
    expect((globalThis as { __copydeskScriptRan?: boolean }).__copydeskScriptRan).toBeUndefined();
    expect(run?.content).toContain(PARAGRAPHS[0]);
    expect(run?.content).not.toContain('replaced');
  });
});
