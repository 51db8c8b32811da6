/**
 * Metadata fields of every fixture, checked against the `later` block of its
 * expected.json: authors, publication date, dateline, agency, publisher and
 * source link. (The body and headline are checked in fixtures.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const root = path.join(__dirname, '..', 'fixtures');
const norm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

interface Later {
  byline?: string | null;
  authors?: string[];
  published?: string | null;
  place?: string | null;
  datelineText?: string | null;
  agency?: string | null;
  publisher?: string | null;
  sourceUrl?: string | null;
  section?: string | null;
}

const fixtures = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'expected.json')))
  .map((d) => ({ name: d, expected: JSON.parse(fs.readFileSync(path.join(root, d, 'expected.json'), 'utf8')) as { url?: string; later?: Later } }))
  .filter((f) => f.expected.later);

describe.each(fixtures)('metadata of $name', ({ name, expected }) => {
  const later = expected.later!;
  const article = extract(new Uint8Array(fs.readFileSync(path.join(root, name, 'source.html'))), {
    url: expected.url,
    referenceDate: '2026-01-01T00:00:00Z',
  });

  if ('authors' in later) {
    it('names the authors', () => {
      expect(article.authors.map(norm)).toEqual((later.authors ?? []).map(norm));
    });
  }
  if (later.authors?.length) {
    it('prints a byline naming every author', () => {
      for (const a of later.authors!) expect(norm(article.byline)).toContain(norm(a));
    });
  }
  if ('published' in later) {
    it('dates the publication', () => {
      expect(article.dateline.published?.slice(0, 10) ?? null).toBe(later.published?.slice(0, 10) ?? null);
    });
  }
  if ('place' in later) {
    it('reads the dateline place', () => expect(article.dateline.place).toBe(later.place ?? null));
  }
  if ('datelineText' in later) {
    it('reads the dateline text', () => expect(article.dateline.text).toBe(later.datelineText ?? null));
  }
  if ('agency' in later) {
    it('credits the agency', () => expect(article.source.agency).toBe(later.agency ?? null));
  }
  if ('publisher' in later) {
    it('names the publisher', () => expect(norm(article.source.publisher)).toBe(norm(later.publisher)));
  }
  if ('section' in later) {
    it('files the section', () => expect(norm(article.section)).toBe(norm(later.section)));
  }
  if ('sourceUrl' in later) {
    it('finds the source link', () => expect(article.source.sourceUrl).toBe(later.sourceUrl ?? null));
  }
});
