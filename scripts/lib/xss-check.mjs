// What in copydesk's output could run script once inserted into a page.
//
// Written independently of the serialiser: the HTML is parsed the way a
// browser parses it (parse5, the spec's tree builder, through jsdom), checked,
// serialised again and re-parsed (mutation XSS: markup that changes meaning
// on a second parse), and checked again. The policy is an allowlist — the
// elements and attributes copydesk documents for body.html — so anything new
// counts as a problem until it is reviewed, not only the vectors known today.

/** Elements body.html may contain (README: "an allowlist of elements and attributes"). */
export const SAFE_ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'mark',
  'small',
  'abbr',
  'q',
  'cite',
  'time',
  'code',
  'br',
  'img',
]);

/** Attributes body.html may contain, per element. */
export const SAFE_ATTRIBUTES = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  time: ['datetime'],
  abbr: ['title'],
};

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// Characters a browser (or an old one) skips inside a URL scheme.
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u009f]/g;
const SAFE_HREF = /^(?:https?:|mailto:|tel:)/;
const SAFE_SRC = /^(?:https?:|data:image\/(?:png|gif|jpeg|webp);base64,)/;
const HAS_SCHEME = /^[^/?#]*:/;

function urlProblem(element, name, value) {
  const probe = value.replace(IGNORED_IN_URL, '').toLowerCase();
  if (!HAS_SCHEME.test(probe)) return null;
  const safe = name === 'href' ? SAFE_HREF : SAFE_SRC;
  return safe.test(probe) ? null : `unsafe URL ${element}[${name}]="${value.slice(0, 80)}"`;
}

function treeProblems(root, NodeFilter) {
  const problems = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 1) {
      problems.push(`${node.nodeType === 8 ? 'comment' : 'processing instruction'} node`);
      continue;
    }
    const name = node.localName;
    if (node.namespaceURI !== HTML_NS) problems.push(`foreign element <${name}> (${node.namespaceURI})`);
    else if (!SAFE_ELEMENTS.has(name)) problems.push(`element <${name}>`);
    const allowed = SAFE_ATTRIBUTES[name] ?? [];
    for (const attr of node.attributes) {
      if (!allowed.includes(attr.name) || attr.namespaceURI) problems.push(`attribute ${name}[${attr.name}]`);
      if (attr.name === 'href' || attr.name === 'src') {
        const p = urlProblem(name, attr.name, attr.value);
        if (p) problems.push(p);
      }
    }
  }
  return problems;
}

/**
 * Problems in an HTML fragment that could let it run script when inserted
 * into a page: elements or attributes outside the allowlist, foreign (SVG,
 * MathML) content, unsafe URL schemes, comments; checked on the parsed
 * fragment and again after a serialise/re-parse round trip.
 *
 * @param {string} html
 * @param {{ JSDOM: typeof import('jsdom').JSDOM }} deps
 * @returns {string[]}
 */
export function htmlScriptRisks(html, { JSDOM }) {
  const { window } = new JSDOM('<!DOCTYPE html><body></body>');
  try {
    const first = window.document.createElement('template');
    first.innerHTML = html;
    const problems = treeProblems(first.content, window.NodeFilter);
    const second = window.document.createElement('template');
    second.innerHTML = first.innerHTML;
    for (const p of treeProblems(second.content, window.NodeFilter)) if (!problems.includes(p)) problems.push(`after re-parse: ${p}`);
    return problems;
  } finally {
    window.close();
  }
}

// Markdown: link and image destinations, and raw HTML a renderer would pass through.
const MD_DESTINATION = /(?<!\\)\]\(\s*<?([^)\s>]*)/g;
const MD_RAW_TAG = /(?<!\\)<(?!https?:\/\/|mailto:)[a-z!?/]/i;

/**
 * Markdown without its code: fenced blocks and inline code spans are shown
 * literally by every renderer, so markup inside them is text.
 */
function withoutCode(markdown) {
  const out = [];
  let fence = null;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) fence = m[1];
    else if (fence !== null && m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    else if (fence === null) out.push(line);
  }
  // Inline code: a run of backticks up to the next run of the same length.
  return out.join('\n').replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*\1/g, ' ');
}

/**
 * Problems in Markdown that a renderer would turn into runnable script:
 * link or image destinations with an unsafe scheme, raw HTML tags.
 *
 * @param {string} markdown
 * @returns {string[]}
 */
export function markdownScriptRisks(markdown) {
  const problems = [];
  for (const m of markdown.matchAll(MD_DESTINATION)) {
    const probe = (m[1] ?? '').replace(IGNORED_IN_URL, '').toLowerCase();
    if (HAS_SCHEME.test(probe) && !SAFE_HREF.test(probe) && !SAFE_SRC.test(probe)) problems.push(`unsafe Markdown destination "${m[1].slice(0, 80)}"`);
  }
  const prose = withoutCode(markdown);
  const raw = MD_RAW_TAG.exec(prose);
  if (raw) problems.push(`raw HTML in Markdown near "${prose.slice(Math.max(0, raw.index - 20), raw.index + 40)}"`);
  return problems;
}

// ---------------------------------------------------------------------------
// The page the payloads are put into.

export const PAGE_URL = 'https://www.riverton-courier.example/city/2024/05/14/council-budget-vote/';
export const SENTINEL_FIRST = 'Riverton city council approved a budget of 48 million dollars on Tuesday evening, after a debate that ran past midnight.';
export const SENTINEL_LAST = 'The budget takes effect on the first of July, and the first quarterly review is due in October.';

const HEADLINE = 'Council approves city budget after late-night debate';

/** `text` as HTML text or a quoted attribute value. */
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A realistic article page with `payload` in one of four places: as a block
 * between paragraphs, inside a paragraph, in a nested wrapper after the last
 * paragraph, or in the headline (as text in the h1, title and og:title: the
 * headline is then the payload itself, markup characters and all).
 *
 * @param {string} payload
 * @param {'block' | 'inline' | 'nested' | 'headline'} place
 */
export function articlePage(payload, place) {
  const headline = place === 'headline' ? escapeHtml(`${HEADLINE} ${payload}`) : HEADLINE;
  const paras = [
    SENTINEL_FIRST,
    'The vote was seven to four. Council members who opposed it said the plan spent too little on road repairs, which residents have complained about for years.',
    'Mayor Dana Whitfield said the budget keeps the library branches open on Sundays, adds two bus routes and hires twelve more paramedics for the fire department.',
    'Property taxes will rise by 1.5 percent, the first increase since 2019. The city manager said higher costs for fuel, insurance and wages left no other choice.',
    SENTINEL_LAST,
  ];
  const p = (text, i) => (place === 'inline' && i === 2 ? `<p>${text.slice(0, 60)} ${payload} ${text.slice(60)}</p>` : `<p>${text}</p>`);
  const body = paras.map((t, i) => p(t, i) + (place === 'block' && i === 1 ? `\n${payload}\n` : '')).join('\n');
  const after = place === 'nested' ? `\n<div class="article-extra"><div class="inner">${payload}</div></div>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${headline} | Riverton Courier</title>
<meta property="og:title" content="${headline}">
<link rel="canonical" href="${PAGE_URL}">
</head><body>
<header class="site-header"><a href="/">Riverton Courier</a><nav><ul><li><a href="/city/">City</a></li><li><a href="/sports/">Sports</a></li></ul></nav></header>
<main><article class="story">
<h1>${headline}</h1>
<div class="byline">By Sam Ortega · May 14, 2024</div>
<div class="story-body">
${body}${after}
</div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/city/1">Bus routes to change in June</a></li></ul></aside>
</main>
<footer><p>© 2024 Riverton Courier</p></footer>
</body></html>`;
}

export const PLACES = ['block', 'inline', 'nested'];
/** Where a payload can reach what `copydesk extract --format markdown` prints: the body, and the headline. */
export const MARKDOWN_PLACES = [...PLACES, 'headline'];

// ---------------------------------------------------------------------------
// Markdown rendered to HTML: what marked and markdown-it make of copydesk's Markdown.

/**
 * Elements the Markdown renderers produce from Markdown syntax alone. Anything
 * else in their output is raw HTML passed through from the Markdown, which
 * copydesk's escaping must never let happen.
 */
export const MARKDOWN_ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'del',
  's',
  'input', // marked's GFM task-list checkbox (`- [ ] x`), checked below to be exactly that
]);
/** Attributes that hold a URL a browser would load or follow. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset']);
/** Attributes the renderers write from Markdown syntax. */
const MARKDOWN_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'start', 'align', 'style', 'class', 'disabled', 'type', 'checked']);

function renderedProblems(root, NodeFilter, renderer) {
  const problems = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 8) {
      problems.push(`${renderer}: comment node (raw HTML)`);
      continue;
    }
    const name = node.localName;
    if (node.namespaceURI !== HTML_NS || !MARKDOWN_ELEMENTS.has(name)) problems.push(`${renderer}: element <${name}> (raw HTML passed through)`);
    if (name === 'input' && node.getAttribute('type') !== 'checkbox') problems.push(`${renderer}: <input type="${node.getAttribute('type')}">`);
    for (const attr of node.attributes) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) problems.push(`${renderer}: event handler ${name}[${attr.name}]`);
      else if (attrName === 'srcdoc') problems.push(`${renderer}: ${name}[srcdoc]`);
      else if (!MARKDOWN_ATTRIBUTES.has(attrName)) problems.push(`${renderer}: attribute ${name}[${attr.name}]`);
      if (URL_ATTRIBUTES.has(attrName)) {
        const p = urlProblem(name, attrName === 'src' || attrName === 'srcset' ? 'src' : 'href', attr.value);
        if (p) problems.push(`${renderer}: ${p}`);
      }
      if (attrName === 'style' && /url\s*\(|expression\s*\(/i.test(attr.value)) problems.push(`${renderer}: ${name}[style]="${attr.value.slice(0, 80)}"`);
    }
  }
  return problems;
}

/**
 * A checker of Markdown as it renders to HTML: the Markdown goes through
 * marked (which passes raw HTML through), markdown-it with its defaults, and
 * markdown-it with `html: true`; each output is parsed as a browser parses it
 * and checked for script elements, event handlers, dangerous URLs and any
 * raw HTML at all. One jsdom window serves every call; `close()` ends it.
 *
 * @param {{ JSDOM: typeof import('jsdom').JSDOM, marked: typeof import('marked').marked, MarkdownIt: typeof import('markdown-it').default }} deps
 */
export function markdownRenderChecker({ JSDOM, marked, MarkdownIt }) {
  const { window } = new JSDOM('<!DOCTYPE html><body></body>');
  const commonmark = new MarkdownIt();
  const withHtml = new MarkdownIt({ html: true });
  const renderers = [
    ['marked', (md) => marked.parse(md, { async: false })],
    ['markdown-it', (md) => commonmark.render(md)],
    ['markdown-it html', (md) => withHtml.render(md)],
  ];
  return {
    /** Problems in what the three renderers make of `markdown`; each names its renderer. */
    risks(markdown) {
      const problems = [];
      for (const [name, render] of renderers) {
        const template = window.document.createElement('template');
        template.innerHTML = render(markdown);
        problems.push(...renderedProblems(template.content, window.NodeFilter, name));
      }
      return problems;
    },
    close() {
      window.close();
    },
  };
}
