import { describe, expect, it } from 'vitest';
import { extract } from '../../extract.js';

const URL = 'https://news.example.com/2024/06/12/story/';
const PROSE = [
  'The council voted on Tuesday to approve the plan, which had been delayed twice since the spring, after a long debate.',
  'Officials said the work would begin in the autumn and take about eighteen months, with most of it done at night.',
  'Residents who objected to the scheme said they would consider a legal challenge if the council did not reconsider.',
  'The budget for the project, set at 12 million pounds, includes a reserve for delays and for rising material costs.',
  'A spokesperson for the contractor said the company had carried out similar work in three other towns last year.',
];

/** A page with a headline and an article body; `media` goes between the second and third paragraphs. */
function page(media: string, extra = ''): string {
  const p = PROSE.map((t) => `<p>${t}</p>`);
  return `<!doctype html><html><head><title>Council approves the plan</title></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Council approves the plan</h1><div class="entry-content">${p[0]}${p[1]}${media}${p[2]}${p[3]}${p[4]}</div></article>
${extra}<footer class="site-footer">© 2024 Example News</footer></body></html>`;
}

function captions(html: string) {
  const a = extract(html, { url: URL });
  return { article: a, caps: a.captions.map((c) => ({ text: c.text, credit: c.credit, image: c.image?.src ?? null })) };
}

describe('captions: markup', () => {
  it('reads a figure and its figcaption, with a credit element', () => {
    const { caps, article } = captions(
      page(
        '<figure><img src="/img/a.jpg" alt="A"><figcaption>Crowds gather outside the hall. <span class="credit">Photo: Jane Doe</span></figcaption></figure>',
      ),
    );
    expect(caps).toEqual([{ text: 'Crowds gather outside the hall.', credit: 'Jane Doe', image: 'https://news.example.com/img/a.jpg' }]);
    expect(article.body.text).not.toContain('Crowds gather');
    expect(article.body.html).toContain('<figure>');
    expect(article.body.html).toContain('<figcaption>Crowds gather outside the hall.');
  });

  it('reads <cite> and <small> credits inside figures', () => {
    expect(
      captions(page('<figure><img src="/a.jpg"><figcaption>The hall at night. <cite>Credit...Lee Park for Example News</cite></figcaption></figure>')).caps,
    ).toEqual([{ text: 'The hall at night.', credit: 'Lee Park for Example News', image: 'https://news.example.com/a.jpg' }]);
    expect(captions(page('<figure><img src="/a.jpg"><figcaption>The hall at night. <small>(AFP)</small></figcaption></figure>')).caps).toEqual([
      { text: 'The hall at night.', credit: 'AFP', image: 'https://news.example.com/a.jpg' },
    ]);
  });

  it('reads a WordPress wp-caption box and keeps it together as a figure in the body', () => {
    const { caps, article } = captions(
      page(
        '<div class="wp-caption alignnone"><img src="/b.jpg" width="600" height="400"><p class="wp-caption-text">Builders on site in March. Photo: Sam Lee</p></div>',
      ),
    );
    expect(caps).toEqual([{ text: 'Builders on site in March.', credit: 'Sam Lee', image: 'https://news.example.com/b.jpg' }]);
    expect(article.body.text).not.toContain('Builders on site');
    expect(article.body.html).toMatch(
      /<figure><img src="https:\/\/news\.example\.com\/b\.jpg"[^>]*><figcaption>Builders on site in March\. Photo: Sam Lee<\/figcaption>/,
    );
  });

  it('reads caption and credit blocks named by class after the image', () => {
    const { caps } = captions(
      page(
        '<div class="media"><img src="/c.jpg"><div class="image-caption">The bridge from the east.</div><div class="photo-credit">Photograph: Ana Ruiz/Getty Images</div></div>',
      ),
    );
    expect(caps).toEqual([{ text: 'The bridge from the east.', credit: 'Ana Ruiz/Getty Images', image: 'https://news.example.com/c.jpg' }]);
  });

  it('reads itemprop caption and copyrightHolder of an ImageObject', () => {
    const { caps } = captions(
      page(
        '<div itemscope itemtype="https://schema.org/ImageObject"><img itemprop="contentUrl" src="/d.jpg"><span itemprop="caption">The old station.</span> <span itemprop="copyrightHolder">© Rail Archive</span></div>',
      ),
    );
    expect(caps).toEqual([{ text: 'The old station.', credit: 'Rail Archive', image: 'https://news.example.com/d.jpg' }]);
  });

  it('reads a plain caption printed after the image (emphasised, or with a credit)', () => {
    const { caps, article } = captions(page('<p><img src="/e.jpg" width="800" height="500"></p><p><em>The square before the works began.</em></p>'));
    expect(caps).toEqual([{ text: 'The square before the works began.', credit: null, image: 'https://news.example.com/e.jpg' }]);
    expect(article.body.text).not.toContain('The square before');
    expect(captions(page('<p><img src="/e.jpg"></p><p>The square before the works began. Image: City Archive</p>')).caps).toEqual([
      { text: 'The square before the works began.', credit: 'City Archive', image: 'https://news.example.com/e.jpg' },
    ]);
  });

  it('leaves a paragraph that is only a credit in the body', () => {
    const { caps, article } = captions(page('<p><img src="/e.jpg"></p><p>Image source: Getty Images.</p>'));
    expect(caps).toEqual([]);
    expect(article.body.text).toContain('Image source: Getty Images.');
  });

  it('reads the items of a gallery, whatever their wording', () => {
    const slides =
      '<ul class="gallery"><li><img src="/s1.jpg"><p>First slide. (AFP)</p></li><li><img src="/s2.jpg"><p>Second slide without a credit.</p></li></ul>';
    const { caps, article } = captions(page(slides));
    expect(caps).toEqual([
      { text: 'First slide.', credit: 'AFP', image: 'https://news.example.com/s1.jpg' },
      { text: 'Second slide without a credit.', credit: null, image: 'https://news.example.com/s2.jpg' },
    ]);
    expect(article.body.text).not.toContain('slide');
  });

  it('reads a video figure with no image', () => {
    expect(captions(page('<figure><div class="player"><button>Play</button></div><figcaption>Watch: the vote in full</figcaption></figure>')).caps).toEqual([
      { text: 'Watch: the vote in full', credit: null, image: null },
    ]);
  });

  it('drops a player\'s notice ("Media playback is unsupported on your device") from a video\'s caption, and a caption that is only one', () => {
    const video =
      '<figure><div class="player"><p>Media playback is unsupported on your device</p></div><figcaption>Media caption, The vote in full</figcaption></figure>';
    expect(captions(page(video)).caps).toEqual([{ text: 'The vote in full', credit: null, image: null }]);
    const bare = '<figure><div class="player"></div><figcaption>Your browser does not support the video tag.</figcaption></figure>';
    expect(captions(page(bare)).caps).toEqual([]);
  });

  it('drops screen-reader labels, counters and controls from the caption', () => {
    const fig =
      '<figure><img src="/f.jpg"><figcaption><span class="visually-hidden">Image caption, </span><span class="counter">2/9</span> Fans at the ground. <a href="/buy">Buy photo</a></figcaption></figure>';
    expect(captions(page(fig)).caps).toEqual([{ text: 'Fans at the ground.', credit: null, image: 'https://news.example.com/f.jpg' }]);
  });

  it('takes the credit printed over the image, beside the figcaption', () => {
    const fig = '<figure><div class="img"><img src="/g.jpg"><span class="x1">Survey Office</span></div><figcaption>The team on the ice.</figcaption></figure>';
    expect(captions(page(fig)).caps).toEqual([{ text: 'The team on the ice.', credit: 'Survey Office', image: 'https://news.example.com/g.jpg' }]);
  });
});

describe('captions: what is not a caption', () => {
  it('ignores figures of tables, quotations and code', () => {
    expect(captions(page('<figure><table><tr><th>A</th><td>1</td></tr></table><figcaption>Table 1: prices by region</figcaption></figure>')).caps).toEqual([]);
    expect(captions(page('<figure><blockquote>It will not be built.</blockquote><figcaption>— The mayor</figcaption></figure>')).caps).toEqual([]);
  });

  it('ignores a link preview card and boilerplate around the article', () => {
    const card =
      '<figure class="card"><a href="https://news.example.com/other"><div>Another story entirely about something else</div><img src="/t.jpg"></a></figure>';
    const sidebar = '<aside class="sidebar"><figure><img src="/ad.jpg"><figcaption>Sponsored: the best mattress</figcaption></figure></aside>';
    const { caps, article } = captions(page(card, sidebar));
    expect(caps).toEqual([]);
    expect(article.images.map((i) => i.src)).not.toContain('https://news.example.com/t.jpg');
  });

  it('reports a caption printed twice once', () => {
    const fig = '<figure><img src="/h.jpg"><figcaption>The harbour at dawn.</figcaption></figure>';
    expect(captions(page(fig + fig.replace('/h.jpg', '/h-small.jpg'))).caps).toHaveLength(1);
  });

  it('finds nothing on pages without an article', () => {
    const a = extract(
      '<html><head><title>Page not found</title></head><body><h1>Page not found</h1><figure><img src="/x.jpg"><figcaption>Lost</figcaption></figure></body></html>',
      { url: URL },
    );
    expect(a.captions).toEqual([]);
    expect(a.images).toEqual([]);
    expect(a.leadImage).toBeNull();
  });
});
