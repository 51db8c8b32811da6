/**
 * Writes the intermediate tree as CommonMark (plus GFM pipe tables).
 *
 * Blocks are written line by line through a {@link LineWriter} that owns the
 * container prefixes (`> ` for quotes, `- ` / `1. ` then indentation for list
 * items), so nesting costs nothing per block and never recurses.
 *
 * Escaping is done where a character would otherwise change meaning:
 * - everywhere in text: `\`, backtick, `*`, `[`, `]`, `<` (as `&lt;`: see
 *   escapeMarkdown), `_` unless inside a
 *   word (`snake_case` stays readable), `&` when it would form an entity
 *   reference (`&copy;`), and `!` before `[` or at the end of a text piece
 *   that more inline content follows (a link, emphasis, an image): marked
 *   reads `!\[x\](javascript:...)` inside link text as an image, so an
 *   unescaped `!` there would be unsafe;
 * - at the start of a line: `#`, `>`, a `-`/`+` list marker or rule, `=`/`~`
 *   runs, and the `.`/`)` of an ordered-list number (`1\. `);
 * - in table cells also `|`; in headings a closing `#` sequence.
 *
 * @packageDocumentation
 */

import { attr, RUN, type IRElement, type IRNode } from './ir.js';
import { escapeLineStart } from './markdown-escape.js';
import { captionLine, fencedCode, heading, inlineBlocks, paragraph, renderInline } from './markdown-inline.js';
import { pipeTable, tableFallback, tableRows } from './markdown-tables.js';

export { escapeLineStart, escapeMarkdown } from './markdown-escape.js';
export { markdownHeading } from './markdown-inline.js';

// ---- block layout -------------------------------------------------------------------

interface Context {
  /** Prefix of the container's first line (`- `, `1. `, `> `). */
  first: string;
  /** Prefix of its other lines (indentation, `> `). */
  rest: string;
  /** The `rest` prefixes of this and all enclosing containers. */
  cumulative: string;
  used: boolean;
}

/** Writes lines under the current container prefixes and manages blank lines between blocks. */
class LineWriter {
  readonly lines: string[] = [];
  private readonly contexts: Context[] = [];
  /** Owed before the next line: 0/1 just a newline, 2 a blank line. */
  pending = 0;
  /** The list that just ended at this nesting depth, to keep an adjacent list from merging into it. */
  lastList: { depth: number; ordered: boolean; alternate: boolean } | null = null;

  get depth(): number {
    return this.contexts.length;
  }

  push(first: string, rest: string): void {
    const outer = this.contexts[this.contexts.length - 1];
    this.contexts.push({ first, rest, cumulative: (outer?.cumulative ?? '') + rest, used: false });
  }

  pop(): void {
    this.contexts.pop();
  }

  /** Containers that have written a line form a prefix of the stack; the rest still owe their first-line prefix. */
  private usedCount(): number {
    let k = this.contexts.length;
    while (k > 0 && !this.contexts[k - 1]!.used) k--;
    return k;
  }

  line(text: string): void {
    const used = this.usedCount();
    if (this.pending === 2 && this.lines.length > 0) {
      this.lines.push(used > 0 ? this.contexts[used - 1]!.cumulative.trimEnd() : '');
    }
    this.pending = 0;
    this.lastList = null;
    let prefix = used > 0 ? this.contexts[used - 1]!.cumulative : '';
    for (let i = used; i < this.contexts.length; i++) {
      const ctx = this.contexts[i]!;
      prefix += ctx.first;
      ctx.used = true;
    }
    this.lines.push(text === '' ? prefix.trimEnd() : prefix + text);
  }

  /** Writes a block (possibly several lines) and owes a blank line after it. */
  block(text: string): void {
    if (text.indexOf('\n') === -1) this.line(text);
    else for (const l of text.split('\n')) this.line(l);
    this.pending = 2;
  }
}

const enum Exit {
  None,
  Quote,
  List,
  Item,
  Figure,
}

interface BlockFrame {
  kids: IRNode[];
  i: number;
  tag: string;
  exit: Exit;
  /** Lists: next item number (ordered), marker style. */
  ordered: boolean;
  alternate: boolean;
  counter: number;
  /** Figures: the caption written after the figure's content. */
  caption: IRElement | null;
}

function frameFor(kids: IRNode[], tag: string, exit: Exit): BlockFrame {
  return { kids, i: 0, tag, exit, ordered: false, alternate: false, counter: 1, caption: null };
}

/**
 * Serialises the tree to Markdown.
 *
 * @returns CommonMark with GFM pipe tables, no trailing newline
 */
export function renderMarkdown(root: IRElement): string {
  const w = new LineWriter();
  const stack: BlockFrame[] = [];
  let frame = frameFor(root.kids, root.tag, Exit.None);

  for (;;) {
    if (frame.i >= frame.kids.length) {
      switch (frame.exit) {
        case Exit.Quote:
          w.pop();
          w.pending = 2;
          break;
        case Exit.Item:
          w.pop();
          w.pending = 1; // items of a list are tight
          break;
        case Exit.List:
          w.pending = 2;
          w.lastList = { depth: w.depth, ordered: frame.ordered, alternate: frame.alternate };
          break;
        case Exit.Figure: {
          const text = frame.caption ? captionLine(frame.caption) : '';
          if (text !== '') w.block(escapeLineStart(text));
          w.pending = 2;
          break;
        }
        default:
          break;
      }
      const up = stack.pop();
      if (up === undefined) break;
      frame = up;
      continue;
    }
    const node = frame.kids[frame.i++]!;
    if (typeof node === 'string') continue; // blocks only at this level (see ir.ts)
    const tag = node.tag;
    let next: BlockFrame | null = null;
    switch (tag) {
      case 'p':
      case RUN:
        w.block(paragraph(node.kids));
        break;
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        w.block(heading(node));
        break;
      case 'pre':
        w.block(fencedCode(node));
        break;
      case 'hr':
        // "- ---" (and "- - ---") is itself a rule, not an item holding one: use underscores after a marker.
        w.block(frame.tag === 'li' && frame.i === 1 ? '___' : '---');
        break;
      case 'blockquote':
        w.push('> ', '> ');
        next = frameFor(node.kids, tag, Exit.Quote);
        break;
      case 'ul':
      case 'ol': {
        const ordered = tag === 'ol';
        const last = w.lastList;
        next = frameFor(node.kids, tag, Exit.List);
        next.ordered = ordered;
        // Two adjacent lists of the same kind would merge: switch the marker.
        next.alternate = last !== null && last.depth === w.depth && last.ordered === ordered ? !last.alternate : false;
        if (ordered) {
          const start = Number(attr(node, 'start') ?? '1');
          next.counter = Math.min(Math.max(Number.isFinite(start) ? start : 1, 0), 999_999_999);
        }
        // A nested list right after the item's text stays tight when it may interrupt a paragraph.
        const prev = frame.kids[frame.i - 2];
        if (
          frame.tag === 'li' &&
          prev !== undefined &&
          typeof prev !== 'string' &&
          (prev.tag === RUN || prev.tag === 'p') &&
          (!ordered || next.counter === 1)
        ) {
          w.pending = 1;
        }
        break;
      }
      case 'li': {
        const marker = frame.ordered ? `${Math.min(frame.counter++, 999_999_999)}${frame.alternate ? ')' : '.'} ` : `${frame.alternate ? '*' : '-'} `;
        w.push(marker, ' '.repeat(marker.length));
        next = frameFor(node.kids, tag, Exit.Item);
        break;
      }
      case 'table': {
        const { caption, rows } = tableRows(node);
        const table = pipeTable(rows);
        if (table !== null) {
          if (caption) for (const block of inlineBlocks(caption)) w.block(paragraph(block.kids));
          w.block(table);
        } else {
          next = frameFor(tableFallback(caption, rows), tag, Exit.None);
        }
        break;
      }
      case 'figure': {
        const kids: IRNode[] = [];
        let caption: IRElement | null = null;
        for (const kid of node.kids) {
          if (typeof kid !== 'string' && kid.tag === 'figcaption') caption = kid;
          else kids.push(kid);
        }
        next = frameFor(kids, tag, Exit.Figure);
        next.caption = caption;
        break;
      }
      case 'figcaption': {
        const text = captionLine(node);
        if (text !== '') w.block(escapeLineStart(text));
        break;
      }
      case 'dt': {
        const only = node.kids.length === 1 ? node.kids[0] : undefined;
        if (only !== undefined && typeof only !== 'string' && only.tag === RUN) {
          w.block(escapeLineStart(renderInline(only.kids, ' ', 'strong')));
        } else {
          next = frameFor(node.kids, tag, Exit.None);
        }
        break;
      }
      default:
        // Transparent containers: dl, dd, table sections, rows, cells, captions.
        next = frameFor(node.kids, tag, Exit.None);
    }
    if (next !== null) {
      stack.push(frame);
      frame = next;
    }
  }
  return w.lines.join('\n').trimEnd();
}
