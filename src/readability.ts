/**
 * `copydesk/readability`: Readability on jsdom, for Node.
 *
 * - `readability` is the engine to pass as `extract(html, { fallback: readability })`;
 *   it loads jsdom and @mozilla/readability (optional peer dependencies) on first
 *   use, with `module.createRequire`, so it works on every Node copydesk supports.
 * - `extract` runs Readability alone and returns copydesk's `Article`: a drop-in
 *   for code that calls `new Readability(new JSDOM(html).window.document).parse()`.
 *
 * Importing this module never fails for want of the packages: using them does,
 * with a {@link MissingPeerDependencyError} naming what to install.
 *
 * @packageDocumentation
 */
import { createRequire } from 'node:module';
import { loadReadabilityLibraries } from './engines/readability/load.js';
import { createReadabilityEngine } from './engines/readability/run.js';
import { extractWithReadability, type ReadabilityExtractOptions } from './engines/readability/article.js';
import type { ReadabilityEngine } from './engines/readability/types.js';
import type { Article } from './types.js';

/** Where this module lives: its URL (ES module) or file name (CommonJS build, where esbuild leaves `import.meta` empty). */
function here(): string {
  const url = (import.meta as { url?: unknown }).url;
  return typeof url === 'string' ? url : __filename;
}

/** Readability on jsdom, loaded on first use. Pass it as `extract(html, { fallback: readability })`. */
export const readability: ReadabilityEngine = createReadabilityEngine(() => loadReadabilityLibraries(createRequire(here())));

/**
 * Runs Readability on a page (scripts and subresources off, a silent virtual
 * console, copydesk's limits) and returns copydesk's `Article`: the body is
 * Readability's, sanitised and serialised by copydesk (`html`, `text`,
 * `markdown`); `headline`, `byline` (cleaned, and split into `authors`),
 * `dek` (Readability's excerpt), `dateline.published`, `source.publisher` and
 * `language` are Readability's;
 * `engine` is `'readability'`. Pages Readability finds no article in give an
 * empty body; pages jsdom or Readability throw on give copydesk's own article
 * (`engine: 'copydesk'`).
 *
 * @param input - The page as HTML text or bytes (decoded as copydesk's `extract` decodes them).
 * @param options - The page's URL (for links and images) and Content-Type.
 * @throws {@link MissingPeerDependencyError} when jsdom or @mozilla/readability is not installed.
 * @throws {@link InvalidArgumentError} for arguments of the wrong type.
 */
export function extract(input: string | Uint8Array, options?: ReadabilityExtractOptions): Article {
  return extractWithReadability(readability, input, options);
}

export type { ReadabilityEngine, ReadabilityRun, ReadabilityRunOptions } from './engines/readability/types.js';
export type { ReadabilityExtractOptions } from './engines/readability/article.js';
export { READABILITY_LIMITS } from './engines/readability/limits.js';
export { CopydeskError, FallbackUnavailableError, InvalidArgumentError, MissingPeerDependencyError } from './errors.js';
