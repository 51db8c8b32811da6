/**
 * Inline content in Markdown: runs of text, links, emphasis, code and images,
 * escaped; and the one-line blocks built from them (paragraphs, headings,
 * fenced code, caption lines).
 */
import { attr, flatText, INLINE_CONTENT_TAGS, type IRElement, type IRNode } from './ir.js';
import { preContent } from './text.js';
import { codeSpan, destination, escapeLineStart, escapeMarkdown, image, linkTitle } from './markdown-escape.js';
import { CODE_CLOSE, CODE_OPEN, EM_CLOSE, EM_OPEN, PRIVATE_SENTINELS, resolveEmphasis, STRONG_CLOSE, STRONG_OPEN } from './markdown-emphasis.js';

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
export function renderInline(kids: IRNode[], lineBreak: string, wrap: 'em' | 'strong' | null = null): string {
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
export function paragraph(kids: IRNode[]): string {
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

export function heading(el: IRElement): string {
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

export function fencedCode(pre: IRElement): string {
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
export function inlineBlocks(root: IRElement): IRElement[] {
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
export function captionLine(caption: IRElement): string {
  const kids: IRNode[] = [];
  for (const block of inlineBlocks(caption)) {
    if (kids.length > 0) kids.push(' ');
    if (block.tag === 'pre') kids.push({ tag: 'code', attrs: null, kids: [preContent(block).replace(/\s+/g, ' ')] });
    else kids.push(...block.kids);
  }
  return kids.length === 0 ? '' : renderInline(kids, ' ', 'em');
}
