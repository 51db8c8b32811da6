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
/** A realistic article page with `payload` in one of three places. */
export declare function articlePage(payload: string, place: 'block' | 'inline' | 'nested'): string;
