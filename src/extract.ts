/**
 * The pipeline, in the order a page goes through it:
 * decode bytes -> parse -> index the page (one walk) and read its metadata ->
 * score containers and choose the article root -> pick out the fields ->
 * clean and label boilerplate -> serialise (sanitised HTML, text, Markdown).
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isInvisibleTag, isText } from './dom/nodes.js';
import { takeDateline } from './fields/dateline/strip.js';
import { withDatelineReporters, type DatelineMatch } from './fields/dateline/dateline.js';
import { creditedAgency } from './fields/agencies/credit.js';
import { readPage, type ReadPage } from './read.js';
import { Deadline, now } from './limits.js';
import { indexPage, type PageIndex } from './body/features.js';
import { collectMetadata } from './metadata/collect.js';
import { ATTEMPTS, scoreAndMeasure, type AttemptFlags } from './body/score.js';
import { chooseRoot, widenToProse, withSiblings } from './body/root.js';
import { cleanRegion, type RemovedBlock } from './body/clean.js';
import { mergeAccount, surroundingsAccount } from './body/account.js';
import { articleContainer, headlineElement } from './body/scope.js';
import { accountSurroundings } from './body/surroundings.js';
import { extractMedia } from './fields/media.js';
import { THRESHOLDS } from './body/patterns.js';
import { isNotAnArticle } from './body/pagekind.js';
import { rootFromArticleBody } from './body/hint.js';
import { extractHeadline } from './fields/headline/headline.js';
import { extractDates } from './fields/dates/dates.js';
import { extractByline } from './fields/byline/byline.js';
import { extractCanonicalUrl, extractPublisher, extractSourceUrl } from './fields/source/source.js';
import { extractLanguage } from './fields/language/language.js';
import { extractDek, pageDescription } from './fields/dek/dek.js';
import { DROPPED_TAGS } from './serialise/allowlist.js';
import { extractSection, extractTags } from './fields/taxonomy/taxonomy.js';
import type { PageMetadata } from './metadata/collect.js';
import { serialiseBody } from './serialise/index.js';
import { resolveBaseUrl } from './urls.js';
import { normaliseOptions } from './options.js';
import type { Article, BoilerplateBlock, Body, ExtractInput, ExtractOptions, InputReport } from './types.js';
import { assessOwnBody } from './body/assess.js';
import { NOT_AN_ARTICLE_CONFIDENCE } from './body/confidence.js';
import { applyFallback } from './engines/fallback.js';
import { learnedRegion } from './body/learned.js';

const EMPTY_BODY: Readonly<Body> = { html: '', text: '', markdown: '' };

/** One attempt: the region chosen, what to leave out of it, and the text it would yield. */
interface BodyAttempt {
  /** The container the scores chose (before widening and siblings); null when structured data chose the root. */
  top: Element | null;
  /** The attempt's container scores. */
  scores: ReadonlyMap<Element, number>;
  /** Step of the retry ladder ({@link ATTEMPTS} index) that produced it. */
  step: number;
  roots: Element[];
  skip: Set<AnyNode>;
  boilerplate: RemovedBlock[];
  /** Caption blocks kept out of the body. */
  captions: Set<Element>;
  /** Page areas (sidebars) left out whole, accounted with the page around the region. */
  areas: Element[];
  /** Visible characters of the region less what is skipped (from the side tables, without serialising). */
  textLength: number;
}

/** What the page says of its article before the body is found: the cleaner leaves their printed forms out of it. */
interface ArticleCues {
  headline: string | null;
  /** The page's stated description (`pageDescription`). */
  description: string | null;
}

function attemptBody(index: PageIndex, step: number, cues: ArticleCues, hint: Element | null): BodyAttempt | null {
  const flags: AttemptFlags = ATTEMPTS[step]!;
  const { scores, prose } = scoreAndMeasure(index, flags);
  const top = hint ?? chooseRoot(index, scores);
  if (!top) return null;
  const root = hint ?? widenToProse(index, top, prose);
  const roots = withSiblings(index, root, scores);
  const { skip, boilerplate, captions, areas } = cleanRegion(roots, { index, flags, ...cues, main: root });
  return { top: hint ? null : top, scores, step, roots, skip, boilerplate, captions, areas, textLength: keptText(roots, skip) };
}

/**
 * Characters of the region's text that survive the skip set and reach the
 * serialised body (one walk; skipped subtrees, and the elements the
 * serialiser drops with their content — forms, buttons, menus — are not
 * entered): the ladder compares attempts by the text a reader would get.
 */
function keptText(roots: readonly Element[], skip: ReadonlySet<AnyNode>): number {
  let total = 0;
  const stack: AnyNode[] = [...roots];
  while (stack.length) {
    const node = stack.pop()!;
    if (skip.has(node)) continue;
    if (isText(node)) total += node.data.trim().length;
    else if (isElement(node) && !isInvisibleTag(node.name) && !DROPPED_TAGS.has(node.name)) for (const c of node.children) stack.push(c);
  }
  return total;
}

/**
 * Runs the retry ladder: the first attempt whose text reaches the threshold
 * wins; otherwise the longest attempt does (Readability's `_grabArticle` loop,
 * expressed as other flags over the same side tables instead of re-parses).
 * An attempt rooted inside a block an earlier attempt named boilerplate by
 * its markup is passed over once an attempt has found text.
 * Past the time budget's deadline no further attempt is started.
 * Exported for the training script's block reader (`scripts/learn/blocks-entry.ts`).
 */
export function chooseAttempt(index: PageIndex, cues: ArticleCues, hint: Element | null, deadline: number): BodyAttempt | null {
  let best: BodyAttempt | null = null;
  // Blocks the earlier attempts' cleaners named boilerplate by their markup (an author box, a comment area).
  const named = new Set<Element>();
  for (let step = 0; step < ATTEMPTS.length; step++) {
    const attempt = attemptBody(index, step, cues, hint);
    if (attempt) {
      // A later attempt relaxes the rules; one rooted inside a block an earlier attempt named
      // (the author bio under a two-line post) has found that block, not a longer article.
      const stray = best !== null && best.textLength > 0 && isInsideAny(attempt.roots[0]!, named);
      for (const el of attempt.areas) named.add(el);
      for (const b of attempt.boilerplate) if (b.rule === 'markup') named.add(b.el);
      if (!stray) {
        if (attempt.textLength >= THRESHOLDS.retryChars) return attempt;
        if (!best || attempt.textLength > best.textLength) best = attempt;
      }
    }
    if (now() > deadline) break;
  }
  return best;
}

/** Whether `el` is one of `blocks` or lies inside one. */
function isInsideAny(el: Element, blocks: ReadonlySet<Element>): boolean {
  if (blocks.size === 0) return false;
  for (let p: Element | null = el; p; p = isElement(p.parent) ? p.parent : null) if (blocks.has(p)) return true;
  return false;
}

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
  // (body/learned.ts). A refinement: a call already past its time budget goes on without it.
  const refine = chosen !== null && now() <= page.deadline;
  const found = chosen ? { ...chosen, ...(refine ? learnedRegion(index, chosen, container, headlineEl) : {}) } : null;
  const around = accountSurroundings({ index, region: found?.roots ?? [], container, headline: headlineEl, areas: found?.areas });
  const boilerplate = mergeAccount(index, found?.boilerplate ?? [], around);
  const media = found ? extractMedia({ index, md, baseUrl, region: found, container, surroundings: around }) : null;

  if (found) {
    dateline = takeDateline(found.roots, found.skip);
    // A caption box written as a figure keeps its caption blocks, which the cleaner had left out.
    const skip = media && media.restore.size > 0 ? new Set([...found.skip].filter((n) => !media.restore.has(n as Element))) : found.skip;
    // The serialiser's deadline is the call's limit, twice the budget, not the later walks' 1.75 times: cut at the
    // same moment as they are, it threw away the body every earlier stage paid to find (an 8 MiB page kept 280
    // characters); with the rest of the budget it writes what it can.
    const serialiseBy = new Deadline(page.deadline + opts.limits.timeBudgetMs);
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
      agency: dateline?.agency ?? credit.agency ?? creditedAgency(body.text, boilerplate.filter((b) => b.kind === 'footer' || b.kind === 'other').map((b) => b.text)),
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
    engine: opts.fallback, page, index, limits: opts.limits, url: opts.url, baseUrl, headline, description, own, onReport: opts.onFallback,
  });
}

/**
 * How the input was read, with what the time budget did after parsing: when
 * a later stage's walk stopped at the hard deadline, the article holds what was
 * found until then, and the report says so as it does for a parse the budget
 * stopped (`timeBudgetMs` among the limits, `truncated`).
 */
function inputReport(page: ReadPage): InputReport {
  if (!page.budget.ranOut || page.report.limits.includes('timeBudgetMs')) return page.report;
  return { ...page.report, truncated: true, limits: [...page.report.limits, 'timeBudgetMs'] };
}

/** The Article of a page that holds no article: what the page says about itself, and the account of its blocks. */
function emptyArticle(md: PageMetadata, pageUrl: string | null, input: InputReport, boilerplate: BoilerplateBlock[]): Article {
  return {
    headline: null,
    dek: null,
    dateline: { published: null, modified: null, place: null, text: null },
    byline: null,
    authors: [],
    body: { ...EMPTY_BODY },
    captions: [],
    images: [],
    leadImage: null,
    source: { publisher: extractPublisher(md, pageUrl), agency: null, canonicalUrl: extractCanonicalUrl(md, pageUrl), sourceUrl: null },
    language: extractLanguage(md, ''),
    section: null,
    tags: [],
    boilerplate,
    input,
    confidence: NOT_AN_ARTICLE_CONFIDENCE,
    engine: 'copydesk',
  };
}

