/**
 * Runs Readability on jsdom. Browser-safe code: the two packages are handed
 * in by a loader (see `load.ts`), never imported here, so that the core
 * bundle holds no reference a bundler would follow.
 */
import { DEFAULT_LIMITS } from '../../limits.js';
import { maxElements } from './limits.js';
import type { ReadabilityEngine, ReadabilityLibraries, ReadabilityParseResult, ReadabilityRun, ReadabilityRunOptions } from './types.js';

/**
 * Readability's own minimum (characters) for an article: below it, it retries
 * with looser rules and finally returns its longest attempt. Its default.
 */
const CHAR_THRESHOLD = 500;

const orNull = (v: string | null | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The page URL as jsdom accepts it: an absolute http(s) URL, else none (jsdom then uses about:blank). */
function jsdomUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Readability's result with every missing value as null; null when there is no content. */
function toRun(r: ReadabilityParseResult | null): ReadabilityRun | null {
  if (!r || typeof r.content !== 'string' || r.content.trim() === '') return null;
  return {
    content: r.content,
    title: orNull(r.title),
    byline: orNull(r.byline),
    excerpt: orNull(r.excerpt),
    siteName: orNull(r.siteName),
    lang: orNull(r.lang),
    publishedTime: orNull(r.publishedTime),
  };
}

/**
 * Creates the engine over a loader of the two packages. The loader is called
 * on every run (module loaders cache, so this costs a lookup); it throws a
 * {@link MissingPeerDependencyError} when a package is missing.
 */
export function createReadabilityEngine(loadLibraries: () => ReadabilityLibraries): ReadabilityEngine {
  return Object.freeze({
    name: 'readability' as const,
    load(): void {
      loadLibraries();
    },
    run(html: string, url: string | null, options?: ReadabilityRunOptions): ReadabilityRun | null {
      const { jsdom, readability } = loadLibraries();
      // A silent console: jsdom reports every stylesheet it cannot parse through it.
      const virtualConsole = new jsdom.VirtualConsole();
      virtualConsole.on('jsdomError', () => {});
      // No runScripts and no resources option: jsdom then runs no script and fetches nothing.
      const pageUrl = jsdomUrl(url);
      const dom = new jsdom.JSDOM(html, { ...(pageUrl ? { url: pageUrl } : {}), contentType: 'text/html', virtualConsole });
      try {
        const reader = new readability.Readability(dom.window.document as never, {
          maxElemsToParse: maxElements({ maxNodes: options?.maxNodes ?? DEFAULT_LIMITS.maxNodes }),
          charThreshold: CHAR_THRESHOLD,
        });
        return toRun(reader.parse());
      } finally {
        dom.window.close();
      }
    },
  });
}
