/**
 * A Readability run as copydesk's `Article`: what `copydesk/readability`'s
 * `extract` returns, for users moving from Readability. The body is
 * Readability's article as Readability chose and cleaned it, sanitised and
 * serialised by copydesk (HTML, text, Markdown); the metadata fields are
 * Readability's (title, byline, excerpt, site name, language, publication
 * time), the byline cleaned and split into authors as copydesk's own. When
 * jsdom or Readability throw, or a limit keeps jsdom from starting, the
 * result is copydesk's own article (`engine: 'copydesk'`), as with the fallback: bad HTML never throws.
 */
import { readPage } from '../../read.js';
import { now } from '../../limits.js';
import { indexPage } from '../../body/features.js';
import { collectMetadata } from '../../metadata/collect.js';
import { assessConfidence } from '../../body/confidence.js';
import { pageProse } from '../../body/signals.js';
import { extract as extractOwn } from '../../extract.js';
import { normaliseOptions } from '../../options.js';
import { resolveBaseUrl } from '../../urls.js';
import type { Article, ExtractOptions } from '../../types.js';
import { cleanByline, splitAuthors } from '../../fields/byline/byline.js';
import { bodyFromReadability } from './body.js';
import { fallbackStoppedBy } from './limits.js';
import type { ReadabilityEngine, ReadabilityRun } from './types.js';

/**
 * Options of the drop-in `extract`: the page's URL and Content-Type and the
 * limits, as for copydesk's own; `referenceDate` applies when copydesk's own
 * article is returned (jsdom threw, or a limit kept it from starting).
 */
export type ReadabilityExtractOptions = Pick<ExtractOptions, 'url' | 'contentType' | 'referenceDate' | 'limits'>;

/** A date Readability read from the page, as ISO 8601 when it is one (Readability passes the page's string through). */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? value.trim() : null;
}

/** Runs Readability on a page and returns copydesk's `Article` for it. */
export function extractWithReadability(engine: ReadabilityEngine, input: string | Uint8Array, options?: ReadabilityExtractOptions): Article {
  const opts = normaliseOptions(
    input,
    options === undefined
      ? undefined
      : {
          url: options?.url,
          contentType: options?.contentType,
          referenceDate: options?.referenceDate,
          limits: options?.limits,
        },
  );
  engine.load(); // missing packages are a configuration error, thrown before anything else
  const page = readPage(input, opts);
  const own = (): Article =>
    extractOwn(input, {
      ...(opts.url ? { url: opts.url } : {}),
      ...(opts.contentType ? { contentType: opts.contentType } : {}),
      referenceDate: opts.referenceDate,
      limits: opts.limits,
    });
  const index = indexPage(page.document);
  if (fallbackStoppedBy(page, index, opts.limits, now())) return own();
  let run: ReadabilityRun | null;
  try {
    run = engine.run(page.html, opts.url, { maxNodes: opts.limits.maxNodes });
  } catch {
    return own();
  }
  const md = collectMetadata(index);
  const baseUrl = resolveBaseUrl(opts.url, md.baseHref);
  const made = run ? bodyFromReadability(run.content, { baseUrl, headline: run.title, clean: false, limits: opts.limits }) : null;
  // Readability passes the printed credit through ("By Jane Doe, Staff Writer"): cleaned and split as copydesk's own.
  const byline = run?.byline ? cleanByline(run.byline) : null;
  const credit = byline ? splitAuthors(byline) : { authors: [], agency: null };
  const confidence = made
    ? assessConfidence({ figures: made.figures, pageProseChars: pageProse(index, made.figures.weight), ladderStep: null, rivalRatio: null }).confidence
    : 0;
  return {
    headline: run?.title ?? null,
    dek: run?.excerpt ?? null,
    dateline: { published: isoDate(run?.publishedTime ?? null), modified: null, place: null, text: null },
    byline,
    authors: credit.authors,
    body: made ? made.body : { html: '', text: '', markdown: '' },
    captions: [],
    images: [],
    leadImage: null,
    source: { publisher: run?.siteName ?? null, agency: credit.agency, canonicalUrl: null, sourceUrl: null },
    language: run?.lang ?? md.htmlLang,
    section: null,
    tags: [],
    boilerplate: [],
    input: page.report,
    confidence,
    engine: 'readability',
  };
}
