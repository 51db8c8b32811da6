import { describe, expect, it } from 'vitest';
import { isPlaceholderName, pickSrcset } from './images.js';
import { serialise } from './test-helpers.js';

const BASE = 'https://news.test/a/story';
const html = (input: string): string => serialise(input, { baseUrl: BASE }).html;
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('pickSrcset', () => {
  it('picks the largest width', () => {
    expect(pickSrcset('a.jpg 300w, b.jpg 1200w, c.jpg 800w')).toBe('b.jpg');
  });
  it('picks the largest density when there are no widths', () => {
    expect(pickSrcset('a.jpg, b.jpg 2x, c.jpg 1.5x')).toBe('b.jpg');
  });
  it('keeps commas inside URLs', () => {
    expect(pickSrcset('https://c.test/w_300,h_200/a.jpg 300w, https://c.test/w_900,h_600/a.jpg 900w')).toBe('https://c.test/w_900,h_600/a.jpg');
  });
  it('handles a bare URL and empty values', () => {
    expect(pickSrcset('  only.jpg  ')).toBe('only.jpg');
    expect(pickSrcset(' , ')).toBeNull();
  });
});

describe('isPlaceholderName', () => {
  it.each(['/img/blank.gif', '/spacer.png', 'lazy-placeholder.svg', '/x/lazyload.gif?v=2', 'grey-placeholder_16x9.png', '/pixel.gif', 'loading.gif'])(
    '%s is a placeholder',
    (url) => expect(isPlaceholderName(url)).toBe(true),
  );
  it.each(['/photos/blanket-ban.jpg', '/lazy/photo.jpg', '/uploading-day.jpg', '/pixel-art-show.jpg'])('%s is not', (url) =>
    expect(isPlaceholderName(url)).toBe(false),
  );
});

describe('images in the body', () => {
  it('keeps src, alt, width and height, drops the rest', () => {
    expect(html('<img src="/a.jpg" alt=" A  photo " width="640" height="360px" class="x" loading="lazy" srcset="b.jpg 2x" style="x">')).toBe(
      '<p><img src="https://news.test/a.jpg" alt="A photo" width="640" height="360"></p>',
    );
  });

  it('drops non-numeric sizes', () => {
    expect(html('<img src="/a.jpg" width="100%" height="auto">')).toBe('<p><img src="https://news.test/a.jpg"></p>');
  });

  it.each([
    ['data-src', `<img src="${GIF}" data-src="/real.jpg">`],
    ['data-lazy-src', '<img src="/img/blank.gif" data-lazy-src="/real.jpg">'],
    ['data-original', '<img data-original="/real.jpg">'],
    ['data-srcset', '<img src="spacer.gif" data-srcset="/small.jpg 300w, /real.jpg 1024w">'],
    ['srcset', '<img srcset="/small.jpg 300w, /real.jpg 1024w">'],
    ['a data: URI src with a lazy attribute', `<img src="${PNG}" data-src="/real.jpg">`],
  ])('takes the real image from %s', (_name, input) => {
    expect(html(input)).toBe('<p><img src="https://news.test/real.jpg"></p>');
  });

  it('prefers a real src over lazy attributes', () => {
    expect(html('<img src="/src.jpg" data-src="/lazy.jpg" srcset="/big.jpg 2000w">')).toBe('<p><img src="https://news.test/src.jpg"></p>');
  });

  it('takes a picture source when the img has nothing', () => {
    expect(html('<picture><source srcset="/a.webp 800w, /b.webp 1600w" type="image/webp"><img alt="p"></picture>')).toBe(
      '<p><img src="https://news.test/b.webp" alt="p"></p>',
    );
  });

  it('keeps a raster data URI without alternatives, drops a GIF placeholder and a placeholder file', () => {
    expect(html(`<img src="${PNG}">`)).toBe(`<p><img src="${PNG}"></p>`);
    expect(html(`<p>x<img src="${GIF}"></p>`)).toBe('<p>x</p>');
    expect(html('<p>x<img src="/blank.gif"></p>')).toBe('<p>x</p>');
  });

  it('drops tracking pixels', () => {
    expect(html('<p>x<img src="https://t.test/p.gif" width="1" height="1"><img src="/t.gif" width="0"><img src="/u.gif" height="1px"></p>')).toBe('<p>x</p>');
  });

  it('drops images without any usable source', () => {
    expect(html('<p>x<img><img src=""><img src="javascript:alert(1)"></p>')).toBe('<p>x</p>');
  });
});

describe('noscript fallbacks', () => {
  it('uses the noscript image when the lazy image has no usable source', () => {
    expect(html('<img class="lazy" src="/blank.gif"><noscript><img src="/real.jpg" alt="R"></noscript>')).toBe(
      '<p><img src="https://news.test/real.jpg" alt="R"></p>',
    );
  });

  it('does not emit the same image twice', () => {
    expect(html('<img src="/blank.gif" data-src="/real.jpg"><noscript><img src="/real.jpg"></noscript>')).toBe('<p><img src="https://news.test/real.jpg"></p>');
  });

  it('skips the fallback when the lazy image next to it resolved, even to another URL', () => {
    expect(html('<div class="wrap"><img data-src="/small.jpg"></div><noscript><img src="/large.jpg"></noscript>')).toBe(
      '<p><img src="https://news.test/small.jpg"></p>',
    );
  });

  it('does not emit the lazy image again after its noscript fallback', () => {
    expect(html('<noscript><img src="/real.jpg"></noscript><p>x</p><img data-src="/real.jpg">')).toBe(
      '<p><img src="https://news.test/real.jpg"></p>\n<p>x</p>',
    );
  });

  it('reads noscript content kept as text (parse5 trees)', async () => {
    const { parseDocument } = await import('htmlparser2');
    const { serialiseBody } = await import('./index.js');
    const doc = parseDocument('<div></div>');
    const div = doc.children[0] as import('domhandler').Element;
    // Build the parse5 shape by hand on a private tree: <noscript> with a text child.
    const { Element, Text } = await import('domhandler');
    const noscript = new Element('noscript', {}, [new Text('<img src="/real.jpg" alt="t">')]);
    noscript.children[0]!.parent = noscript;
    div.children.push(noscript);
    noscript.parent = div;
    expect(serialiseBody([div], { baseUrl: BASE }).html).toBe('<p><img src="https://news.test/real.jpg" alt="t"></p>');
  });

  it('ignores noscript text without images', () => {
    expect(html('<noscript>Please enable JavaScript</noscript><p>x</p>')).toBe('<p>x</p>');
  });
});

describe('amp-img', () => {
  it('is an image, and its fallback children are not repeated', () => {
    expect(html('<amp-img src="/a.jpg" width="800" height="600" layout="responsive"><noscript><img src="/a.jpg"></noscript></amp-img>')).toBe(
      '<p><img src="https://news.test/a.jpg" width="800" height="600"></p>',
    );
  });
});
