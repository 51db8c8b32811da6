/**
 * The last stage of the pipeline: the article's content nodes become
 * sanitised HTML, plain text and Markdown.
 *
 * One read-only, iterative walk over the caller's DOM builds a small clean
 * tree (`build.ts`, `ir.ts`); three iterative writers spell it (`html.ts`,
 * `text.ts`, `markdown.ts`). The policy tables live in `allowlist.ts`, URL
 * checks in `urls.ts`, image source selection in `images.ts`. Nothing
 * recurses, so arbitrarily deep input is fine.
 *
 * Choices made here (where the contract left one):
 * - Headings: `h1` becomes `h2`; `h2`–`h6` keep their level.
 * - HTML: a list item, cell, dt/dd, caption or figure holding a single run of
 *   inline content writes it bare (`<li>text</li>`); several runs become `<p>`s.
 *   Layout tables (one cell, a table nested in a cell, `role=presentation`) are
 *   unwrapped. Orphan `li`/`dt`/`dd` get an implicit list; stray text in a list
 *   or table gets an implicit item or cell. Caption- and credit-classed elements
 *   of a figure are merged into its single `figcaption`.
 * - Text: blocks are separated by one blank line; list items (and blocks
 *   inside a list) by one newline, without markers or indentation; cells of a
 *   row by `" | "` (empty cells left out), each row a block; captions left out;
 *   `q` in straight double quotes; `pre` verbatim (see `text.ts`).
 * - Markdown: `-` bullets and `1.` numbers (`*` / `1)` for a list that directly
 *   follows one of the same kind, so the two do not merge); tight lists; GFM
 *   pipe tables with an empty header row when the table has none; emphasis
 *   that CommonMark would misread next to punctuation is left out (its text
 *   stays); links and images inside `code`/`pre` are flattened to their text.
 *
 * @packageDocumentation
 */

import type { Deadline } from '../limits.js';
import type { AnyNode, Element } from 'domhandler';
import type { ResolvedImage } from './images.js';
import { buildIR } from './build.js';
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
  /**
   * Elements to write as `<figure>`s although they are not figures: boxes that
   * hold an image and its caption (`div.wp-caption`). Their caption- and
   * credit-classed children become the figure's caption. Optional.
   */
  figures?: ReadonlySet<AnyNode>;
  /** Image sources already resolved against `baseUrl`, by element; filled as images are resolved. Optional. */
  imageCache?: Map<Element, ResolvedImage | null>;
  /** The call's time budget: past it the walk stops and the body ends with what was written. Optional (no limit). */
  budget?: Deadline;
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
  const tree = buildIR(roots, parseBaseUrl(options.baseUrl), options.skip, {
    figures: options.figures,
    imageCache: options.imageCache,
    budget: options.budget,
  });
  return { html: renderHtml(tree), text: renderText(tree), markdown: renderMarkdown(tree) };
}

export { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, IMAGE_SCHEMES, LINK_SCHEMES } from './allowlist.js';
