/**
 * Markdown escaping: what a character of text, a line start, a link
 * destination or title, or a code span needs so that it reads as text in any
 * CommonMark renderer (see markdown.ts for the list and why).
 */
import { attr, type IRElement } from './ir.js';

const MD_SPECIAL = /[\\`*_[\]<&!\uE000-\uE005]/g;
const HAS_MD_SPECIAL = /[\\`*_[\]<&!\uE000-\uE005]/;
/** An `&` that a Markdown renderer would decode as a character reference. */
const ENTITY_AT = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ENTITY_AMP = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=\s|$)/;

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
}

/** Escapes Markdown-significant characters in a piece of text (not line-start ones). */
export function escapeMarkdown(text: string): string {
  if (!HAS_MD_SPECIAL.test(text)) return text;
  return text.replace(MD_SPECIAL, (ch: string, offset: number) => {
    if (ch === '_') return isWordAt(text, offset - 1) && isWordAt(text, offset + 1) ? '_' : '\\_';
    if (ch === '&') {
      ENTITY_AT.lastIndex = offset;
      return ENTITY_AT.test(text) ? '\\&' : '&';
    }
    // "![" starts an image (renderInline escapes a trailing "!" that a link or image follows).
    if (ch === '!') return text[offset + 1] === '[' ? '\\!' : '!';
    // "<" as an entity, not "\\<": a GFM autolink (marked, markdown-it's linkify) takes the
    // backslash into a URL just before it and leaves the "<" to start raw HTML.
    if (ch === '<') return '&lt;';
    if (ch >= '\uE000') return '\uFFFD'; // our emphasis sentinels never come from the page
    return `\\${ch}`;
  });
}

/** Escapes what would start a block at the beginning of a line. */
export function escapeLineStart(line: string): string {
  switch (line[0]) {
    case undefined:
      return line;
    case '#':
    case '>':
      return `\\${line}`;
    case '-':
    case '+': {
      const next = line[1];
      return next === undefined || next === ' ' || next === '\t' || (line[0] === '-' && next === '-') ? `\\${line}` : line;
    }
    case '=':
      return /^=+\s*$/.test(line) ? `\\${line}` : line;
    case '~':
      return line.startsWith('~~~') ? `\\${line}` : line;
    default: {
      const code = line.charCodeAt(0);
      if (code < 48 || code > 57) return line;
      const m = ORDERED_MARKER.exec(line);
      return m ? `${m[1]}\\${line.slice(m[1]!.length)}` : line;
    }
  }
}

/**
 * A link or image destination. Plain when possible; the `<...>` form when the
 * URL holds spaces, parentheses or controls (only possible for relative URLs
 * left unresolved), so the link still works.
 */
export function destination(url: string): string {
  let out = url.indexOf('\\') === -1 ? url : url.replace(/\\/g, '\\\\');
  if (out.indexOf('&') !== -1) out = out.replace(ENTITY_AMP, '\\&');
  if (/[\s()<>\u0000-\u001f\u007f]/.test(url)) return `<${out.replace(/[<>]/g, '\\$&')}>`;
  return out;
}

export function linkTitle(title: string | null): string {
  if (title === null) return '';
  // `<` needs no escape in a title; escaping it keeps tag-like text out of the Markdown entirely.
  return ` "${title.replace(/[\\"<]/g, '\\$&').replace(ENTITY_AMP, '\\&')}"`;
}

/** An inline code span with a fence longer than any backtick run inside. */
export function codeSpan(text: string): string {
  if (text === '') return '';
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  const fence = '`'.repeat(longest + 1);
  const first = text[0];
  const last = text[text.length - 1];
  // CommonMark strips one space from each side when both have one, and a
  // backtick next to the fence would merge with it: pad in those cases.
  const pad = first === '`' || last === '`' || (first === ' ' && last === ' ' && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function image(img: IRElement): string {
  return `![${escapeMarkdown(attr(img, 'alt') ?? '')}](${destination(attr(img, 'src') ?? '')})`;
}
