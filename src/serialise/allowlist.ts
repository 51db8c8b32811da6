/**
 * The tables that drive serialisation: which elements survive, which are
 * unwrapped, which are dropped with their content, which attributes are kept,
 * which URL schemes are safe and how lazy-loaded images are recognised.
 *
 * Everything the serialiser decides by tag name comes from here, so the policy
 * can be read (and tested) in one place.
 *
 * @packageDocumentation
 */

/**
 * Block-level elements that may appear in the sanitised HTML. `h1` is not in
 * the list: the page's own headline is an `h1`, so an `h1` inside the body is
 * demoted to `h2` (see {@link TAG_ALIASES}).
 */
export const ALLOWED_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'hr',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption',
]);

/** Inline elements that may appear in the sanitised HTML. */
export const ALLOWED_INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small',
  'abbr', 'q', 'cite', 'time', 'code', 'br', 'img',
]);

/** Every element the sanitised HTML may contain. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([...ALLOWED_BLOCK_TAGS, ...ALLOWED_INLINE_TAGS]);

/**
 * Attributes kept per output element. Anything else (`class`, `id`, `style`,
 * `on*`, `data-*`, `srcset`, ...) is dropped. URL-valued attributes are listed
 * in {@link URL_ATTRIBUTES} and are additionally checked against the scheme lists.
 */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  time: ['datetime'],
  abbr: ['title'],
};

/** Output attributes whose value is a URL (checked against the scheme lists). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);

/** Schemes a link (`a[href]`) may use; relative links are resolved against the base URL first. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/** Schemes an image (`img[src]`) may use; `data:` is further restricted by {@link DATA_IMAGE_PATTERN}. */
export const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'data']);

/**
 * The only `data:` URIs allowed as image sources: base64 raster images.
 * (`data:image/svg+xml` can carry script, `data:text/html` is a document.)
 */
export const DATA_IMAGE_PATTERN = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/]*={0,2}$/i;

/**
 * Elements dropped together with everything inside them: scripts and styles,
 * embedded documents and plug-ins, forms and their controls, vector/math markup
 * (which has its own script and link semantics), media players (a body without
 * a player is better than a body with a dead one), document metadata and
 * navigation, and ruby annotations (`rt`, `rtc`, `rp`: a reading aid, which
 * would split every annotated word in the text; the base text stays).
 * `noscript` is in the list but gets one exception: images inside it
 * are used as fallbacks for lazy-loaded images (see `images.ts`).
 *
 * `aside` is deliberately *not* here: deciding whether an aside is boilerplate
 * is the extractor's job; if it reaches the serialiser it is content.
 */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'slot',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'keygen',
  'output', 'progress', 'meter',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area',
  'link', 'meta', 'base', 'basefont', 'bgsound', 'head', 'title', 'nav', 'dialog', 'menuitem',
  'rp', 'rt', 'rtc', 'xml',
]);

/**
 * Layout containers that are unwrapped (children kept) and act as paragraph
 * boundaries: the text before, inside and after one of them ends up in separate
 * paragraphs, so words on either side are never glued together.
 */
export const UNWRAPPED_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center',
  'address', 'hgroup', 'details', 'summary', 'fieldset', 'legend', 'search', 'multicol',
  'noframes', 'marquee',
]);

/**
 * Inline wrappers that are unwrapped without creating a boundary (their text
 * flows into the surrounding paragraph).
 */
export const UNWRAPPED_INLINE_TAGS: ReadonlySet<string> = new Set([
  'span', 'font', 'bdi', 'bdo', 'data', 'nobr', 'ins', 'del', 'var', 'dfn', 'big', 'blink',
  'ruby', 'rb', 'picture', 'wbr', 'label',
]);

/**
 * Elements serialised as another allowed element: `h1` is demoted (the page
 * headline is the `h1`), obsolete or near-synonymous tags map onto allowed ones.
 */
export const TAG_ALIASES: Readonly<Record<string, string>> = {
  h1: 'h2',
  strike: 's',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
  acronym: 'abbr',
  listing: 'pre',
  xmp: 'pre',
  plaintext: 'pre',
  dir: 'ul',
  menu: 'ul',
  'amp-img': 'img',
};

/** Inline elements without attributes: adjacent siblings of the same tag are merged (`<em>a</em><em>b</em>` is one emphasis). */
export const MERGEABLE_INLINE_TAGS: ReadonlySet<string> = new Set([
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'cite', 'code',
]);

/**
 * Attributes that may hold the real image URL of a lazy-loaded image, in order
 * of preference. Used when `src` is missing or a placeholder. Attributes whose
 * value is a `srcset` (comma-separated candidates with `w`/`x` descriptors) are
 * listed in {@link SRCSET_ATTRIBUTES}.
 */
export const LAZY_IMAGE_ATTRIBUTES: readonly string[] = [
  'data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-srcset', 'srcset',
];

/** Image attributes whose value uses `srcset` syntax. */
export const SRCSET_ATTRIBUTES: ReadonlySet<string> = new Set(['srcset', 'data-srcset']);

/**
 * File names that mark an image `src` as a placeholder shown until a
 * lazy-loading script swaps in the real image, matched case-insensitively
 * against the last path segment: the words blank, spacer, lazy(load),
 * placeholder, loading, loader as whole words (`blank.gif`, `img-placeholder.png`,
 * but not `blanket.jpg` or `uploading.jpg`), and a few classic spacer names.
 * Any `data:` URI is also treated as a placeholder when a lazy-load attribute
 * offers a real URL.
 */
export const PLACEHOLDER_PATTERN =
  /(?:^|[^a-z])(?:blank|spacer|lazy(?:load(?:ing|er)?)?|placeholder|loading|loader)(?![a-z])|^(?:transparent|pixel|1x1|empty|clear|trans|grey|gray)\.(?:gif|png|svg|webp)$/i;

/** Class names that mark a caption (or photo credit) inside a `figure`. */
export const CAPTION_CLASS_PATTERN = /caption|credit/i;

/**
 * Maximum nesting of output block containers (lists, quotes, tables, ...).
 * Deeper containers are unwrapped: it keeps the Markdown prefixes (`> > > -`)
 * and every later stage linear on adversarial input.
 */
export const MAX_BLOCK_DEPTH = 48;

/** Maximum nesting of inline formatting elements; deeper ones are unwrapped. */
export const MAX_INLINE_DEPTH = 24;
