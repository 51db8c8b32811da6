/**
 * The last stage of the pipeline: the article's content nodes become
 * sanitised HTML, plain text and Markdown.
 *
 * One read-only, iterative walk over the caller's DOM builds a small clean
 * tree (`build.ts`); three iterative writers spell it (`html.ts`, `text.ts`,
 * `markdown.ts`). The policy tables live in `allowlist.ts`.
 *
 * @packageDocumentation
 */

import type { AnyNode } from 'domhandler';
import { buildTree } from './build.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { parseBaseUrl } from './urls.js';

/** Options of {@link serialiseBody}. */
export interface SerialiseOptions {
  /** Absolute page URL (or `<base href>` already resolved against it) for resolving links and images; `null` = leave relative URLs as they are. */
  baseUrl: string | null;
  /** Nodes to skip entirely (already judged boilerplate by the extractor). Optional. */
  skip?: ReadonlySet<AnyNode>;
}

/** The three serialisations of the article body. */
export interface SerialisedBody {
  /** Sanitised HTML built from an allowlist, one block per line. */
  html: string;
  /** Plain text: blocks separated by one blank line, list items and table rows' cells as documented in `text.ts`, captions excluded. */
  text: string;
  /** CommonMark (with GFM pipe tables) of the same content. */
  markdown: string;
}

/**
 * Serialises the article body.
 *
 * The input tree is only read, never modified. Entities are expected to be
 * decoded already (htmlparser2's and cheerio's default); text is escaped on
 * output.
 *
 * @param roots - the article's content nodes (usually one element, possibly several sibling blocks), in document order
 * @param options - base URL for resolving links and images, and nodes to leave out
 * @returns the body as HTML, text and Markdown; all three are empty strings when nothing survives
 */
export function serialiseBody(roots: readonly AnyNode[], options: SerialiseOptions): SerialisedBody {
  const tree = buildTree(roots, parseBaseUrl(options.baseUrl), options.skip);
  return { html: renderHtml(tree), text: renderText(tree), markdown: renderMarkdown(tree) };
}

export { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, IMAGE_SCHEMES, LINK_SCHEMES } from './allowlist.js';
