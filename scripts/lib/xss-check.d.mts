/** Elements body.html may contain. */
export declare const SAFE_ELEMENTS: ReadonlySet<string>;
/** Attributes body.html may contain, per element. */
export declare const SAFE_ATTRIBUTES: Readonly<Record<string, readonly string[]>>;
/** Problems in an HTML fragment that could let it run script (see xss-check.mjs). */
export declare function htmlScriptRisks(html: string, deps: { JSDOM: typeof import('jsdom').JSDOM }): string[];
/** Problems in Markdown that a renderer would turn into runnable script. */
export declare function markdownScriptRisks(markdown: string): string[];
/** The page URL `articlePage` is extracted with. */
export declare const PAGE_URL: string;
/** The first and last paragraphs of `articlePage`: both in body.text means the payload sat inside the article. */
export declare const SENTINEL_FIRST: string;
export declare const SENTINEL_LAST: string;
/** Where `articlePage` puts the payload. */
export declare const PLACES: readonly ['block', 'inline', 'nested'];
/** Where `articlePage` can also put the payload: the body places and the headline. */
export declare const MARKDOWN_PLACES: readonly ['block', 'inline', 'nested', 'headline'];
/** A realistic article page with `payload` in one of four places. */
export declare function articlePage(payload: string, place: 'block' | 'inline' | 'nested' | 'headline'): string;
/** Elements the Markdown renderers produce from Markdown syntax alone. */
export declare const MARKDOWN_ELEMENTS: ReadonlySet<string>;
/** Checks Markdown rendered by marked and markdown-it (default and `html: true`); see xss-check.mjs. */
export declare function markdownRenderChecker(deps: {
  JSDOM: typeof import('jsdom').JSDOM;
  marked: typeof import('marked').marked;
  MarkdownIt: typeof import('markdown-it').default;
}): { risks(markdown: string): string[]; close(): void };
