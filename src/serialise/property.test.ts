import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlProblems, serialise } from './test-helpers.js';

const TAGS = [
  'p',
  'div',
  'span',
  'section',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'q',
  'code',
  'sub',
  'sup',
  'mark',
  'small',
  'abbr',
  'time',
  'cite',
  'font',
  'center',
  'h1',
  'h2',
  'h3',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'img',
  'br',
  'hr',
  'picture',
  'source',
  'script',
  'style',
  'noscript',
  'iframe',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'object',
  'embed',
  'video',
  'nav',
  'aside',
  'article',
  'header',
  'title',
  'meta',
  'base',
  'x-widget',
  'amp-img',
  'label',
  'xmp',
  'tt',
  'strike',
  'main',
] as const;

const ATTRS = [
  'href',
  'src',
  'class',
  'id',
  'style',
  'onclick',
  'onerror',
  'title',
  'alt',
  'width',
  'height',
  'colspan',
  'rowspan',
  'start',
  'datetime',
  'data-src',
  'data-lazy-src',
  'srcset',
  'data-srcset',
  'role',
  'xlink:href',
  'srcdoc',
  'action',
] as const;

const ATTR_VALUES = [
  'javascript:alert(1)',
  'JaVaScRiPt:x',
  ' java\tscript:x',
  '&#106;avascript:x',
  'java&#x0A;script:x',
  'vbscript:x',
  'data:text/html,<script>x</script>',
  'data:image/png;base64,AAAA',
  'data:image/gif;base64,R0lG',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'https://x.test/a b',
  '/rel?a=1&b=2',
  '#',
  '',
  '1',
  '0',
  '2',
  'caption',
  'wp-caption credit',
  'presentation',
  'x.jpg 100w, y.jpg 200w',
  'blank.gif',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  'mailto:a@b.test',
];

const textChar = fc.constantFrom(
  'a',
  'b',
  'c',
  ' ',
  ' ',
  '\n',
  '\t',
  '\r',
  '<',
  '>',
  '&',
  '"',
  "'",
  '*',
  '_',
  '#',
  '-',
  '+',
  '=',
  '1',
  '.',
  ')',
  '`',
  '|',
  '[',
  ']',
  '\\',
  '\u00a0',
  '\u0000',
  '&amp;',
  '&lt;',
  '&nbsp;',
  '&#106;',
  'word ',
  ' x y ',
  '<br>',
  '<!--c-->',
  '</p>',
  '<p>',
);
const text = fc.array(textChar, { maxLength: 12 }).map((chars) => chars.join(''));

const attrValue = fc.oneof(fc.constantFrom(...ATTR_VALUES), fc.string({ maxLength: 8 }));
const attribute = fc
  .tuple(fc.constantFrom(...ATTRS), attrValue, fc.boolean())
  .map(([name, value, quoted]) => (quoted ? ` ${name}="${value.replace(/"/g, '&quot;')}"` : ` ${name}=${value.replace(/[\s>]/g, '')}`));

const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attribute, { maxLength: 3 }),
      kids: fc.array(tie('node'), { maxLength: 4 }),
      close: fc.nat(9),
    })
    .map(({ tag, attrs, kids, close }) => `<${tag}${attrs.join('')}>${kids.join('')}${close === 0 ? '' : `</${tag}>`}`),
}));

const page = fc.array(node, { minLength: 1, maxLength: 5 }).map((nodes) => nodes.join(''));

/** Elements whose content keeps its whitespace in the text output. */
const PRE_LIKE = /<(?:pre|xmp|listing|plaintext)\b/i;

function check(input: string, baseUrl: string | null): void {
  const out = serialise(input, { baseUrl });
  expect(htmlProblems(out.html)).toEqual([]);
  expect(out.text).toBe(out.text.trim());
  expect(out.markdown).toBe(out.markdown.trimEnd());
  expect(out.html).not.toMatch(/\u0000/);
  if (!PRE_LIKE.test(input)) {
    expect(out.text).not.toContain('\n\n\n');
    expect(out.text).not.toMatch(/ {2}|\t| \n|\n /);
  }
}

describe('property: any HTML-ish input', () => {
  it('serialises without throwing to allowlisted HTML and clean text', () => {
    fc.assert(
      fc.property(page, fc.constantFrom(null, 'https://news.test/a/b.html'), (input, baseUrl) => {
        check(input, baseUrl);
      }),
      { numRuns: 1500 },
    );
  });

  it('survives unbalanced tag soup', () => {
    const piece = fc.oneof(
      text,
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.tuple(fc.constantFrom(...TAGS), attribute).map(([t, a]) => `<${t}${a}>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(null, 'https://news.test/'), (pieces, baseUrl) => {
        check(pieces.join(''), baseUrl);
      }),
      { numRuns: 1500 },
    );
  });

  it('is stable: serialising its own HTML output gives the same HTML', () => {
    fc.assert(
      fc.property(page, (input) => {
        const once = serialise(input, { baseUrl: null }).html;
        const twice = serialise(once, { baseUrl: null });
        expect(twice.html).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
