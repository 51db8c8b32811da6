/**
 * Metadata fields of every fixture, checked against the `fields` block of its
 * expected.json: byline and authors, dek, publication and modification dates,
 * dateline place and text, agency, publisher, source link, language, section
 * and tags. (The body, headline, captions, images and boilerplate are checked
 * in fixtures.test.ts.) Every field the block states is checked.
 *
 * A field whose expectation copydesk does not meet yet is listed under
 * `pending` in expected.json, with the reason: its test then asserts that the
 * output still differs, so that fixing it fails the test until the entry is
 * removed (a known gap is visible, never silently skipped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Article } from '../src/types.js';

const root = path.join(__dirname, '..', 'fixtures');
const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A date as a comparable value: the instant when it has a time, else the day. */
function dateKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!/T\d/.test(value)) return value.slice(0, 10);
  const ms = Date.parse(value);
  // copydesk reports whole seconds
  return Number.isNaN(ms) ? value : new Date(ms - (ms % 1000)).toISOString();
}

/** How each stated field is read from the article and compared. */
const FIELDS: Record<string, { read: (a: Article) => unknown; key: (v: unknown) => unknown }> = {
  byline: { read: (a) => a.byline, key: (v) => (v === null ? null : norm(v as string)) },
  authors: { read: (a) => a.authors, key: (v) => (v as string[]).map(norm) },
  dek: { read: (a) => a.dek, key: (v) => (v === null ? null : norm(v as string)) },
  published: { read: (a) => a.dateline.published, key: dateKey },
  modified: { read: (a) => a.dateline.modified, key: dateKey },
  place: { read: (a) => a.dateline.place, key: (v) => v },
  datelineText: { read: (a) => a.dateline.text, key: (v) => v },
  agency: { read: (a) => a.source.agency, key: (v) => v },
  publisher: { read: (a) => a.source.publisher, key: (v) => (v === null ? null : norm(v as string)) },
  sourceUrl: { read: (a) => a.source.sourceUrl, key: (v) => v },
  language: { read: (a) => a.language, key: (v) => (v === null ? null : (v as string).toLowerCase()) },
  section: { read: (a) => a.section, key: (v) => (v === null ? null : norm(v as string)) },
  tags: { read: (a) => a.tags, key: (v) => (v as string[]).map(norm) },
};

/**
 * Stated in some fixtures for fields copydesk does not report (page kinds,
 * live-blog updates, paywall flags, sign-offs, table captions, Markdown
 * snippets): documented here so that a new unknown name fails the test.
 */
const NOT_ARTICLE_FIELDS = new Set(['isAccessibleForFree', 'liveUpdates', 'markdownHas', 'pageType', 'signOff', 'tableCaption']);

interface Expected {
  url: string;
  fields?: Record<string, unknown>;
  pending?: Record<string, string>;
}

const fixtures = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'expected.json')))
  .map((d) => ({ name: d, expected: JSON.parse(fs.readFileSync(path.join(root, d, 'expected.json'), 'utf8')) as Expected }))
  .filter((f) => f.expected.fields);

describe.each(fixtures)('metadata of $name', ({ name, expected }) => {
  const fields = expected.fields ?? {};
  const pending = expected.pending ?? {};
  let article: Article | undefined;
  const get = (): Article => {
    article ??= extract(new Uint8Array(fs.readFileSync(path.join(root, name, 'source.html'))), {
      url: expected.url,
      referenceDate: '2026-01-01T00:00:00Z',
      // results must not depend on the machine's speed or load
      limits: { timeBudgetMs: Number.POSITIVE_INFINITY },
    });
    return article;
  };

  it('states only known fields, and pending entries for stated fields', () => {
    const unknown = Object.keys(fields).filter((k) => !(k in FIELDS) && !NOT_ARTICLE_FIELDS.has(k));
    expect(unknown).toEqual([]);
    expect(Object.keys(pending).filter((k) => !(k in fields))).toEqual([]);
  });

  for (const [field, value] of Object.entries(fields)) {
    const spec = FIELDS[field];
    if (!spec) continue;
    if (field in pending) {
      it(`still misses ${field} (pending: ${pending[field]})`, () => {
        expect(spec.key(spec.read(get()))).not.toEqual(spec.key(value));
      });
    } else {
      it(`reads ${field}`, () => {
        expect(spec.key(spec.read(get()))).toEqual(spec.key(value));
      });
    }
  }

  if (Array.isArray(fields.authors) && fields.authors.length > 0 && !('authors' in pending) && !('byline' in pending)) {
    it('prints a byline naming every author', () => {
      for (const a of fields.authors as string[]) expect(norm(get().byline)).toContain(norm(a));
    });
  }
});
