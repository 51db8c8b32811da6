/**
 * The pipeline, in the order a page goes through it:
 * decode bytes -> parse -> index the page (one walk) and read its metadata ->
 * score containers and choose the article root -> pick out the fields ->
 * clean and label boilerplate -> serialise (sanitised HTML, text, Markdown).
 */
import type { AnyNode } from 'domhandler';
import { decodePage } from './decode/decode.js';
import { parseHtml } from './parse/parse.js';
import { indexPage, type PageIndex } from './body/features.js';
import { collectMetadata } from './metadata/collect.js';
import { ATTEMPTS, scoreAndMeasure, type AttemptFlags } from './body/score.js';
import { chooseRoot, widenToProse, withSiblings } from './body/root.js';
import { cleanRegion } from './body/clean.js';
import { THRESHOLDS } from './body/patterns.js';
import { extractHeadline } from './fields/headline/headline.js';
import { serialiseBody } from './serialise/index.js';
import { resolveBaseUrl } from './urls.js';
import { normaliseOptions } from './options.js';
import type { Article, BoilerplateBlock, Body, ExtractOptions } from './types.js';

/** One attempt's body and the boilerplate it removed. */
interface BodyAttempt {
  body: Body;
  boilerplate: BoilerplateBlock[];
}

const EMPTY_BODY: Body = { html: '', text: '', markdown: '' };

function attemptBody(index: PageIndex, flags: AttemptFlags, headline: string | null, baseUrl: string | null): BodyAttempt | null {
  const { scores, prose } = scoreAndMeasure(index, flags);
  const top = chooseRoot(index, scores);
  if (!top) return null;
  const root = widenToProse(index, top, prose);
  const roots = withSiblings(index, root, scores);
  const { skip, boilerplate } = cleanRegion(roots, { index, flags, headline });
  const body = serialiseBody(roots as readonly AnyNode[], { baseUrl, skip });
  return { body, boilerplate };
}

/**
 * Runs the retry ladder: the first attempt whose text reaches the threshold
 * wins; otherwise the longest attempt does (Readability's `_grabArticle` loop,
 * expressed as other flags over the same side tables instead of re-parses).
 */
function extractBody(index: PageIndex, headline: string | null, baseUrl: string | null): BodyAttempt {
  let best: BodyAttempt | null = null;
  for (const flags of ATTEMPTS) {
    const attempt = attemptBody(index, flags, headline, baseUrl);
    if (!attempt) continue;
    if (attempt.body.text.length >= THRESHOLDS.retryChars) return attempt;
    if (!best || attempt.body.text.length > best.body.text.length) best = attempt;
  }
  return best ?? { body: EMPTY_BODY, boilerplate: [] };
}

/**
 * Extracts the article of a news page.
 *
 * @param input - The page as HTML text, or as raw bytes (`Uint8Array`/`Buffer`),
 *   which are decoded the way a browser would (BOM, `contentType` option, `<meta charset>`, UTF-8).
 * @param options - See {@link ExtractOptions}.
 * @returns The article. Malformed or non-article pages never throw: they yield
 *   an `Article` with an empty body and `null` fields.
 * @throws {@link InvalidArgumentError} when `input` is neither a string nor a `Uint8Array`,
 *   or an option has the wrong type.
 *
 * @example
 * ```ts
 * import { extract } from 'copydesk';
 * const article = extract(html, { url: 'https://example.com/news/1' });
 * console.log(article.headline, article.body.text);
 * ```
 */
export function extract(input: string | Uint8Array, options?: ExtractOptions): Article {
  const opts = normaliseOptions(input, options);
  const { html } = decodePage(input, opts.contentType);
  const document = parseHtml(html);
  const index = indexPage(document);
  const md = collectMetadata(index);
  const baseUrl = resolveBaseUrl(opts.url, md.baseHref);
  const headline = extractHeadline(md, opts.url);
  const { body, boilerplate } = extractBody(index, headline, baseUrl);
  return {
    headline,
    dek: null,
    dateline: { published: null, modified: null, place: null, text: null },
    byline: null,
    authors: [],
    body,
    captions: [],
    images: [],
    leadImage: null,
    source: { publisher: null, agency: null, canonicalUrl: null, sourceUrl: null },
    language: md.htmlLang,
    section: null,
    tags: [],
    boilerplate,
  };
}

