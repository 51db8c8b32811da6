/**
 * The intermediate tree shared by the three writers.
 *
 * The DOM walk (`build.ts`) does all the hard decisions once (what to keep,
 * where paragraphs start and end, which whitespace survives, which URLs are
 * safe) and produces this small, already-clean tree. The HTML, text and
 * Markdown writers then only decide how to spell it.
 *
 * Invariants the writers rely on:
 * - tags are output tag names (see `allowlist.ts`) or one of the pseudo tags
 *   {@link ROOT} and {@link RUN};
 * - block containers contain blocks only; `p`, `h2`–`h6`, `pre` and {@link RUN}
 *   contain inline content only;
 * - text is unescaped and whitespace-collapsed outside `pre`: no text starts a
 *   paragraph or line with a space or ends one with a space, no two spaces are
 *   adjacent within one string, and spaces sit outside inline elements
 *   (`a <em>b</em> c`, never `a<em> b </em>c`);
 * - no element is empty except table cells (kept to preserve columns);
 * - attribute values are final (URLs checked and resolved).
 *
 * @packageDocumentation
 */

/** A node of the intermediate tree: a text string or an element. */
export type IRNode = string | IRElement;

/** An element of the intermediate tree. */
export interface IRElement {
  /** Output tag name, {@link ROOT} or {@link RUN}. */
  tag: string;
  /** Attributes as a flat `[name, value, name, value, ...]` list, or `null`. */
  attrs: string[] | null;
  /** Children in document order. */
  kids: IRNode[];
}

/** Pseudo tag of the tree's root (a flow container). */
export const ROOT = '#root';

/**
 * Pseudo tag of a run of inline content directly inside a "tight" container
 * (`li`, `dd`, `dt`, `td`, `th`, `caption`, `figure`, `figcaption`). A lone run
 * is written bare (`<li>text</li>`); several runs in one container are written
 * as paragraphs.
 */
export const RUN = '#run';

/** Containers whose inline content is held in {@link RUN}s rather than paragraphs. */
export const TIGHT_TAGS: ReadonlySet<string> = new Set(['li', 'dd', 'dt', 'td', 'th', 'caption', 'figure', 'figcaption']);

/** Elements whose children are inline content. */
export const INLINE_CONTENT_TAGS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', RUN]);

/** Shared empty child list for void elements (never mutated). */
export const NO_KIDS: IRNode[] = [];

/** Reads an attribute from a flat attribute list. */
export function attr(el: IRElement, name: string): string | null {
  const a = el.attrs;
  if (a === null) return null;
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]!;
  return null;
}

/**
 * The plain text of a subtree (text strings; `br` as a newline), walked
 * iteratively. Used for `pre` and inline `code`, whose content is written
 * verbatim.
 */
export function flatText(el: IRElement, br = '\n'): string {
  const parts: string[] = [];
  const stack: IRNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') parts.push(node);
    else if (node.tag === 'br') parts.push(br);
    else for (let i = node.kids.length - 1; i >= 0; i--) stack.push(node.kids[i]!);
  }
  return parts.join('');
}
