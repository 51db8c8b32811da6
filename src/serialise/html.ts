/**
 * Writes the intermediate tree as sanitised HTML: only allowlisted elements
 * and attributes exist in the tree, so this writer only has to escape
 * correctly and lay the blocks out one per line.
 *
 * @packageDocumentation
 */

import { escapeAttribute, escapeText } from 'entities';
import { RUN, TIGHT_TAGS, type IRElement, type IRNode } from './ir.js';

/** Block elements followed by a newline when they close (compact, one block per line). */
const NEWLINE_AFTER_CLOSE: ReadonlySet<string> = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'figcaption',
]);

/** Containers whose children start on a new line. */
const NEWLINE_AFTER_OPEN: ReadonlySet<string> = new Set(['blockquote', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot']);

interface Frame {
  kids: IRNode[];
  i: number;
  close: string;
  /** A tight container with exactly one run: that run is written without a `<p>`. */
  bareRun: boolean;
}

/** Control characters removed from attribute values. */
const ATTRIBUTE_CONTROLS = /[\u0000-\u001f\u007f]/g;

/**
 * Escapes an attribute value. `escapeAttribute` covers what the HTML syntax
 * needs inside double quotes; `<` and `>` are escaped as well so that no
 * sanitiser-unaware consumer (a regex, an old parser) ever sees tag-like text.
 */
function attributeValue(value: string): string {
  // C0 controls (NUL among them) and DEL have no business in an attribute: browsers turn NUL
  // into U+FFFD, and other consumers may truncate at it. Dropped, as in text.
  const escaped = escapeAttribute(value.replace(ATTRIBUTE_CONTROLS, ''));
  return /[<>]/.test(escaped) ? escaped.replace(/</g, '&lt;').replace(/>/g, '&gt;') : escaped;
}

function openTag(el: IRElement): string {
  const attrs = el.attrs;
  if (attrs === null) return `<${el.tag}>`;
  let out = `<${el.tag}`;
  for (let i = 0; i < attrs.length; i += 2) out += ` ${attrs[i]}="${attributeValue(attrs[i + 1]!)}"`;
  return `${out}>`;
}

/** True when the first text inside `el` starts with a newline (which an HTML parser would drop after `<pre>`). */
function startsWithNewline(el: IRElement): boolean {
  let node: IRNode | undefined = el.kids[0];
  while (node !== undefined && typeof node !== 'string') node = node.kids[0];
  return node !== undefined && node.charCodeAt(0) === 10;
}

function countRuns(kids: IRNode[]): number {
  let n = 0;
  for (const kid of kids) if (typeof kid !== 'string' && kid.tag === RUN) n++;
  return n;
}

/**
 * Serialises the tree to HTML.
 *
 * @returns compact HTML, one block per line, no trailing newline
 */
export function renderHtml(root: IRElement): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  let frame: Frame = { kids: root.kids, i: 0, close: '', bareRun: false };
  for (;;) {
    if (frame.i >= frame.kids.length) {
      out.push(frame.close);
      const up = stack.pop();
      if (up === undefined) break;
      frame = up;
      continue;
    }
    const node = frame.kids[frame.i++]!;
    if (typeof node === 'string') {
      out.push(escapeText(node));
      continue;
    }
    const tag = node.tag;
    switch (tag) {
      case 'br':
        out.push('<br>');
        continue;
      case 'img':
        out.push(openTag(node));
        continue;
      case 'hr':
        out.push('<hr>\n');
        continue;
      case RUN: {
        const bare = frame.bareRun;
        out.push(bare ? '' : '<p>');
        stack.push(frame);
        frame = { kids: node.kids, i: 0, close: bare ? '' : '</p>\n', bareRun: false };
        continue;
      }
      default: {
        let open = openTag(node);
        if (NEWLINE_AFTER_OPEN.has(tag)) open += '\n';
        // An HTML parser drops one newline right after <pre>; keep a meaningful one.
        else if (tag === 'pre' && startsWithNewline(node)) open += '\n';
        out.push(open);
        stack.push(frame);
        frame = {
          kids: node.kids,
          i: 0,
          close: NEWLINE_AFTER_CLOSE.has(tag) ? `</${tag}>\n` : `</${tag}>`,
          bareRun: TIGHT_TAGS.has(tag) && countRuns(node.kids) === 1,
        };
      }
    }
  }
  return out.join('').trimEnd();
}
