/**
 * The public shape of copydesk's result and options.
 *
 * Every field of the mission is present from the first release so that users
 * see the whole shape; fields that a later release fills are documented as such
 * and are `null` or empty until then. `null` always means "not found", never
 * "not implemented yet and silently empty" — the README lists what is filled.
 *
 * @packageDocumentation
 */
import type { Document } from 'domhandler';
import type { ReadabilityEngine } from './engines/readability/types.js';

/**
 * A cheerio document, the `$` of `cheerio.load(html)` (a `CheerioAPI`), as
 * far as `extract` uses it: its root. Described by shape, so that copydesk's
 * types never need cheerio installed.
 */
export interface CheerioLike {
  root(): ArrayLike<Document>;
}

/**
 * What {@link extract} reads: the page as HTML text, as raw bytes (decoded
 * the way a browser would), or as a document the caller parsed already, a
 * cheerio document (`cheerio.load(html)`) or a domhandler `Document`
 * (htmlparser2's `parseDocument`), which is read without parsing again and
 * never changed.
 */
export type ExtractInput = string | Uint8Array | Document | CheerioLike;

/** Why a block was removed from the article. */
export type BoilerplateKind = 'ad' | 'comments' | 'related' | 'newsletter' | 'share' | 'navigation' | 'footer' | 'cookie' | 'paywall' | 'other';

/** A block that copydesk kept out of the body, with the reason. */
export interface BoilerplateBlock {
  /** What kind of boilerplate the block is. */
  kind: BoilerplateKind;
  /** The block's visible text, whitespace-collapsed: a summary, cut after 300 characters with "…" (may be empty for forms or ad slots). */
  text: string;
}

/** The publication dates and the printed place line ("SEOUL, May 19 (Reuters) -"). */
export interface Dateline {
  /** Publication date, ISO 8601 (with the page's offset when it gives one). */
  published: string | null;
  /** Last-modified date, ISO 8601. */
  modified: string | null;
  /** The place of the dateline ("SEOUL"), when the body starts with one. */
  place: string | null;
  /** The whole printed dateline as it appears ("SEOUL, May 19 (Reuters) -"). */
  text: string | null;
}

/** The article body in three serialisations of the same content. */
export interface Body {
  /**
   * Sanitised HTML: an allowlist of structural and inline elements, links and
   * images resolved against the page URL, no scripts, styles, forms, frames or
   * event handlers. Safe to insert into a page.
   */
  html: string;
  /** Plain text: blocks separated by one blank line, no runs of whitespace. */
  text: string;
  /** CommonMark-style Markdown of the same content. */
  markdown: string;
}

/** An image referenced by a caption. */
export interface CaptionImage {
  /** Absolute image URL. */
  src: string;
  /** The image's alt text, if any. */
  alt: string | null;
}

/** A caption of an image, video or graphic belonging to the article. */
export interface Caption {
  /** The caption without its credit. */
  text: string;
  /** The photo credit ("AFP", "Doug Mills/The New York Times"), if printed. */
  credit: string | null;
  /** The image the caption describes, if one was found. */
  image: CaptionImage | null;
}

/** A picture of the article (its lead figure or an image of the body). */
export interface ArticleImage {
  /** Absolute image URL (the best candidate of `src`, `srcset` and lazy-load attributes). */
  src: string;
  /** The image's alt text, if any. */
  alt: string | null;
  /** The caption attached to the image, if any. */
  caption: string | null;
}

/** Who published the article and where it came from. */
export interface Source {
  /** The publisher or site name ("The Korea Times"). */
  publisher: string | null;
  /** A wire agency credited for the story ("AFP", "Reuters", "AP"). */
  agency: string | null;
  /** The page's canonical URL (rel=canonical / og:url), absolute. */
  canonicalUrl: string | null;
  /** The original article a republished page links to ("Source link", "Originally published at"). */
  sourceUrl: string | null;
}

/**
 * The engine that produced an article's body: copydesk's own, or Readability
 * on jsdom (the fallback, or the `copydesk/readability` entry point).
 */
export type EngineName = 'copydesk' | 'readability';

/** The result of {@link extract}: one news article, separated from its page. */
export interface Article {
  /** The article's own title, without the site name. */
  headline: string | null;
  /** The standfirst or subheadline. */
  dek: string | null;
  /** Publication dates and the printed dateline. */
  dateline: Dateline;
  /** The byline as printed, without a leading "By". */
  byline: string | null;
  /** The individual authors named in the byline. */
  authors: string[];
  /** The article body. */
  body: Body;
  /** Captions of the article's images, in page order. */
  captions: Caption[];
  /** The article's pictures (its lead figure and the body's), in page order. */
  images: ArticleImage[];
  /** The article's lead image URL, absolute. */
  leadImage: string | null;
  /** Publisher, wire agency and URLs. */
  source: Source;
  /** The page language as a BCP 47 tag ("en", "de-AT"). */
  language: string | null;
  /** The site section ("World", "Politics"). */
  section: string | null;
  /** Topic tags and keywords. */
  tags: string[];
  /** Blocks kept out of the body, inside the article region and around it, with their kind, in page order. */
  boilerplate: BoilerplateBlock[];
  /** How the input was read: the encoding it was decoded with and the limits that took effect. */
  input: InputReport;
  /**
   * How sure copydesk is that `body` is the article's text, 0..1. For
   * copydesk's own body, a learned rating of how likely the body is right,
   * from its figures against the page, how the scorer reached it and the
   * marks of a wrong extraction its lines show (byline, date, caption or
   * credit lines, boilerplate lines, several stories, text the body block
   * model doubts or would have kept, few of the headline's words; see
   * docs/quality.md). For a body the fallback's engine supplied, the product
   * of the penalties of the ruled signals (`CONFIDENCE_SIGNALS`). 0 for an
   * empty body. Comparable across pages, not a calibrated probability.
   */
  confidence: number;
  /** Which engine produced `body`: `'copydesk'`, or `'readability'` when the fallback's body won. */
  engine: EngineName;
}

/** A limit of {@link ExtractLimits}. */
export type LimitName = keyof ExtractLimits;

/** How `extract` read its input. */
export interface InputReport {
  /**
   * The WHATWG name of the encoding the bytes were decoded with ("utf-8",
   * "windows-1251", "shift_jis"); `null` when the input was a string or a parsed document.
   */
  encoding: string | null;
  /**
   * What decided the encoding: a byte-order mark, the `contentType` option,
   * a `<meta>` declaration, the bytes themselves (valid UTF-8, or a
   * statistical guess), or the fallback (windows-1252); `null` for a string
   * or a parsed document.
   */
  encodingSource: 'bom' | 'content-type' | 'meta' | 'utf-8' | 'guess' | 'default' | null;
  /**
   * True when part of the page was not read: it was longer than
   * `maxInputSize`, or parsing stopped at `maxNodes` or at the time budget.
   * The article is then extracted from the part that was read.
   */
  truncated: boolean;
  /**
   * The limits that took effect, in pipeline order; empty for an ordinary
   * page. `maxDepth` flattens nesting beyond the cap without dropping content,
   * so it does not make the input `truncated`.
   */
  limits: LimitName[];
}

/**
 * Bounds on the work one call of `extract` does, so that no input can make it
 * take unbounded time or memory. Defaults: `DEFAULT_LIMITS`.
 */
export interface ExtractLimits {
  /**
   * Longest input read: bytes for a `Uint8Array`, UTF-16 code units for a
   * string. The rest is cut off (not an error; `input.truncated` says so).
   * A parsed document (cheerio's, domhandler's) is already in memory: it is
   * bounded by `maxNodes` alone.
   */
  maxInputSize: number;
  /** Most DOM nodes (elements, text, comments) built; parsing stops there. */
  maxNodes: number;
  /**
   * Deepest element nesting kept. Elements nested deeper are attached at this
   * depth (their content is kept), as browsers' parsers do beyond 512.
   */
  maxDepth: number;
  /**
   * Milliseconds one call may spend. A soft deadline: parsing stops at half
   * of it and no retry attempt starts after it. A hard one at 1.75 times it:
   * the walks of every later stage stop there, and the call returns the
   * article found so far, with `timeBudgetMs` in `input.limits` and
   * `input.truncated` set; so no call runs much past twice the budget.
   * `Infinity` turns it off, for results that never depend on the machine's
   * speed. See docs/limits.md.
   */
  timeBudgetMs: number;
}

/** Options of {@link extract}. Every option is optional. */
export interface ExtractOptions {
  /**
   * The page's URL. Used to resolve relative links and images and as a
   * metadata signal. Nothing is ever fetched from it.
   */
  url?: string;
  /**
   * The HTTP `Content-Type` header the page was served with, used to decode
   * bytes when `input` is a `Uint8Array` ("text/html; charset=windows-1251").
   */
  contentType?: string;
  /**
   * "Now" for relative dates ("3 hours ago") and the latest plausible
   * publication date. Defaults to the time of the call; pass a fixed date for
   * reproducible results.
   */
  referenceDate?: Date | string | number;
  /** Overrides of {@link ExtractLimits}; each one left out keeps its default (`DEFAULT_LIMITS`). */
  limits?: Partial<ExtractLimits>;
  /**
   * A second engine for pages where copydesk's body looks unreliable
   * (`confidence` under `fallbackThreshold`): `'readability'`, or the engine
   * exported by `copydesk/readability`. Off by default. Needs the optional peer
   * dependencies jsdom and @mozilla/readability; see the README for the cost.
   */
  fallback?: FallbackOption | null;
  /**
   * The fallback runs when `confidence` is under this (0..1; default 0.5; 1 = on every page), or when
   * the ruled signals' rating of the body (coverage, one list, links, relaxed rules, few paragraphs,
   * shortness, a close rival: see docs/quality.md) is.
   */
  fallbackThreshold?: number;
  /** Called once per page on which the fallback ran, with what happened (also when jsdom threw). */
  onFallback?: (report: FallbackReport) => void;
}

/** One signal as measured on a body. */
export interface ConfidenceSignal {
  /** Which signal (a key of {@link CONFIDENCE_SIGNALS}). */
  name: ConfidenceSignalName;
  /** The measured value (a share, a count or a ladder step; see the table). */
  value: number;
  /** Its penalty, 0..1. */
  penalty: number;
}

/** Names of the signals. */
export type ConfidenceSignalName =
  | 'coverage'
  | 'rival'
  | 'oneList'
  | 'links'
  | 'relaxedRules'
  | 'fewParagraphs'
  | 'short'
  /** The learned confidence's further doubts (see docs/quality.md): repeated prose blocks, a region of several stories, byline/date/caption/credit lines or boilerplate lines in the body, blocks the body model doubts, article-like text left out, a body that shares few words with the headline and description. */
  | 'repeated'
  | 'severalStories'
  | 'metaLines'
  | 'boilerplateLines'
  | 'doubtedBlocks'
  | 'missedText'
  | 'offTopic';

/** Why the comparison chose as it did. */
export type ComparisonReason =
  /** The other body holds copydesk's and adds prose to it: copydesk's was cut short. */
  | 'extends'
  /** copydesk's body is mostly one list; the other body is prose. */
  | 'one-list'
  /** The two bodies hold nearly the same text: copydesk's stands (its cleaning is finer). */
  | 'agrees'
  /** The bodies differ, but not by evidence enough to replace copydesk's. */
  | 'no-gain'
  /** The other engine found no body. */
  | 'empty';

/**
 * The fallback engine: `'readability'` (copydesk loads jsdom and
 * @mozilla/readability itself; needs `process.getBuiltinModule`, i.e. Node ≥ 20.16
 * or ≥ 22.3), or the engine object exported by `copydesk/readability` (any Node ≥ 18).
 */
export type FallbackOption = 'readability' | ReadabilityEngine;

/**
 * What happened when the fallback was considered: one of the comparison's
 * reasons (`extends`, `one-list`: Readability's body won; `agrees`, `no-gain`,
 * `empty`: copydesk's stood), or
 * - `error`: jsdom or Readability threw; copydesk's body stands;
 * - `limits`: a limit of the call (`ExtractLimits`) kept jsdom from starting:
 *   copydesk had to cut, flatten or stop reading the page, or jsdom's estimated
 *   time ({@link READABILITY_LIMITS}) does not fit in what remains of the time budget.
 */
export type FallbackReason = ComparisonReason | 'error' | 'limits';

/** A report of one fallback run, passed to `ExtractOptions.onFallback`. */
export interface FallbackReport {
  /** copydesk's own confidence in its body (it, or the ruled signals' rating, was under the threshold). */
  confidence: number;
  /** The signals that lowered it, strongest first. */
  signals: ConfidenceSignal[];
  /** The engine whose body the article carries. */
  engine: EngineName;
  /** Why. */
  reason: FallbackReason;
  /** The limit that kept jsdom from starting (reason `limits`), else null. */
  limit: LimitName | null;
  /** What jsdom or Readability threw (reason `error`), else null. */
  error: unknown;
  /** Milliseconds spent in the fallback (jsdom, Readability, comparison); 0 when it did not run. */
  ms: number;
  /** Share of copydesk's body (4-word shingles) that Readability's body holds; null when there was none. */
  ownInOther: number | null;
  /** Share of Readability's body that copydesk's body holds; null when there was none. */
  otherInOwn: number | null;
}
