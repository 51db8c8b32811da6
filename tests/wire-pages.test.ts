/**
 * Wire pages: whole pages of the wire style families checked for the fields
 * the fixtures state under `fields`: the dateline's place and
 * text, the agency, the byline and its authors; the printed dateline must
 * have left the body.
 *
 * Two roots: fixtures/ (wire-*, legacy-table-*, press-release-*, agency-copy-*
 * pages, which also pass tests/fixtures.test.ts in full), and
 * tests/wire-pages/ (pages whose wire fields copydesk reads but whose body or
 * another field it does not yet get right: each expected.json says which in
 * `gaps`; they are checked for what is right, so that it stays right).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOTS = [path.resolve(HERE, '..', 'fixtures'), path.resolve(HERE, 'wire-pages')];
const WIRE_KINDS = /^(?:wire-[a-z]+|press-release|agency-copy-[a-z]+|legacy-table)--/;

interface WireFields {
  place?: string | null;
  datelineText?: string | null;
  agency?: string | null;
  byline?: string | null;
  authors?: string[];
}

interface Expected {
  url: string;
  fields: WireFields;
  captions?: Array<{ text: string; credit: string | null; image: string | null }>;
  /** [kind, text]: a boilerplate record of this kind whose text contains this text. */
  boilerplateContains?: Array<[string, string]>;
}

const pages = ROOTS.flatMap((root) =>
  fs
    .readdirSync(root)
    .filter((n) => WIRE_KINDS.test(n))
    .map((n) => path.join(root, n)),
).sort();

describe('wire pages', () => {
  it('has pages of the wire style families (Reuters, AFP in French, Yonhap in Korean, PR Newswire, EFE, a legacy table layout)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(pages.map((p) => [path.basename(p), p]))('%s', (_name, dir) => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const article = extract(new Uint8Array(fs.readFileSync(path.join(dir, 'source.html'))), {
      url: expected.url,
      limits: { timeBudgetMs: Number.POSITIVE_INFINITY },
    });
    const later = expected.fields;

    it('reads the dateline place and text', () => {
      if ('place' in later) expect(article.dateline.place).toBe(later.place);
      if ('datelineText' in later) expect(article.dateline.text).toBe(later.datelineText);
    });

    it('takes the printed dateline out of the body', () => {
      if (later.datelineText) expect(article.body.text).not.toContain(later.datelineText);
    });

    it('credits the agency', () => {
      if ('agency' in later) expect(article.source.agency).toBe(later.agency);
    });

    it('reads the byline and its authors, never an agency or a date word as a name', () => {
      if ('byline' in later) expect(article.byline).toBe(later.byline);
      if (later.authors) expect(article.authors).toEqual(later.authors);
    });

    it('splits the captions from their credits', () => {
      if (!expected.captions) return;
      expect(article.captions.map((c) => ({ text: c.text, credit: c.credit }))).toEqual(expected.captions.map((c) => ({ text: c.text, credit: c.credit })));
    });

    it('labels the rights notices and share rows', () => {
      for (const [kind, text] of expected.boilerplateContains ?? []) {
        expect(
          article.boilerplate.some((b) => b.kind === kind && b.text.includes(text)),
          `${kind}: ${text}`,
        ).toBe(true);
      }
    });
  });
});
