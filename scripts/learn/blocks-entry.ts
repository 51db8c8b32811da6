/**
 * The block reader of the training script: runs copydesk's pipeline up to the
 * body region the rules choose (the same steps as `extract`) and returns the
 * region's blocks with their features and the rules' verdicts. Bundled by
 * `scripts/train.mjs` with esbuild; not part of the package.
 */
import { normaliseOptions } from '../../src/options.js';
import { readPage } from '../../src/read.js';
import { indexPage } from '../../src/body/features.js';
import { collectMetadata } from '../../src/metadata/collect.js';
import { extractHeadline } from '../../src/fields/headline/headline.js';
import { pageDescription } from '../../src/fields/dek/dek.js';
import { rootFromArticleBody } from '../../src/body/hint.js';
import { chooseAttempt } from '../../src/body/ladder.js';
import { articleContainer, headlineElement } from '../../src/body/scope.js';
import { regionBlocks, BLOCK_FEATURES } from '../../src/body/blocks.js';

export { BLOCK_FEATURES };

export interface PageBlock {
  text: string;
  features: number[];
  ruleKept: boolean;
}

/** The blocks of a page's container and region, in document order (none when the rules find no region). */
export function pageBlocks(input: Uint8Array, url: string | null): PageBlock[] {
  const opts = normaliseOptions(input, url ? { url } : {});
  const page = readPage(input, opts);
  const index = indexPage(page.document);
  const md = collectMetadata(index);
  const headline = extractHeadline(md, opts.url);
  const description = pageDescription(md, headline);
  const found = chooseAttempt(index, { headline, description }, rootFromArticleBody(index, md), page.deadline);
  if (!found) return [];
  const headlineEl = headlineElement(md.h1, headline);
  const container = articleContainer(found.roots, headlineEl);
  return regionBlocks(index, found, container, headlineEl).map(({ text, features, ruleKept }) => ({ text, features, ruleKept }));
}
