/**
 * The body stage's pattern tables: class/id vocabularies, role lists, tag
 * weights and thresholds. Heuristics live here as named, documented tables so
 * that a change to one is a change to one line, reviewed against `npm run eval`.
 *
 * Patterns are built from readable token lists by {@link tokenPattern}, which
 * matches whole class/id tokens (split at spaces, `-` and `_`) so that "ad" does
 * not fire inside "shadow" or "download".
 */
import type { BoilerplateKind } from '../types.js';

/** Builds a case-insensitive regex that matches any of `tokens` as a whole class/id token. */
export function tokenPattern(tokens: readonly string[]): RegExp {
  if (tokens.length === 0) throw new Error('tokenPattern: empty token list');
  const alt = tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // Bounded alternation between fixed delimiters: linear, no nested quantifiers.
  return new RegExp(`(?:^|[\\s_-])(?:${alt})(?=$|[\\s_-])`, 'i');
}

/**
 * One regex matching whatever any of `patterns` matches: a single scan that
 * answers the common question "does any vocabulary match at all?" before an
 * ordered loop decides which one.
 */
export function unionPattern(patterns: readonly RegExp[]): RegExp {
  if (patterns.length === 0) throw new Error('unionPattern: empty list');
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'i');
}

/** Builds a case-insensitive regex that matches any of `parts` anywhere (Readability-style substring hints). */
export function substringPattern(parts: readonly string[]): RegExp {
  if (parts.length === 0) throw new Error('substringPattern: empty list');
  return new RegExp(parts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

/**
 * Containers unlikely to hold the article (Readability `unlikelyCandidates`):
 * excluded from scoring on the first attempt of the retry ladder.
 */
export const UNLIKELY_CANDIDATE = substringPattern([
  '-ad-', 'ai2html', 'banner', 'breadcrumbs', 'combx', 'comment', 'community', 'cover-wrap', 'disqus',
  'extra', 'footer', 'gdpr', 'header', 'legends', 'menu', 'related', 'remark', 'replies', 'rss',
  'shoutbox', 'sidebar', 'skyscraper', 'social', 'sponsor', 'supplemental', 'ad-break', 'agegate',
  'pagination', 'pager', 'popup', 'yom-remote', 'newsletter', 'cookie', 'consent',
]);

/** Rescues an unlikely match that also names the content ("article-header" stays "unlikely"; "main-content" not). */
export const MAYBE_CANDIDATE = substringPattern(['and', 'article', 'body', 'column', 'content', 'main', 'shadow']);

/** Consent banners and privacy managers: never the article, in any attempt of the ladder. */
export const CONSENT_CLASS = tokenPattern([
  'cookie', 'cookies', 'cookiebanner', 'cookie-banner', 'cookie-consent', 'cookie-notice', 'consent', 'gdpr', 'cmp', 'cmplz',
  'onetrust', 'didomi', 'usercentrics', 'privacy-manager', 'sp_message_container', 'truste',
]);

/** ARIA roles of containers that are never the article. */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set([
  'menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search',
]);

/** Tags that are never the article and are excluded from scoring (like unlikely classes). */
export const UNLIKELY_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'menu']);

/** Class/id hints that raise a container's weight (Readability `positive`). */
export const POSITIVE_HINT = substringPattern([
  'article', 'body', 'content', 'entry', 'hentry', 'h-entry', 'main', 'page', 'post', 'text', 'blog', 'story',
]);

/** Class/id hints that lower a container's weight (Readability `negative`, plus a few). */
export const NEGATIVE_HINT = substringPattern([
  '-ad-', 'hidden', 'banner', 'combx', 'comment', 'com-', 'contact', 'footer', 'gdpr', 'masthead',
  'media', 'meta', 'outbrain', 'promo', 'related', 'scroll', 'share', 'shoutbox', 'sidebar', 'skyscraper',
  'sponsor', 'shopping', 'tags', 'widget', 'taboola', 'newsletter', 'teaser', 'recommend',
]);

/**
 * Names that platforms give the article body container (hNews, WordPress,
 * Drupal, Arc, schema.org microdata). Generic platform vocabulary, not any one
 * site's markup: a strong, but not decisive, signal.
 */
export const BODY_CONTAINER_HINT = substringPattern([
  'articlebody', 'article-body', 'article_body', 'article-content', 'article__content', 'article-text',
  'entry-content', 'post-content', 'post-body', 'post_content', 'story-body', 'story-content', 'storycontent',
  'field-body', 'field--name-body', 'body-text', 'article__body', 'content-body', 'main-content', 'single-content',
  'gh-content', 'rich-text', 'c-entry-content', 'article-main', 'articletext', 'texto', 'artikel',
]);

/** Score weights. */
export const WEIGHTS = {
  /** Added to or taken from a container's score per matching class or id hint. */
  classHint: 25,
  /** Extra weight of an element marked `itemprop="articleBody"` or with a body-container name. */
  bodyContainer: 30,
  /** Readability's base scores by tag, given when a container is first scored. */
  tagBase: {
    div: 5, article: 8, main: 5, section: 3, pre: 3, td: 3, blockquote: 3,
    address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
    h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
  } as Readonly<Record<string, number>>,
} as const;

/** Thresholds of the scoring and root choice. */
export const THRESHOLDS = {
  /** A text block shorter than this (chars) adds nothing to its ancestors' scores. */
  minBlockChars: 25,
  /** Ancestor levels a block's score reaches. */
  ancestorLevels: 5,
  /** Candidates kept for the common-ancestor test. */
  topCandidates: 5,
  /** Body shorter than this (chars) triggers the next attempt of the retry ladder. */
  retryChars: 500,
} as const;

/** Tags whose own text is scored as a paragraph (plus containers holding inline text directly). */
export const SCORABLE_TAGS: ReadonlySet<string> = new Set([
  'p', 'pre', 'td', 'blockquote', 'section', 'div', 'article', 'main', 'font', 'center', 'span', 'body',
  'h2', 'h3', 'h4', 'h5', 'h6', 'dd',
]);

/**
 * Share and like widgets removed on every attempt of the cleaner, class
 * weights on or off (Readability's `shareElements`, widened to the common
 * plugins). Narrower than the `share` vocabulary below: a "print" or
 * "follow" token alone does not name a widget when weights are off.
 */
export const SHARE_BAR_CLASS = tokenPattern(['share', 'sharing', 'sharedaddy', 'addtoany', 'shariff', 'jetpack-likes-widget-wrapper']);

/** Class/id tokens of the author box under a post (the author's photo and bio; theme and plugin names). */
const AUTHOR_BOX_TOKENS = [
  'author-box', 'author-bio', 'authorbox', 'post-author', 'about-author', 'about-the-author', 'author-info',
  'author-description', 'author-details', 'author-card', 'saboxplugin-wrap',
] as const;

/**
 * Class/id of an author box. Like a share bar, a short one is removed on every
 * attempt of the ladder, class weights on or off: a post short enough to fall
 * to the attempts without class names would otherwise take in the bio.
 */
export const AUTHOR_BOX_CLASS = tokenPattern(AUTHOR_BOX_TOKENS);

/**
 * Boilerplate vocabularies by kind, matched as whole class/id tokens; ordered
 * most specific first, because the first kind that matches names the block.
 */
export const BOILERPLATE_CLASS_TOKENS: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['cookie', tokenPattern(['cookie', 'cookies', 'cookie-banner', 'consent', 'gdpr', 'cmp', 'cmplz', 'onetrust'])],
  ['paywall', tokenPattern(['paywall', 'paywalled', 'piano', 'tp', 'meter', 'metered', 'regwall', 'subscriber', 'premium', 'upgrade'])],
  ['comments', tokenPattern(['comment', 'comments', 'commentlist', 'comment-list', 'disqus', 'respond', 'reply', 'replies', 'discussion', 'commentform', 'comment-respond', 'comments-area', 'comentarios', 'commentaires', 'kommentare', 'commenti', 'comentarios', 'reacties', 'leserkommentare'])],
  ['newsletter', tokenPattern(['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'sign-up', 'mc4wp', 'optin', 'tnp', 'mailchimp', 'mailing'])],
  ['share', tokenPattern(['share', 'shares', 'sharing', 'social', 'sharedaddy', 'addtoany', 'a2a', 'shariff', 'sociallinks', 'social-links', 'follow', 'print', 'email-share', 'compartir', 'partage', 'partager', 'teilen', 'condividi', 'compartilhar', 'delen'])],
  ['related', tokenPattern(['related', 'relatedposts', 'yarpp', 'recommended', 'recommendations', 'recommend', 'readmore', 'read-more', 'more-stories', 'also', 'outbrain', 'taboola', 'popular', 'most-read', 'mostread', 'trending', 'next-post', 'prev-post', 'post-navigation', 'nav-links', 'latest', 'teaser', 'teasers', 'more', 'zergnet', 'check-also-box', 'jp-relatedposts', 'more-articles'])],
  ['ad', tokenPattern(['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'ad-slot', 'adsbygoogle', 'dfp', 'gpt', 'rec', 'sponsor', 'sponsored', 'promo', 'promoted', 'banner', 'billboard', 'leaderboard', 'mpu', 'skyscraper', 'adspot', 'commercial', 'stream-item', 'native'])],
  ['navigation', tokenPattern(['nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'skip', 'toolbar'])],
  ['footer', tokenPattern(['footer', 'colophon', 'site-footer'])],
  ['other', tokenPattern(['sidebar', 'widget', ...AUTHOR_BOX_TOKENS, 'post-ratings', 'tags', 'tag-list', 'post-tags', 'source-tags', 'sr-only', 'visually-hidden', 'screen-reader-text', 'modal', 'popup', 'overlay'])],
];

/** Matches when any of {@link BOILERPLATE_CLASS_TOKENS} does (most class names match none). */
export const BOILERPLATE_CLASS_ANY = unionPattern(BOILERPLATE_CLASS_TOKENS.map(([, re]) => re));

/** Tags that are boilerplate by themselves wherever they appear inside the article region. */
export const BOILERPLATE_TAGS: Readonly<Record<string, BoilerplateKind>> = {
  nav: 'navigation',
  footer: 'footer',
  form: 'other',
  aside: 'other',
  menu: 'navigation',
};

/** ARIA roles that name a boilerplate kind. */
export const BOILERPLATE_ROLES: Readonly<Record<string, BoilerplateKind>> = {
  navigation: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  contentinfo: 'footer',
  complementary: 'related',
  banner: 'navigation',
  search: 'navigation',
  dialog: 'other',
  alertdialog: 'other',
};

/**
 * Page areas that hold boilerplate of several kinds: a sidebar (ads, a
 * "Latest Articles" list, social links) or a site header (logo, menus, an ad).
 * Their blocks are labelled one by one, and a block no rule names takes the
 * area's kind. An element holding the article's headline is never an area.
 */
export const AREA_TAGS: Readonly<Record<string, BoilerplateKind>> = {
  aside: 'other',
  header: 'navigation',
};

/** ARIA roles of page areas (see {@link AREA_TAGS}). */
export const AREA_ROLES: Readonly<Record<string, BoilerplateKind>> = {
  complementary: 'other',
  banner: 'navigation',
};

/** Class/id tokens of page areas (see {@link AREA_TAGS}), by the kind their unnamed blocks take. */
export const AREA_CLASS_TOKENS: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['other', tokenPattern(['sidebar', 'side-bar', 'sidebars', 'rail', 'right-rail', 'left-rail', 'widget-area', 'widgets', 'secondary-column'])],
  ['navigation', tokenPattern(['header', 'site-header', 'page-header', 'global-header', 'main-header', 'masthead', 'topbar', 'top-bar'])],
];

/** Matches when any of {@link AREA_CLASS_TOKENS} does. */
export const AREA_CLASS_ANY = unionPattern(AREA_CLASS_TOKENS.map(([, re]) => re));

/** A link list whose links average fewer characters than this is a menu; longer links are headlines of other articles. */
export const MENU_LINK_CHARS = 25;

/** Link targets of share buttons (Facebook's sharer, X/Twitter intents, WhatsApp, LinkedIn, e-mail...). */
export const SHARE_LINK = /facebook\.com\/(?:sharer|share|dialog\/share)|twitter\.com\/(?:intent|share)|x\.com\/intent|wa\.me\/|api\.whatsapp\.com\/send|^whatsapp:|linkedin\.com\/(?:share|sharing|shareArticle)|pinterest\.(?:com|[a-z]{2,3}(?:\.[a-z]{2})?)\/pin\/create|reddit\.com\/submit|t\.me\/share|telegram\.me\/share|^mailto:\?|tumblr\.com\/(?:share|widgets\/share)|vk\.com\/share|xing\.com\/spi\/shares|bsky\.app\/intent/i;

/**
 * Microdata properties of byline and date lines (schema.org's Article): an
 * element that carries one holds a field of the article, not body text.
 */
export const META_LINE_ITEMPROP = /^(?:datepublished|datemodified|datecreated|author|creator)$/i;

/**
 * The link type of a tag link (the rel-tag microformat, which WordPress's
 * `the_tags()` and most blog engines print): a block of such links is the
 * story's tag list.
 */
export const TAG_LINK_REL = /(?:^|\s)tag(?:\s|$)/i;

/**
 * Class/id of byline, date, kicker and title lines: fields of the article
 * (or of a teaser), never body text and never boilerplate.
 */
export const META_LINE_CLASS = /(?:^|[\s_-])(?:byline|by-line|author|authors|dateline|date|time|timestamp|published|updated|posted|meta|entry-meta|post-meta|article-meta|article-info|submitted|credits?|kicker|eyebrow|headline|title|print-title)(?=$|[\s_-])/i;
