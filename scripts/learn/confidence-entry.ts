/**
 * The evidence reader of the confidence training script: runs copydesk's
 * pipeline as `extract` does up to the rating of its own body (region, learned
 * layer, dateline cut) and returns the feature vector the confidence model
 * reads. Bundled by `scripts/train-confidence.mjs` with esbuild; not part of
 * the package.
 */
import { normaliseOptions } from '../../src/options.js';
import { readPage } from '../../src/read.js';
import { indexPage } from '../../src/body/features.js';
import { collectMetadata } from '../../src/metadata/collect.js';
import { extractHeadline } from '../../src/fields/headline/headline.js';
import { pageDescription } from '../../src/fields/dek/dek.js';
import { rootFromArticleBody } from '../../src/body/hint.js';
import { chooseAttempt } from '../../src/extract.js';
import { articleContainer, headlineElement } from '../../src/body/scope.js';
import { learnedRegion } from '../../src/body/learned.js';
import { isNotAnArticle } from '../../src/body/pagekind.js';
import { takeDateline } from '../../src/fields/dateline/strip.js';
import { assessOwnBody } from '../../src/body/assess.js';
import { CONFIDENCE_FEATURES } from '../../src/body/evidence.js';
import { now } from '../../src/limits.js';

export const FEATURE_NAMES = CONFIDENCE_FEATURES.map((f) => f.name);
export const FEATURE_SIGNS = CONFIDENCE_FEATURES.map((f) => f.sign);

export interface PageEvidence {
  /** 'body': a body was rated; 'none': no region (confidence 0); 'not-article': judged to hold no article. */
  kind: 'body' | 'none' | 'not-article';
  evidence: number[];
}

/** The evidence of one page, as `extract` computes it. */
export function pageEvidence(input: Uint8Array, url: string | null): PageEvidence {
  const opts = normaliseOptions(input, url ? { url } : {});
  const page = readPage(input, opts);
  const index = indexPage(page.document, page.budget);
  const md = collectMetadata(index);
  const headline = extractHeadline(md, opts.url);
  const description = pageDescription(md, headline);
  const chosen = chooseAttempt(index, { headline, description }, rootFromArticleBody(index, md), page.deadline);
  if (isNotAnArticle(index, md, chosen)) return { kind: 'not-article', evidence: [] };
  if (!chosen) return { kind: 'none', evidence: [] };
  const headlineEl = headlineElement(md.h1, headline);
  const container = articleContainer(chosen.roots, headlineEl);
  const refine = now() <= page.deadline;
  const found = { ...chosen, ...(refine ? learnedRegion(index, chosen, container, headlineEl) : {}) };
  takeDateline(found.roots, found.skip);
  const own = assessOwnBody(index, found, { headline, description });
  return { kind: own.figures.chars > 0 ? 'body' : 'none', evidence: own.evidence };
}
