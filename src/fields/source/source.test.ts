import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';

const page = (head: string, body: string): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const story =
  '<article><p>The council voted on Tuesday to approve the budget, after a debate that lasted most of the evening and ran late.</p><p>Members said the plan would fund road repairs, libraries and two new bus routes over the next three years.</p></article>';

describe('source fields', () => {
  it('reads the publisher from og:site_name, then JSON-LD, then the host', () => {
    expect(extract(page('<meta property="og:site_name" content="The Daily Sentinel">', story), { url: 'https://sentinel.example/a' }).source.publisher).toBe(
      'The Daily Sentinel',
    );
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","publisher":{"@type":"Organization","name":"Harbour Times"}}</script>';
    expect(extract(page(ld, story), { url: 'https://harbour.example/a' }).source.publisher).toBe('Harbour Times');
    expect(extract(page('', story), { url: 'https://www.example.org/a' }).source.publisher).toBe('example.org');
  });

  it('resolves the canonical URL', () => {
    const a = extract(page('<link rel="canonical" href="/news/story-1">', story), { url: 'https://example.org/amp/story-1?x=1' });
    expect(a.source.canonicalUrl).toBe('https://example.org/news/story-1');
  });

  it('finds a "Source link" and an "Originally published at" link, not links to the site itself', () => {
    const withSource = story.replace('</article>', '<p><a href="https://origin.example/story">Source link</a></p></article>');
    expect(extract(page('', withSource), { url: 'https://copy.example/story' }).source.sourceUrl).toBe('https://origin.example/story');
    const led = story.replace('</article>', '<p>This article originally appeared on <a href="https://origin.example/2">Origin News</a>.</p></article>');
    expect(extract(page('', led), { url: 'https://copy.example/story' }).source.sourceUrl).toBe('https://origin.example/2');
    const self = story.replace('</article>', '<p><a href="https://copy.example/other">Source</a></p></article>');
    expect(extract(page('', self), { url: 'https://copy.example/story' }).source.sourceUrl).toBeNull();
  });
});
