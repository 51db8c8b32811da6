/**
 * The public shape of the Readability engine: what `extract`'s `fallback`
 * option accepts and what `copydesk/readability` exports. jsdom and
 * @mozilla/readability are described structurally (only the members copydesk
 * calls), so that these declarations compile without either package or its
 * types installed.
 *
 * @packageDocumentation
 */

/** What one Readability run found (Readability's `parse()` result, with `null` for every missing value). */
export interface ReadabilityRun {
  /** The article's HTML as Readability serialised it (unsanitised: copydesk sanitises it). */
  content: string;
  /** Readability's title. */
  title: string | null;
  /** Readability's byline. */
  byline: string | null;
  /** Readability's excerpt (the page description or the first paragraph). */
  excerpt: string | null;
  /** The site name. */
  siteName: string | null;
  /** The content language. */
  lang: string | null;
  /** The publication time as the page gives it. */
  publishedTime: string | null;
}

/**
 * Readability on jsdom, ready to run. Obtain one with
 * `import { readability } from 'copydesk/readability'`, or let `extract`
 * load one with `{ fallback: 'readability' }`.
 */
export interface ReadabilityEngine {
  /** Which engine this is (the value `Article.engine` takes when its body wins). */
  readonly name: 'readability';
  /**
   * Loads jsdom and @mozilla/readability if they are not loaded yet.
   * @throws {@link MissingPeerDependencyError} when either package is not installed.
   */
  load(): void;
  /**
   * Runs Readability on a page (scripts and subresources off, a silent
   * virtual console, Readability stopping past `maxNodes` elements).
   *
   * @param html - The page, already decoded.
   * @param url - The page URL (links are resolved against it and `<base href>`), or null.
   * @param options - `maxNodes`: most elements Readability parses (default: `DEFAULT_LIMITS.maxNodes`).
   * @returns Readability's result, or null when it found no article.
   * @throws Whatever jsdom or Readability throw (jsdom's CSS parser throws on some
   *   real pages); `extract` turns that into copydesk's own result.
   */
  run(html: string, url: string | null, options?: ReadabilityRunOptions): ReadabilityRun | null;
}

/** Options of {@link ReadabilityEngine.run}. */
export interface ReadabilityRunOptions {
  /** Most elements Readability parses; beyond them it throws. */
  maxNodes?: number;
}

/** The members of jsdom's module that copydesk uses. */
export interface JsdomModule {
  JSDOM: new (html: string, options: JsdomOptions) => { window: { document: unknown; close(): void } };
  VirtualConsole: new () => { on(event: string, listener: (...args: unknown[]) => void): unknown };
}

/** The jsdom options copydesk passes. */
export interface JsdomOptions {
  url?: string;
  contentType?: string;
  virtualConsole: unknown;
}

/** The members of @mozilla/readability's module that copydesk uses. */
export interface ReadabilityModule {
  Readability: new (document: never, options?: ReadabilityOptions) => { parse(): ReadabilityParseResult | null };
}

/** The Readability options copydesk passes. */
export interface ReadabilityOptions {
  maxElemsToParse?: number;
  charThreshold?: number;
}

/** Readability's `parse()` result, as far as copydesk reads it. */
export interface ReadabilityParseResult {
  title?: string | null;
  content?: string | null;
  textContent?: string | null;
  excerpt?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

/** Both packages, loaded. */
export interface ReadabilityLibraries {
  jsdom: JsdomModule;
  readability: ReadabilityModule;
}
