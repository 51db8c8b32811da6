/**
 * Writes the intermediate tree as plain text.
 *
 * Layout rules (the choices are documented here and in the README of the API):
 * - blocks (paragraphs, headings, pre, quotes' paragraphs, table rows, dt/dd,
 *   a whole list) are separated by one blank line;
 * - list items, and blocks inside a list, are separated by a single newline
 *   (nesting is not indented: plain text has no runs of spaces);
 * - table cells of a row are joined with `" | "`; empty cells are left out;
 * - `br` is a newline; images contribute nothing; `q` is written in straight
 *   double quotes;
 * - figure captions (`figcaption`, which also holds caption/credit-classed
 *   elements of a figure) are left out;
 * - `pre` content is kept verbatim, except that blank lines before it and
 *   whitespace after it are trimmed. The guarantees "no run of spaces" and "no
 *   more than one blank line" hold everywhere outside `pre` content; "no
 *   leading or trailing whitespace" holds for the whole text, so a text that
 *   starts with an indented `pre` line loses that line's indentation.
 *
 * @packageDocumentation
 */

import { flatText, ROOT, type IRElement } from './ir.js';

/** One output buffer: the document, or a table cell being collected. */
interface Sink {
  parts: string[];
  /** Separator owed before the next content: 0 none, 1 newline, 2 blank line. */
  pending: number;
  /** A table cell: separators and line breaks become single spaces. */
  cell: boolean;
  /** Nothing written since the start or the last separator/line break. */
  atLineStart: boolean;
  /** The last character written was a space. */
  afterSpace: boolean;
}

interface Frame {
  node: IRElement;
  i: number;
  /** For a row: the texts of its non-empty cells. */
  cells: string[] | null;
}

const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  '#run',
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
  'td',
  'th',
  'figure',
  'hr',
]);

function newSink(cell: boolean): Sink {
  return { parts: [], pending: 0, cell, atLineStart: true, afterSpace: false };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 10;
}

/** Removes trailing spaces and newlines from what the sink holds (pre content included: it ends a block). */
function trimEnd(sink: Sink): void {
  const parts = sink.parts;
  while (parts.length > 0) {
    const last = parts[parts.length - 1]!;
    let end = last.length;
    while (end > 0 && isBlank(last.charCodeAt(end - 1))) end--;
    if (end === 0) parts.pop();
    else {
      if (end < last.length) parts[parts.length - 1] = last.slice(0, end);
      break;
    }
  }
}

function request(sink: Sink, separator: number): void {
  if (separator > sink.pending) sink.pending = separator;
}

/** Writes text; `verbatim` text (pre) is neither trimmed nor collapsed. */
function write(sink: Sink, text: string, verbatim = false): void {
  if (text === '') return;
  if (sink.pending > 0) {
    if (sink.parts.length > 0) {
      trimEnd(sink);
      if (sink.parts.length > 0) sink.parts.push(sink.cell ? ' ' : sink.pending === 2 ? '\n\n' : '\n');
      sink.atLineStart = !sink.cell;
      sink.afterSpace = sink.cell;
    }
    sink.pending = 0;
  }
  if (!verbatim && (sink.atLineStart || sink.afterSpace || sink.parts.length === 0)) {
    let start = 0;
    while (start < text.length && text.charCodeAt(start) === 32) start++;
    if (start > 0) text = text.slice(start);
    if (text === '') return;
  }
  sink.parts.push(text);
  sink.atLineStart = false;
  sink.afterSpace = !verbatim && text.charCodeAt(text.length - 1) === 32;
}

function lineBreak(sink: Sink): void {
  if (sink.cell) {
    write(sink, ' ');
    return;
  }
  if (sink.parts.length === 0 || sink.pending > 0) return;
  trimEnd(sink);
  sink.parts.push('\n');
  sink.atLineStart = true;
  sink.afterSpace = false;
}

/** Verbatim `pre` text without its leading blank lines and trailing whitespace. */
export function preContent(pre: IRElement): string {
  const text = flatText(pre);
  let start = 0;
  // Drop whole leading lines that are blank, keep the first line's indentation.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) start = i + 1;
    else if (c !== 32 && c !== 9) break;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * Serialises the tree to plain text (see the module comment for the layout).
 *
 * @returns text with no leading or trailing whitespace
 */
export function renderText(root: IRElement): string {
  const sinks: Sink[] = [newSink(false)];
  let sink = sinks[0]!;
  let listDepth = 0;
  const stack: Frame[] = [];
  let frame: Frame = { node: root, i: 0, cells: null };
  const separator = (): number => (listDepth > 0 ? 1 : 2);

  for (;;) {
    const kids = frame.node.kids;
    if (frame.i >= kids.length) {
      // Leaving an element.
      const el = frame.node;
      const tag = el.tag;
      if (tag === 'td' || tag === 'th') {
        const cellSink = sinks.pop()!;
        sink = sinks[sinks.length - 1]!;
        trimEnd(cellSink);
        const text = cellSink.parts.join('');
        if (text !== '') stack[stack.length - 1]?.cells?.push(text);
      } else if (tag === 'tr') {
        if (frame.cells !== null && frame.cells.length > 0) {
          request(sink, separator());
          write(sink, frame.cells.join(' | '));
          request(sink, separator());
        }
      } else if (tag === 'q') {
        write(sink, '"');
      } else if (BLOCKS.has(tag)) {
        if (tag === 'ul' || tag === 'ol') listDepth--;
        request(sink, tag === 'ul' || tag === 'ol' ? (listDepth > 0 ? 1 : 2) : separator());
      }
      const up = stack.pop();
      if (up === undefined) break;
      frame = up;
      continue;
    }
    const node = kids[frame.i++]!;
    if (typeof node === 'string') {
      write(sink, node);
      continue;
    }
    const tag = node.tag;
    switch (tag) {
      case 'br':
        lineBreak(sink);
        continue;
      case 'img':
      case 'figcaption': // captions are not body text
        continue;
      case 'hr':
        request(sink, separator());
        continue;
      case 'pre':
        request(sink, separator());
        write(sink, preContent(node), true);
        request(sink, separator());
        continue;
      case 'q':
        write(sink, '"');
        break;
      case 'td':
      case 'th':
        sink = newSink(true);
        sinks.push(sink);
        break;
      default:
        if (BLOCKS.has(tag) && tag !== ROOT) {
          request(sink, separator());
          if (tag === 'ul' || tag === 'ol') listDepth++;
        }
    }
    stack.push(frame);
    frame = { node, i: 0, cells: tag === 'tr' ? [] : null };
  }
  // trim(): the text never starts with whitespace, even when it starts with an indented pre line.
  return sinks[0]!.parts.join('').trim();
}
