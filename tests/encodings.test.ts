/**
 * Legacy-encoding fixtures: every fixture whose expected.json names an
 * `encoding` is a page whose bytes are in that encoding. Each is extracted
 * three ways, and all three must decode it with that encoding and yield the
 * expected headline and body:
 *   as it is          (some declare their charset in a <meta>, some do not)
 *   undeclared        every <meta> charset declaration removed: the guess decides
 *   header only       declarations removed, the charset given as `contentType`
 * (tests/fixtures.test.ts checks the same fixtures as they are, like any other.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const MIN_ENCODINGS = 8;

interface Expected {
  url: string;
  encoding: string;
  headline: string;
  body: { startsWith: string; contains: string[]; notContains: string[] };
}

/** Encodings whose WHATWG decoders are the same: gbk is decoded by the gb18030 decoder. */
const SAME_DECODER: Record<string, string> = { gbk: 'gb18030' };
const decoderOf = (name: string | null) => (name === null ? null : (SAME_DECODER[name] ?? name));

/** The normalisation of tests/fixtures.test.ts: NFKC, ASCII quotes and dashes, collapsed whitespace. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page's bytes without any `<meta>` that declares a charset (all ASCII, so a byte-level edit is exact). */
function withoutDeclaration(bytes: Uint8Array): Uint8Array {
  const latin1 = Buffer.from(bytes)
    .toString('latin1')
    .replace(/<meta\b[^>]*charset[^>]*>\s*/gi, '');
  return new Uint8Array(Buffer.from(latin1, 'latin1'));
}

const fixtures = fs
  .readdirSync(FIXTURES_DIR)
  .filter((name) => fs.existsSync(path.join(FIXTURES_DIR, name, 'expected.json')))
  .map((name) => ({ name, expected: JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name, 'expected.json'), 'utf8')) as Expected }))
  .filter((f) => typeof f.expected.encoding === 'string');

describe('legacy-encoding fixtures', () => {
  it(`cover at least ${MIN_ENCODINGS} legacy encodings, with and without a declaration`, () => {
    const encodings = new Set(fixtures.map((f) => f.expected.encoding).filter((e) => e !== 'utf-8'));
    expect(encodings.size).toBeGreaterThanOrEqual(MIN_ENCODINGS);
    const declared = fixtures.map((f) => /<meta\b[^>]*charset/i.test(fs.readFileSync(path.join(FIXTURES_DIR, f.name, 'source.html'), 'latin1')));
    expect(declared).toContain(true);
    expect(declared).toContain(false);
  });

  describe.each(fixtures.map((f) => [f.name, f.expected] as const))('%s', (name, expected) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES_DIR, name, 'source.html')));
    const bare = withoutDeclaration(bytes);
    const ways: ReadonlyArray<readonly [string, Uint8Array, string | undefined]> = [
      ['as it is', bytes, undefined],
      ['undeclared', bare, undefined],
      ['header only', bare, `text/html; charset=${expected.encoding}`],
    ];
    it.each(ways)('%s', (_way, input, contentType) => {
      expect(
        bytes.some((b) => b >= 0x80),
        'the page must hold non-ASCII bytes',
      ).toBe(true);
      const article = extract(input, { url: expected.url, ...(contentType ? { contentType } : {}) });
      expect(decoderOf(article.input.encoding)).toBe(decoderOf(expected.encoding));
      expect(normalise(article.headline ?? '')).toBe(normalise(expected.headline));
      const text = normalise(article.body.text);
      expect(text.startsWith(normalise(expected.body.startsWith)), `body starts with "${text.slice(0, 80)}"`).toBe(true);
      for (const s of expected.body.contains) expect(text).toContain(normalise(s));
      for (const s of expected.body.notContains) expect(text).not.toContain(normalise(s));
      expect(article.body.text).not.toContain('\uFFFD');
    });
  });
});
