/**
 * The Article's frame: how the input was read, and the Article of a page that
 * holds no article. `extract` fills the rest stage by stage.
 */
import type { ReadPage } from './read.js';
import type { PageMetadata } from './metadata/collect.js';
import { extractCanonicalUrl, extractPublisher } from './fields/source/source.js';
import { extractLanguage } from './fields/language/language.js';
import { NOT_AN_ARTICLE_CONFIDENCE } from './body/confidence.js';
import type { Article, BoilerplateBlock, Body, InputReport } from './types.js';

/** The body of an Article without one. */
export const EMPTY_BODY: Readonly<Body> = { html: '', text: '', markdown: '' };

/**
 * How the input was read, with what the time budget did after parsing: when
 * a later stage's walk stopped at the hard deadline, the article holds what was
 * found until then, and the report says so as it does for a parse the budget
 * stopped (`timeBudgetMs` among the limits, `truncated`).
 */
export function inputReport(page: ReadPage): InputReport {
  if (!page.budget.ranOut || page.report.limits.includes('timeBudgetMs')) return page.report;
  return { ...page.report, truncated: true, limits: [...page.report.limits, 'timeBudgetMs'] };
}

/** The Article of a page that holds no article: what the page says about itself, and the account of its blocks. */
export function emptyArticle(md: PageMetadata, pageUrl: string | null, input: InputReport, boilerplate: BoilerplateBlock[]): Article {
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
