/**
 * Fixture tests: every folder `fixtures/<kind>--<slug>/` holds a full news page
 * (`source.html`) and what copydesk must make of it (`expected.json`).
 *
 * expected.json:
 *   url          the page URL, passed to extract()
 *   headline     the expected headline (string), or null when the page has no article
 *   body         { startsWith, contains[], notContains[] }  or  { empty: true }
 *   captions     [{ text, credit, image }]: every caption in page order; `credit` and `image`
 *                (the src of the image it describes) may be null
 *   images       [src]: the article's pictures in page order
 *   leadImage    the lead image URL, or null
 *   boilerplate  { kinds, blocks }: `kinds` lists the kinds of the blocks kept out of the body
 *                in the order each kind first appears on the page; `blocks` lists blocks
 *                ({ kind, text }) that must appear in that order, each record's text
 *                containing `text`
 *   fields       byline, dates, dateline, source, language, section, tags...: checked by
 *                metadata-fixtures.test.ts (`pending` lists the known gaps, with reasons)
 *
 * Strings are compared after normalisation (NFKC, typographic quotes and dashes
 * to ASCII, invisible characters removed, whitespace collapsed), applied to both
 * the expected string and the extracted text. Substring checks are case-sensitive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Article, BoilerplateKind } from '../src/types.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_FIXTURES = 12;
const EMPTY_BODY_MAX_CHARS = 200;

interface ExpectedTextBody {
  startsWith: string;
  contains: string[];
  notContains: string[];
  empty?: false;
}

interface ExpectedEmptyBody {
  empty: true;
}

interface ExpectedCaption {
  text: string;
  credit: string | null;
  /** The src of the image the caption describes; null when it describes none (a video). */
  image: string | null;
}

interface ExpectedBoilerplate {
  /** Kinds in the order each first appears in `article.boilerplate`. */
  kinds: BoilerplateKind[];
  /** Blocks that must appear in this order; a record matches when its kind is equal and its text contains `text`. */
  blocks: Array<{ kind: BoilerplateKind; text: string }>;
}

interface Expected {
  url: string;
  headline: string | null;
  body: ExpectedTextBody | ExpectedEmptyBody;
  captions: ExpectedCaption[];
  images: string[];
  leadImage: string | null;
  boilerplate: ExpectedBoilerplate;
  fields?: Record<string, unknown>;
  pending?: Record<string, string>;
}

const KINDS: ReadonlySet<string> = new Set(['ad', 'comments', 'related', 'newsletter', 'share', 'navigation', 'footer', 'cookie', 'paywall', 'other']);

const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u2035': "'",
  '\u2039': "'",
  '\u203A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2036': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};
const QUOTE_RE = new RegExp(`[${Object.keys(QUOTE_MAP).join('')}]`, 'g');

/** NFKC, typographic quotes/dashes to ASCII, no invisible characters, collapsed whitespace. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
    .replace(QUOTE_RE, (ch) => QUOTE_MAP[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

function listFixtures(): string[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  return fs
    .readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FIXTURES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** Reads and validates expected.json; throws a readable error when it is missing or malformed. */
function loadExpected(name: string): Expected {
  const file = path.join(FIXTURES_DIR, name, 'expected.json');
  if (!fs.existsSync(file)) {
    throw new Error(`fixture "${name}" has source.html but no expected.json (write it by hand)`);
  }
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`${name}/expected.json is not an object`);
  const e = raw as Record<string, unknown>;
  if (typeof e.url !== 'string') throw new Error(`${name}/expected.json: "url" must be a string`);
  if (e.headline !== null && typeof e.headline !== 'string') {
    throw new Error(`${name}/expected.json: "headline" must be a string or null`);
  }
  const body = e.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) throw new Error(`${name}/expected.json: "body" missing`);
  if (body.empty !== true) {
    if (typeof body.startsWith !== 'string' || body.startsWith.length === 0) {
      throw new Error(`${name}/expected.json: "body.startsWith" must be a non-empty string`);
    }
    if (!isStringArray(body.contains)) throw new Error(`${name}/expected.json: "body.contains" must be a string array`);
    if (!isStringArray(body.notContains)) {
      throw new Error(`${name}/expected.json: "body.notContains" must be a string array`);
    }
  }
  const nullableString = (v: unknown) => v === null || typeof v === 'string';
  if (
    !Array.isArray(e.captions) ||
    !e.captions.every(
      (c: Record<string, unknown>) => typeof c === 'object' && c !== null && typeof c.text === 'string' && nullableString(c.credit) && nullableString(c.image),
    )
  ) {
    throw new Error(`${name}/expected.json: "captions" must be an array of { text, credit, image } (credit and image may be null)`);
  }
  if (!isStringArray(e.images)) throw new Error(`${name}/expected.json: "images" must be a string array`);
  if (!nullableString(e.leadImage)) throw new Error(`${name}/expected.json: "leadImage" must be a string or null`);
  const bp = e.boilerplate as Record<string, unknown> | undefined;
  if (
    typeof bp !== 'object' ||
    bp === null ||
    !isStringArray(bp.kinds) ||
    !bp.kinds.every((k) => KINDS.has(k)) ||
    !Array.isArray(bp.blocks) ||
    !bp.blocks.every((b: Record<string, unknown>) => KINDS.has(b.kind as string) && typeof b.text === 'string')
  ) {
    throw new Error(`${name}/expected.json: "boilerplate" must be { kinds: [kind], blocks: [{ kind, text }] } with known kinds`);
  }
  return raw as Expected;
}

/** The kinds of the records in the order each first appears. */
function kindsInOrder(article: Article): string[] {
  const kinds: string[] = [];
  for (const b of article.boilerplate) if (!kinds.includes(b.kind)) kinds.push(b.kind);
  return kinds;
}

const articles = new Map<string, Article>();

/** Runs extract() once per fixture on the page's bytes. */
function run(name: string): { expected: Expected; article: Article } {
  const expected = loadExpected(name);
  let article = articles.get(name);
  if (!article) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES_DIR, name, 'source.html')));
    // an unlimited time budget: results must not depend on the machine's speed or load
    article = extract(bytes, { url: expected.url, limits: { timeBudgetMs: Number.POSITIVE_INFINITY } });
    articles.set(name, article);
  }
  return { expected, article };
}

function bodyText(article: Article): string {
  return normalise(article.body?.text ?? '');
}

function preview(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const fixtures = listFixtures();

describe('fixture set', () => {
  it(`has at least ${MIN_FIXTURES} fixtures`, () => {
    expect(fixtures.length, `found ${fixtures.length} fixture folders in ${FIXTURES_DIR}`).toBeGreaterThanOrEqual(MIN_FIXTURES);
  });

  it('names every fixture folder <kind>--<slug>', () => {
    const bad = fixtures.filter((n) => !NAME_PATTERN.test(n));
    expect(bad, `folder names not matching <kind>--<slug>: ${bad.join(', ')}`).toEqual([]);
  });
});

describe.each(fixtures)('fixture %s', (name) => {
  it('has an expected.json', () => {
    const file = path.join(FIXTURES_DIR, name, 'expected.json');
    expect(fs.existsSync(file), `${name}: expected.json is missing`).toBe(true);
    expect(() => loadExpected(name)).not.toThrow();
  });

  it('extracts the headline', () => {
    const { expected, article } = run(name);
    if (expected.headline === null) {
      expect(article.headline, `${name}: expected no headline`).toBeNull();
      return;
    }
    const got = article.headline === null ? null : normalise(article.headline);
    expect(got, `${name}: headline`).toBe(normalise(expected.headline));
  });

  it('extracts the body', () => {
    const { expected, article } = run(name);
    const text = bodyText(article);

    if (expected.body.empty === true) {
      const raw = article.body?.text ?? '';
      expect(
        raw.length,
        `${name}: page has no article, body.text should be under ${EMPTY_BODY_MAX_CHARS} chars but is ${raw.length}: "${preview(normalise(raw))}"`,
      ).toBeLessThan(EMPTY_BODY_MAX_CHARS);
      return;
    }

    const { startsWith, contains, notContains } = expected.body;
    const start = normalise(startsWith);
    expect(text.startsWith(start), `${name}: body should start with\n  "${start}"\nbut starts with\n  "${preview(text, start.length + 60)}"`).toBe(true);

    const missing = contains.map(normalise).filter((s) => !text.includes(s));
    expect(missing, `${name}: body is missing ${missing.length} expected string(s):\n${missing.map((s) => `  - "${s}"`).join('\n')}`).toEqual([]);

    const present = notContains.map(normalise).filter((s) => text.includes(s));
    expect(present, `${name}: body contains ${present.length} boilerplate string(s) it should not:\n${present.map((s) => `  - "${s}"`).join('\n')}`).toEqual(
      [],
    );
  });

  it('extracts the captions (text, credit, image)', () => {
    const { expected, article } = run(name);
    const got = article.captions.map((c) => ({ text: normalise(c.text), credit: c.credit === null ? null : normalise(c.credit), image: c.image?.src ?? null }));
    const want = expected.captions.map((c) => ({ text: normalise(c.text), credit: c.credit === null ? null : normalise(c.credit), image: c.image }));
    expect(got.length, `${name}: ${got.length} caption(s) found, ${want.length} expected:\n${got.map((c) => `  - "${preview(c.text, 80)}"`).join('\n')}`).toBe(
      want.length,
    );
    want.forEach((w, i) => {
      expect(got[i]!.text, `${name}: caption ${i + 1} text`).toBe(w.text);
      expect(got[i]!.credit, `${name}: caption ${i + 1} credit`).toBe(w.credit);
      expect(got[i]!.image, `${name}: caption ${i + 1} image`).toBe(w.image);
    });
    // Captions never appear in the body text.
    const text = bodyText(article);
    const leaked = got.filter((c) => c.text.length >= 20 && text.includes(c.text)).map((c) => c.text);
    expect(leaked, `${name}: caption text found in body.text`).toEqual([]);
  });

  it('reports the images and the lead image', () => {
    const { expected, article } = run(name);
    expect(
      article.images.map((i) => i.src),
      `${name}: images`,
    ).toEqual(expected.images);
    expect(article.leadImage, `${name}: leadImage`).toBe(expected.leadImage);
  });

  it('accounts for the boilerplate (kinds in page order, named blocks)', () => {
    const { expected, article } = run(name);
    expect(kindsInOrder(article), `${name}: boilerplate kinds in order of first appearance`).toEqual(expected.boilerplate.kinds);
    let at = 0;
    for (const want of expected.boilerplate.blocks) {
      const needle = normalise(want.text);
      const found = article.boilerplate.findIndex((b, i) => i >= at && b.kind === want.kind && normalise(b.text).includes(needle));
      expect(
        found,
        `${name}: no ${want.kind} block containing "${want.text}" after record ${at}; records:\n${article.boilerplate.map((b, i) => `  ${i}. ${b.kind}: ${preview(normalise(b.text), 70)}`).join('\n')}`,
      ).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
