/**
 * The pipeline, in the order a page goes through it:
 * decode bytes -> parse -> index the page (one walk) and read its metadata ->
 * score containers and choose the article root -> pick out the fields ->
 * clean and label boilerplate -> serialise (sanitised HTML, text, Markdown).
 */
import type { Element } from 'domhandler';
import { takeDateline } from './fields/dateline/strip.js';
import { withDatelineReporters, type DatelineMatch } from './fields/dateline/dateline.js';
import { creditedAgency } from './fields/agencies/credit.js';
import { readPage } from './read.js';
import { Deadline, now, REFINE_BUDGET_SHARE, SERIALISE_DEADLINE_SHARE } from './limits.js';
import { indexPage } from './body/features.js';
import { collectMetadata } from './metadata/collect.js';
import { chooseAttempt } from './body/ladder.js';
import { mergeAccount, surroundingsAccount } from './body/account.js';
import { articleContainer, headlineElement } from './body/scope.js';
import { accountSurroundings } from './body/surroundings.js';
import { extractMedia } from './fields/media.js';
import { isNotAnArticle } from './body/pagekind.js';
import { rootFromArticleBody } from './body/hint.js';
import { extractHeadline } from './fields/headline/headline.js';
import { extractDates } from './fields/dates/dates.js';
import { extractByline } from './fields/byline/byline.js';
import { extractCanonicalUrl, extractPublisher, extractSourceUrl } from './fields/source/source.js';
import { extractLanguage } from './fields/language/language.js';
import { extractDek, pageDescription } from './fields/dek/dek.js';
import { extractSection, extractTags } from './fields/taxonomy/taxonomy.js';
import { serialiseBody } from './serialise/index.js';
import { resolveBaseUrl } from './urls.js';
import { normaliseOptions } from './options.js';
import type { Article, Body, ExtractInput, ExtractOptions } from './types.js';
import { EMPTY_BODY, emptyArticle, inputReport } from './article.js';
import { assessOwnBody } from './body/assess.js';
import { applyFallback } from './engines/fallback.js';
import { learnedRegion } from './body/learned.js';

/**
 * Extracts the article of a news page.
 *
 * @param input - The page as HTML text, or as raw bytes (`Uint8Array`/`Buffer`),
 *   which are decoded the way a browser would (BOM, `contentType` option, `<meta charset>`, a statistical
 *   guess, windows-1252). Input beyond `options.limits.maxInputSize` is cut off (see `Article.input`).
 *   Or a page parsed already: a cheerio document (`cheerio.load(html)`) or a domhandler `Document`
 *   (`parseDocument(html)` from htmlparser2), read without parsing again and never changed; a tree
 *   built by htmlparser2 gives the same `Article` as its HTML text (see docs/cheerio.md for parse5's).
 * @param options - See {@link ExtractOptions}.
 * @returns The article. Malformed or non-article pages never throw: they yield
 *   an `Article` with an empty body and `null` fields.
 * @throws {@link InvalidArgumentError} when `input` is none of these,
 *   or an option has the wrong type.
 *
 * @example
 * ```ts
 * import { extract } from 'copydesk';
 * const article = extract(html, { url: 'https://example.com/news/1' });
 * console.log(article.headline, article.body.text);
 * ```
 */
export function extract(input: ExtractInput, options?: ExtractOptions): Article {
  const opts = normaliseOptions(input, options);
  const page = readPage(input, opts);
  const index = indexPage(page.document, page.budget);
  const md = collectMetadata(index);
  const baseUrl = resolveBaseUrl(opts.url, md.baseHref);
  const headline = extractHeadline(md, opts.url);

  const description = pageDescription(md, headline);
  const chosen = chooseAttempt(index, { headline, description }, rootFromArticleBody(index, md), page.deadline);
  if (isNotAnArticle(index, md, chosen)) {
    // No article: every block of the page is accounted for.
    const account = surroundingsAccount(accountSurroundings({ index, region: [], container: null, headline: null }));
    return emptyArticle(md, opts.url, inputReport(page), account);
  }
  let body: Body = { ...EMPTY_BODY };
  let dateline: DatelineMatch | null = null;

  // The boilerplate around the region, merged with the cleaner's removals; the article's captions and pictures.
  const headlineEl = chosen ? headlineElement(md.h1, headline) : null;
  const container = chosen ? articleContainer(chosen.roots, headlineEl) : null;
  // The learned layer leaves out the blocks the rules kept that the body model is sure are not the article's
  // (body/learned.ts). A refinement: a call that has used REFINE_BUDGET_SHARE of its budget goes on without it.
  const refineBy = page.deadline === Infinity ? Infinity : page.deadline - opts.limits.timeBudgetMs * (1 - REFINE_BUDGET_SHARE);
  const refine = chosen !== null && now() <= refineBy;
  const found = chosen ? { ...chosen, ...(refine ? learnedRegion(index, chosen, container, headlineEl) : {}) } : null;
  const around = accountSurroundings({ index, region: found?.roots ?? [], container, headline: headlineEl, areas: found?.areas });
  const boilerplate = mergeAccount(index, found?.boilerplate ?? [], around);
  const media = found ? extractMedia({ index, md, baseUrl, region: found, container, surroundings: around }) : null;

  if (found) {
    dateline = takeDateline(found.roots, found.skip);
    // A caption box written as a figure keeps its caption blocks, which the cleaner had left out.
    const skip = media && media.restore.size > 0 ? new Set([...found.skip].filter((n) => !media.restore.has(n as Element))) : found.skip;
    // The serialiser writes until its own, later deadline (see SERIALISE_DEADLINE_SHARE).
    const serialiseBy = new Deadline(page.deadline + opts.limits.timeBudgetMs * (SERIALISE_DEADLINE_SHARE - 1));
    body = serialiseBody(found.roots, { baseUrl, skip, figures: media?.figures, imageCache: media?.imageCache, budget: serialiseBy });
    if (serialiseBy.ranOut && !page.budget.ranOut) page.budget.passedNow();
  }

  const declaredLanguage = extractLanguage(md, '');
  const credit = withDatelineReporters(extractByline(md, index, { headline, url: opts.url }), dateline);
  const dates = extractDates(md, index, opts.url, { language: declaredLanguage, referenceDate: opts.referenceDate }, headline, found?.roots);
  const own = assessOwnBody(index, found, { headline, description });
  const article: Article = {
    headline,
    dek: extractDek(md, index, headline),
    dateline: { published: dates.published, modified: dates.modified, place: dateline?.place ?? null, text: dateline?.text ?? null },
    byline: credit.byline,
    authors: credit.authors,
    body,
    captions: media?.captions ?? [],
    images: media?.images ?? [],
    leadImage: media?.leadImage ?? null,
    source: {
      publisher: extractPublisher(md, opts.url),
      // The dateline's agency, else the byline's, else the sign-off or rights line at the story's end.
      agency:
        dateline?.agency ??
        credit.agency ??
        creditedAgency(
          body.text,
          boilerplate.filter((b) => b.kind === 'footer' || b.kind === 'other').map((b) => b.text),
        ),
      canonicalUrl: extractCanonicalUrl(md, opts.url),
      sourceUrl: extractSourceUrl(index, found?.roots ?? [], baseUrl),
    },
    language: declaredLanguage ?? extractLanguage(md, body.text),
    section: extractSection(md, index),
    tags: extractTags(md, index),
    boilerplate,
    input: inputReport(page),
    confidence: own.confidence,
    engine: 'copydesk',
  };
  // The fallback (off by default) for bodies copydesk doubts: by its confidence, or by the ruled signals (assess.ts).
  if (!opts.fallback || (own.fallbackRating >= opts.fallbackThreshold && opts.fallbackThreshold < 1)) return article;
  return applyFallback(article, {
    engine: opts.fallback,
    page,
    index,
    limits: opts.limits,
    url: opts.url,
    baseUrl,
    headline,
    description,
    own,
    onReport: opts.onFallback,
  });
}
