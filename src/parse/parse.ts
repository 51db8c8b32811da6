/**
 * Stage 2: text to tree. htmlparser2's tokenizer (cheerio's fast parser)
 * feeds copydesk's linear tree builder (`builder.ts`), which builds the
 * domhandler document htmlparser2's `parseDocument` would, within the limits.
 * It is not a spec tree builder (no adoption agency, no implied tbody), which
 * the later stages tolerate; in exchange it parses several times faster than
 * parse5.
 */
import type { Document } from 'domhandler';
import { copyTree } from './adopt.js';
import { buildTree, type BuildResult } from './builder.js';
import { showContentFallbacks } from './noscript.js';

export type { BuildResult } from './builder.js';

/** What parsing may spend. */
export interface ParseLimits {
  maxNodes: number;
  maxDepth: number;
  /** Clock reading after which parsing stops (`Infinity` for none). */
  deadline: number;
  now: () => number;
}

/**
 * Parses HTML into a domhandler document, as a browser with scripting off
 * shows it (`noscript.ts`). Never throws: any string yields a tree.
 */
export function parseHtml(html: string, limits: ParseLimits): BuildResult {
  const built = buildTree(html, limits);
  showContentFallbacks(built.noscripts);
  return built;
}

/**
 * Reads a document the caller parsed already (cheerio's, htmlparser2's):
 * copies it into copydesk's own tree within the limits (`adopt.ts`), never
 * changing it, then shows noscript fallbacks as `parseHtml` does.
 */
export function adoptDocument(root: Document, limits: ParseLimits): BuildResult {
  const copied = copyTree(root, limits);
  showContentFallbacks(copied.noscripts);
  return copied;
}
