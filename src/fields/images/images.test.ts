import { describe, expect, it } from 'vitest';
import { extract } from '../../extract.js';

const URL = 'https://news.example.com/2024/06/12/story/';
const PROSE = [
  'The council voted on Tuesday to approve the plan, which had been delayed twice since the spring, after a long debate.',
  'Officials said the work would begin in the autumn and take about eighteen months, with most of it done at night.',
  'Residents who objected to the scheme said they would consider a legal challenge if the council did not reconsider.',
  'The budget for the project, set at 12 million pounds, includes a reserve for delays and for rising material costs.',
];

function page(media: string, head = ''): string {
  const p = PROSE.map((t) => `<p>${t}</p>`);
  return `<!doctype html><html><head><title>Council approves the plan</title>${head}</head><body>
<article><h1>Council approves the plan</h1><div class="entry-content">${p[0]}${media}${p[1]}${p[2]}${p[3]}</div></article></body></html>`;
}

const srcs = (html: string) => extract(html, { url: URL }).images.map((i) => i.src);

describe('images', () => {
  it('lists the article pictures in page order, resolved, with alt and caption', () => {
    const a = extract(
      page('<figure><img src="/a.jpg" alt="The hall"><figcaption>The hall. (AFP)</figcaption></figure><p><img src="b.jpg" width="640" height="400"></p>'),
      { url: URL },
    );
    expect(a.images).toEqual([
      { src: 'https://news.example.com/a.jpg', alt: 'The hall', caption: 'The hall.' },
      { src: 'https://news.example.com/2024/06/12/story/b.jpg', alt: null, caption: null },
    ]);
  });

  it('chooses the best source: srcset, lazy-load attributes, noscript fallbacks', () => {
    expect(srcs(page('<img src="/s-300.jpg" srcset="/s-300.jpg 300w, /s-1200.jpg 1200w">'))).toEqual(['https://news.example.com/s-300.jpg']);
    expect(srcs(page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/photos/council.jpg">'))).toEqual([
      'https://news.example.com/photos/council.jpg',
    ]);
    expect(srcs(page('<img src="/blank.gif" data-lazy-src="/real.jpg">'))).toEqual(['https://news.example.com/real.jpg']);
    expect(srcs(page('<div class="lazy-wrap"><noscript><img src="/fallback.jpg"></noscript></div>'))).toEqual(['https://news.example.com/fallback.jpg']);
  });

  it('lists each source once', () => {
    expect(srcs(page('<img src="/x.jpg" class="lazy"><noscript><img src="/x.jpg"></noscript><img src="/x.jpg">'))).toEqual(['https://news.example.com/x.jpg']);
  });

  it('leaves out tracking pixels, icons, emoji, avatars, logos and ad creatives', () => {
    const junk = [
      '<img src="/pixel.gif" width="1" height="1">',
      '<img src="/i/share.png" width="24" height="24">',
      '<img class="emoji" src="/e/1f600.png">',
      '<span class="byline"><img src="/people/jo.jpg" width="80" height="80">Jo</span>',
      '<img class="avatar" src="/people/kim.jpg">',
      '<img src="/static/site-logo.png" width="300" height="60">',
      '<img src="https://ad.doubleclick.net/creative/300x250.jpg">',
      '<img src="https://www.facebook.com/tr?id=1&ev=PageView">',
    ].join('');
    expect(srcs(page(`${junk}<img src="/keep.jpg" width="800" height="500">`))).toEqual(['https://news.example.com/keep.jpg']);
  });

  it('leaves out images of blocks removed as boilerplate', () => {
    const related = '<div class="related-posts"><h3>Related</h3><a href="/other"><img src="/thumb.jpg">Another story</a></div>';
    expect(srcs(page(`<img src="/keep.jpg">${related}`))).toEqual(['https://news.example.com/keep.jpg']);
  });
});

describe('leadImage', () => {
  it('prefers og:image, resolved against the page URL', () => {
    const a = extract(page('<img src="/in-body.jpg" width="800">', '<meta property="og:image" content="/share/lead.jpg">'), { url: URL });
    expect(a.leadImage).toBe('https://news.example.com/share/lead.jpg');
  });

  it('reads the JSON-LD article image, following an @id reference', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"NewsArticle","headline":"Council approves the plan","image":{"@id":"#primaryimage"}},
      {"@type":"ImageObject","@id":"#primaryimage","url":"https://cdn.example.com/lead-1600.jpg"}]}</script>`;
    expect(extract(page('<img src="/in-body.jpg" width="800">', ld), { url: URL }).leadImage).toBe('https://cdn.example.com/lead-1600.jpg');
  });

  it('falls back to twitter:image, then to the first large picture of the article', () => {
    expect(extract(page('', '<meta name="twitter:image" content="https://cdn.example.com/tw.jpg">'), { url: URL }).leadImage).toBe(
      'https://cdn.example.com/tw.jpg',
    );
    expect(extract(page('<img src="/small.jpg" width="200" height="120"><img src="/big.jpg" width="1024" height="640">'), { url: URL }).leadImage).toBe(
      'https://news.example.com/big.jpg',
    );
  });

  it('skips a metadata image that is the site logo or a default icon', () => {
    const head = '<meta property="og:image" content="https://news.example.com/static/logo.png">';
    expect(extract(page('<img src="/big.jpg" width="1024">', head), { url: URL }).leadImage).toBe('https://news.example.com/big.jpg');
  });

  it('is null when nothing names or shows a picture', () => {
    expect(extract(page(''), { url: URL }).leadImage).toBeNull();
  });

  it('is null rather than relative when there is no page URL to resolve against', () => {
    expect(extract(page('', '<meta property="og:image" content="/share/lead.jpg">')).leadImage).toBeNull();
  });
});
