import { describe, expect, it } from 'vitest';
import { parseBaseUrl, sanitiseUrl, schemeOf } from './urls.js';

const base = parseBaseUrl('https://news.test/world/story.html');

describe('schemeOf', () => {
  it.each([
    ['https://x.test/', 'https'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    [' \u0001java\tscr\nipt\u0000:x', 'javascript'],
    ['/relative:path', null],
    ['?q=a:b', null],
    ['1abc:x', null],
    ['no-colon', null],
  ])('%j -> %j', (value, scheme) => {
    expect(schemeOf(value)).toBe(scheme);
  });
});

describe('sanitiseUrl: links', () => {
  it('resolves relative URLs against the base', () => {
    expect(sanitiseUrl('../a?b=1#c', base, 'link')).toBe('https://news.test/a?b=1#c');
    expect(sanitiseUrl('//cdn.test/x', base, 'link')).toBe('https://cdn.test/x');
    expect(sanitiseUrl('#section', base, 'link')).toBe('https://news.test/world/story.html#section');
  });

  it('keeps relative URLs (trimmed) without a base', () => {
    expect(sanitiseUrl('  /a b  ', null, 'link')).toBe('/a b');
  });

  it('allows http, https, mailto and tel', () => {
    expect(sanitiseUrl('HTTP://X.test', base, 'link')).toBe('http://x.test/');
    expect(sanitiseUrl('mailto:a@b.test', base, 'link')).toBe('mailto:a@b.test');
    expect(sanitiseUrl('tel:+1-555', base, 'link')).toBe('tel:+1-555');
  });

  it('drops empty and bare-fragment links', () => {
    expect(sanitiseUrl('', base, 'link')).toBeNull();
    expect(sanitiseUrl('   ', base, 'link')).toBeNull();
    expect(sanitiseUrl('#', base, 'link')).toBeNull();
    expect(sanitiseUrl(undefined, base, 'link')).toBeNull();
  });

  const unsafe = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    'java script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://x.test/',
    'livescript:x',
  ];
  it.each(unsafe)('drops %j with and without a base', (value) => {
    expect(sanitiseUrl(value, base, 'link')).toBeNull();
    expect(sanitiseUrl(value, null, 'link')).toBeNull();
  });

  it('drops what a non-http base would produce', () => {
    expect(sanitiseUrl('x', parseBaseUrl('file:///tmp/page.html'), 'link')).toBeNull();
  });
});

describe('sanitiseUrl: images', () => {
  it('allows http(s) and base64 raster data URIs only', () => {
    expect(sanitiseUrl('a.png', base, 'image')).toBe('https://news.test/world/a.png');
    expect(sanitiseUrl('data:image/png;base64,iVBORw0KGgo=', base, 'image')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(sanitiseUrl('data:image/svg+xml;base64,PHN2Zz4=', base, 'image')).toBeNull();
    expect(sanitiseUrl('data:image/png,<svg>', base, 'image')).toBeNull();
    expect(sanitiseUrl('mailto:a@b.test', base, 'image')).toBeNull();
    expect(sanitiseUrl('javascript:alert(1)', base, 'image')).toBeNull();
  });
});

describe('parseBaseUrl', () => {
  it('returns null for missing or invalid URLs', () => {
    expect(parseBaseUrl(null)).toBeNull();
    expect(parseBaseUrl('')).toBeNull();
    expect(parseBaseUrl('not a url')).toBeNull();
    expect(parseBaseUrl('https://x.test/a')?.href).toBe('https://x.test/a');
  });
});
