// What a single "HTML" input plainly is instead, and why a page has no article.
import { describe, expect, it } from 'vitest';
import { noArticleReason, sniffAdvice, sniffNonHtml } from './sniff.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffNonHtml', () => {
  it('finds JSON lines, URL lists and path lists', () => {
    expect(sniffNonHtml(bytes('{"id":"1","html":"<p>x</p>"}\n{"id":"2","html":"<p>y</p>"}\n'))).toBe('jsonl');
    expect(sniffNonHtml(bytes('# crawl list\nhttps://a.example/1\n\nhttps://b.example/2\n'))).toBe('urls');
    expect(sniffNonHtml(bytes('pages/a.html\npages/b.html.gz\n'))).toBe('paths');
  });

  it('leaves HTML, prose and mixed lines alone', () => {
    expect(sniffNonHtml(bytes('<!doctype html><html><body><p>Hi</p></body></html>'))).toBeNull();
    expect(sniffNonHtml(bytes('Just a sentence of text.\n'))).toBeNull();
    expect(sniffNonHtml(bytes('{"id":"1"}\nnot json\n'))).toBeNull();
    expect(sniffNonHtml(bytes('[1, 2, 3]\n'))).toBeNull();
    expect(sniffNonHtml(bytes(''))).toBeNull();
    // Paths without a page-like extension are not taken for a list.
    expect(sniffNonHtml(bytes('notes/a.txt\nnotes/b.txt\n'))).toBeNull();
  });

  it('reads only the start of a large input, ignoring a cut last line', () => {
    const line = '{"id":"x","html":"<p>page</p>"}\n';
    const big = line.repeat(Math.ceil((70 * 1024) / line.length));
    expect(sniffNonHtml(bytes(big))).toBe('jsonl');
  });
});

describe('sniffAdvice', () => {
  it('says what to pass, naming the file or standard input', () => {
    expect(sniffAdvice('jsonl', '-')).toMatch(/^standard input holds JSON lines.*--input jsonl/);
    expect(sniffAdvice('urls', 'list.txt')).toMatch(/list\.txt is a list of URLs.*--fetch list\.txt/);
    expect(sniffAdvice('paths', '-')).toMatch(/< LIST/);
  });
});

describe('noArticleReason', () => {
  it('tells empty, binary, blank and article-less pages apart', () => {
    expect(noArticleReason(new Uint8Array())).toBe('the input is empty');
    expect(noArticleReason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatch(/binary/);
    expect(noArticleReason(bytes(' \n\t\n'))).toMatch(/white space/);
    expect(noArticleReason(bytes('<html><body><ul><li>a</li></ul></body></html>'))).toMatch(/no article text/);
  });
});
