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

import { attr, flatText, INLINE_CONTENT_TAGS, RUN, type IRElement, type IRNode } from './ir.js';
import { preContent } from './text.js';

// ---- escaping ---------------------------------------------------------------

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
function destination(url: string): string {
  let out = url.indexOf('\\') === -1 ? url : url.replace(/\\/g, '\\\\');
  if (out.indexOf('&') !== -1) out = out.replace(ENTITY_AMP, '\\&');
  if (/[\s()<>\u0000-\u001f\u007f]/.test(url)) return `<${out.replace(/[<>]/g, '\\$&')}>`;
  return out;
}

function linkTitle(title: string | null): string {
  if (title === null) return '';
  // `<` needs no escape in a title; escaping it keeps tag-like text out of the Markdown entirely.
  return ` "${title.replace(/[\\"<]/g, '\\$&').replace(ENTITY_AMP, '\\&')}"`;
}

/** An inline code span with a fence longer than any backtick run inside. */
function codeSpan(text: string): string {
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

function image(img: IRElement): string {
  return `![${escapeMarkdown(attr(img, 'alt') ?? '')}](${destination(attr(img, 'src') ?? '')})`;
}

// ---- emphasis ---------------------------------------------------------------------

/*
 * Emphasis is rendered in two steps. A `*` only opens emphasis when it is
 * "left-flanking" (roughly: not followed by whitespace, and not squeezed
 * between a letter before and punctuation after), and only closes it when it
 * is "right-flanking". `a<em>-b</em>` written as `a*-b*` is therefore not
 * emphasis at all. So the inline writer first emits sentinels, and
 * resolveEmphasis() then checks each delimiter against its real neighbours,
 * writing `*`/`**` where CommonMark will read them as intended and dropping
 * the pair (keeping the text) where it would not.
 */
const EM_OPEN = '\uE000';
const EM_CLOSE = '\uE001';
const STRONG_OPEN = '\uE002';
const STRONG_CLOSE = '\uE003';
const SENTINEL_RUN = /[\uE000-\uE003]+/g;
/** Code spans are placeholders until emphasis is settled: two spans left adjacent by dropped emphasis must merge. */
const CODE_OPEN = '\uE004';
const CODE_CLOSE = '\uE005';
const PRIVATE_SENTINELS = /[\uE000-\uE005]/g;
const UNICODE_WHITESPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
/** Passes of emphasis checking before the strict fallback (see resolveEmphasis). */
const MAX_EMPHASIS_PASSES = 6;

interface Delimiter {
  /** Position of the sentinel in the text. */
  at: number;
  opener: boolean;
  /** Width in `*` characters (1 for em, 2 for strong). */
  width: number;
  /** Index of its run in `runs`. */
  run: number;
  /** Index of the matching delimiter. */
  partner: number;
}

interface DelimiterRun {
  left: boolean;
  right: boolean;
}

function resolveEmphasis(input: string): string {
  // `<em>a</em><i>b</i>` would be `*a**b*`, which CommonMark reads differently: join the two.
  const text = input.replace(/\uE001\uE000|\uE003\uE002/g, '');
  // 1. Delimiters, their runs and the runs' flanking, from the characters around each run.
  const delimiters: Delimiter[] = [];
  const runs: DelimiterRun[] = [];
  const open: number[] = [];
  for (const m of text.matchAll(SENTINEL_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    let before = start > 0 ? text[start - 1]! : '\n';
    let after = end < text.length ? text[end]! : '\n';
    if (before === CODE_CLOSE) before = '`';
    if (after === CODE_OPEN) after = '`';
    const beforeSpace = UNICODE_WHITESPACE.test(before);
    const afterSpace = UNICODE_WHITESPACE.test(after);
    const beforePunct = UNICODE_PUNCTUATION.test(before);
    const afterPunct = UNICODE_PUNCTUATION.test(after);
    runs.push({
      left: !afterSpace && (!afterPunct || beforeSpace || beforePunct),
      right: !beforeSpace && (!beforePunct || afterSpace || afterPunct),
    });
    for (let k = start; k < end; k++) {
      const c = text[k];
      const d: Delimiter = {
        at: k,
        opener: c === EM_OPEN || c === STRONG_OPEN,
        width: c === EM_OPEN || c === EM_CLOSE ? 1 : 2,
        run: runs.length - 1,
        partner: -1,
      };
      // Sentinels nest properly: a closer's partner is the innermost open opener.
      if (d.opener) open.push(delimiters.length);
      else {
        const o = open.pop()!;
        d.partner = o;
        delimiters[o]!.partner = delimiters.length;
      }
      delimiters.push(d);
    }
  }
  // 2. Drop pairs CommonMark would not read as we mean them, until none is left:
  //    - an opener must be left-flanking, a closer right-flanking;
  //    - a run that could both open and close is only safe as an opener when no
  //      emphasis is open (otherwise it closes that one), and as part of a pair
  //      only when the "multiple of 3" rule allows the pair.
  const dropped = new Array<boolean>(delimiters.length).fill(false);
  const runWidth = new Array<number>(runs.length);
  // Each pass is linear; a dropped pair can only make its neighbours' runs
  // narrower, so passes settle quickly. After MAX_EMPHASIS_PASSES the last pass
  // is strict (every run that could both open and close goes), which is stable.
  for (let pass = 0, changed = true; changed; pass++) {
    changed = false;
    const strict = pass >= MAX_EMPHASIS_PASSES;
    runWidth.fill(0);
    for (let i = 0; i < delimiters.length; i++) if (!dropped[i]) runWidth[delimiters[i]!.run]! += delimiters[i]!.width;
    let depth = 0;
    for (let i = 0; i < delimiters.length; i++) {
      if (dropped[i]) continue;
      const d = delimiters[i]!;
      const run = runs[d.run]!;
      const both = run.left && run.right;
      let bad: boolean;
      if (d.opener) {
        bad = !run.left || (both && (depth > 0 || strict));
        if (!bad) depth++;
      } else {
        const o = delimiters[d.partner]!;
        depth--; // the pair ends here whether it stays or not
        const oRun = runs[o.run]!;
        const oBoth = oRun.left && oRun.right;
        const widthO = runWidth[o.run]!;
        const widthC = runWidth[d.run]!;
        const multipleOf3 = (widthO + widthC) % 3 === 0 && !(widthO % 3 === 0 && widthC % 3 === 0);
        bad = !run.right || ((both || oBoth) && (multipleOf3 || strict));
      }
      if (bad) {
        dropped[i] = true;
        dropped[d.partner] = true;
        changed = true;
      }
    }
  }
  // 3. Spell the survivors.
  const keep = new Set<number>();
  for (let i = 0; i < delimiters.length; i++) if (!dropped[i]) keep.add(delimiters[i]!.at);
  return text.replace(SENTINEL_RUN, (run: string, offset: number) => {
    let out = '';
    for (let k = 0; k < run.length; k++) {
      if (!keep.has(offset + k)) continue;
      out += run[k] === EM_OPEN || run[k] === EM_CLOSE ? '*' : '**';
    }
    return out;
  });
}

// ---- inline content ---------------------------------------------------------------

interface InlineFrame {
  kids: IRNode[];
  i: number;
  close: string;
  em: number;
  strong: number;
}

/** Whether escaped Markdown ends in a "!" that no backslash escapes (an even run of them before it is literal backslashes). */
function endsWithBareBang(piece: string): boolean {
  if (!piece.endsWith('!')) return false;
  let slashes = 0;
  for (let i = piece.length - 2; i >= 0 && piece.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * Escapes the trailing "!" of the text pieces at `bangs` when anything but
 * emphasis sentinels follows them: whatever comes next (a link's "[", an
 * escaped "\\[", emphasis that is later dropped) could make "![" an image.
 * A "!" that ends the inline content stays as it is.
 */
function escapeBangsBeforeContent(out: string[], bangs: readonly number[]): void {
  if (bangs.length === 0) return;
  let k = bangs.length - 1;
  let contentAfter = false;
  for (let i = out.length - 1; i >= 0 && k >= 0; i--) {
    if (i === bangs[k]) {
      const piece = out[i]!;
      if (contentAfter) out[i] = `${piece.slice(0, -1)}\\!`;
      k--;
    }
    if (!contentAfter && /[^\uE000-\uE003]/.test(out[i]!)) contentAfter = true;
  }
}

/**
 * Renders inline content. `br` is written as `lineBreak` (a hard break in
 * paragraphs, a space in headings and table cells). `wrap` puts the whole
 * content in emphasis (a caption in italics, a term in bold); emphasis of the
 * same kind inside is then not opened again, so `*` never turns into `**`.
 */
function renderInline(kids: IRNode[], lineBreak: string, wrap: 'em' | 'strong' | null = null): string {
  const out: string[] = [];
  const stack: InlineFrame[] = [];
  let frame: InlineFrame = {
    kids,
    i: 0,
    close: wrap === 'em' ? EM_CLOSE : wrap === 'strong' ? STRONG_CLOSE : '',
    em: wrap === 'em' ? 1 : 0,
    strong: wrap === 'strong' ? 1 : 0,
  };
  let emphasis = wrap !== null;
  if (wrap !== null) out.push(wrap === 'em' ? EM_OPEN : STRONG_OPEN);
  // Adjacent code spans (`<tt>a</tt><code>b</code>`) would fuse their fences: collect them into one.
  let code = '';
  let hasCode = false;
  /** Indices in `out` of text pieces that end in an unescaped "!". */
  const bangs: number[] = [];
  const emit = (piece: string): void => {
    if (piece === '') return;
    if (code !== '') {
      out.push(CODE_OPEN + code.replace(PRIVATE_SENTINELS, '\uFFFD') + CODE_CLOSE);
      code = '';
      hasCode = true;
    }
    out.push(piece);
  };
  for (;;) {
    if (frame.i >= frame.kids.length) {
      emit(frame.close);
      const up = stack.pop();
      if (up === undefined) break;
      frame = up;
      continue;
    }
    const node = frame.kids[frame.i++]!;
    if (typeof node === 'string') {
      const piece = escapeMarkdown(node);
      emit(piece);
      if (endsWithBareBang(piece)) bangs.push(out.length - 1);
      continue;
    }
    let open = '';
    let close = '';
    let emDepth = frame.em;
    let strongDepth = frame.strong;
    switch (node.tag) {
      case 'br':
        emit(lineBreak);
        continue;
      case 'img':
        emit(image(node));
        continue;
      case 'code':
        code += flatText(node, ' ');
        continue;
      case 'a': {
        // A "!" right before "[" would turn the link into an image: escapeMarkdown escapes a text's trailing "!".
        open = '[';
        close = `](${destination(attr(node, 'href') ?? '')}${linkTitle(attr(node, 'title'))})`;
        break;
      }
      case 'em':
      case 'i':
        if (emDepth++ === 0) {
          open = EM_OPEN;
          close = EM_CLOSE;
          emphasis = true;
        }
        break;
      case 'strong':
      case 'b':
        if (strongDepth++ === 0) {
          open = STRONG_OPEN;
          close = STRONG_CLOSE;
          emphasis = true;
        }
        break;
      case 'q':
        open = close = '"';
        break;
      default:
        break; // u, s, sub, sup, mark, small, abbr, cite, time: no Markdown syntax, text only
    }
    emit(open);
    stack.push(frame);
    frame = { kids: node.kids, i: 0, close, em: emDepth, strong: strongDepth };
  }
  emit('\u0000'); // flush a trailing code span
  out.pop();
  escapeBangsBeforeContent(out, bangs);
  let text = out.join('');
  if (emphasis) text = resolveEmphasis(text);
  if (hasCode) {
    text = text
      .replace(/\uE005\uE004/g, '')
      // Code sentinels never nest, so the content excludes both: linear even on a run of openers.
      .replace(/\uE004([^\uE004\uE005]*)\uE005/g, (_match: string, content: string) => codeSpan(content));
  }
  return text;
}

/** A paragraph: inline content with hard breaks, every line start escaped. */
function paragraph(kids: IRNode[]): string {
  const text = renderInline(kids, '\\\n');
  if (text.indexOf('\n') === -1) return escapeLineStart(text);
  return text.split('\n').map(escapeLineStart).join('\n');
}

/** An ATX heading of already-escaped inline Markdown. */
function atxHeading(level: number, inline: string): string {
  let text = inline;
  // "## C #" would lose its last "#" as a closing sequence.
  const m = /(^|\s)(#+)\s*$/.exec(text);
  if (m) text = `${text.slice(0, m.index + m[1]!.length)}\\${text.slice(m.index + m[1]!.length)}`;
  return `${'#'.repeat(level)} ${text}`;
}

function heading(el: IRElement): string {
  return atxHeading(Number(el.tag[1]), renderInline(el.kids, ' '));
}

/**
 * A plain-text field (a headline, a byline) as one Markdown heading line:
 * whitespace runs (newlines too) become one space and every Markdown- or
 * HTML-significant character is escaped, so the text reads as text in any
 * renderer. Empty text gives an empty string.
 */
export function markdownHeading(text: string, level = 1): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? '' : atxHeading(level, escapeMarkdown(flat));
}

function fencedCode(pre: IRElement): string {
  const content = preContent(pre);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < content.length; i++) {
    if (content.charCodeAt(i) === 96) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${content}\n${fence}`;
}

/** Inline-content elements of a subtree (used to flatten captions and cells). */
function inlineBlocks(root: IRElement): IRElement[] {
  const found: IRElement[] = [];
  const stack: IRElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (INLINE_CONTENT_TAGS.has(el.tag)) {
      found.push(el);
      continue;
    }
    for (let i = el.kids.length - 1; i >= 0; i--) {
      const kid = el.kids[i]!;
      if (typeof kid !== 'string') stack.push(kid);
    }
  }
  return found;
}

/** The caption of a figure as one line of text (emphasis suppressed: it is written in italics). */
function captionLine(caption: IRElement): string {
  const kids: IRNode[] = [];
  for (const block of inlineBlocks(caption)) {
    if (kids.length > 0) kids.push(' ');
    if (block.tag === 'pre') kids.push({ tag: 'code', attrs: null, kids: [preContent(block).replace(/\s+/g, ' ')] });
    else kids.push(...block.kids);
  }
  return kids.length === 0 ? '' : renderInline(kids, ' ', 'em');
}

// ---- tables ---------------------------------------------------------------------

interface Row {
  cells: IRElement[];
  head: boolean;
}

function tableRows(table: IRElement): { caption: IRElement | null; rows: Row[] } {
  let caption: IRElement | null = null;
  const rows: Row[] = [];
  const cellsOf = (tr: IRElement): IRElement[] => tr.kids.filter((k): k is IRElement => typeof k !== 'string');
  for (const kid of table.kids) {
    if (typeof kid === 'string') continue;
    if (kid.tag === 'caption') caption = kid;
    else if (kid.tag === 'tr') rows.push({ cells: cellsOf(kid), head: false });
    else {
      for (const tr of kid.kids) {
        if (typeof tr !== 'string' && tr.tag === 'tr') rows.push({ cells: cellsOf(tr), head: kid.tag === 'thead' });
      }
    }
  }
  return { caption, rows };
}

/** A cell whose content is only paragraphs/runs/headings: it fits on one line. */
function isSimpleCell(cell: IRElement): boolean {
  for (const kid of cell.kids) {
    if (typeof kid === 'string' || !INLINE_CONTENT_TAGS.has(kid.tag) || kid.tag === 'pre') return false;
  }
  return true;
}

function cellText(cell: IRElement): string {
  const parts: string[] = [];
  for (const kid of cell.kids) {
    if (typeof kid === 'string') continue;
    const text = renderInline(kid.kids, ' ');
    if (text !== '') parts.push(text);
  }
  return parts.join(' ').replace(/\|/g, '\\|');
}

/** A GFM pipe table, or `null` when the table is irregular (ragged rows, spans, block content in cells). */
function pipeTable(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const width = rows[0]!.cells.length;
  if (width === 0) return null;
  for (const row of rows) {
    if (row.cells.length !== width) return null;
    for (const cell of row.cells) if (cell.attrs !== null || !isSimpleCell(cell)) return null;
  }
  const first = rows[0]!;
  const hasHeader = first.head || first.cells.every((c) => c.tag === 'th');
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines: string[] = [];
  // GFM requires a header row; a table without one gets an empty header.
  lines.push(hasHeader ? line(first.cells.map(cellText)) : line(new Array<string>(width).fill('')));
  lines.push(line(new Array<string>(width).fill('---')));
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) lines.push(line(rows[r]!.cells.map(cellText)));
  return lines.join('\n');
}

/**
 * The blocks an irregular table falls back to: the caption, then each row as
 * one paragraph of cells joined with " | " when its cells are simple, or the
 * cells' own blocks otherwise.
 */
function tableFallback(caption: IRElement | null, rows: Row[]): IRNode[] {
  const items: IRNode[] = [];
  if (caption) items.push(caption);
  for (const row of rows) {
    if (!row.cells.every(isSimpleCell)) {
      items.push(...row.cells);
      continue;
    }
    const kids: IRNode[] = [];
    for (const cell of row.cells) {
      if (cell.kids.length === 0) continue;
      if (kids.length > 0) kids.push(' | ');
      cell.kids.forEach((block, i) => {
        if (typeof block === 'string') return;
        if (i > 0) kids.push(' ');
        kids.push(...block.kids);
      });
    }
    if (kids.length > 0) items.push({ tag: 'p', attrs: null, kids });
  }
  return items;
}

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
        if (frame.tag === 'li' && prev !== undefined && typeof prev !== 'string' && (prev.tag === RUN || prev.tag === 'p') && (!ordered || next.counter === 1)) {
          w.pending = 1;
        }
        break;
      }
      case 'li': {
        const marker = frame.ordered
          ? `${Math.min(frame.counter++, 999_999_999)}${frame.alternate ? ')' : '.'} `
          : `${frame.alternate ? '*' : '-'} `;
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
