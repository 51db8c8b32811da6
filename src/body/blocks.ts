/**
 * The blocks a learned body decision reads: every text block (see
 * `features.ts`) of the article container and the chosen region, with the
 * figures the page index already holds turned into a fixed feature vector,
 * and the rules' own verdict (kept in the body or left out by the cleaner).
 *
 * The feature vector is the contract between the training script
 * (`scripts/train.mjs`) and the model module it writes: its names are
 * {@link BLOCK_FEATURES}, in that order.
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, isElement, isInvisibleTag, isText, BLOCK_TAGS } from '../dom/nodes.js';
import type { PageIndex, TextBlock } from './features.js';
import { countChar, countMatches } from '../dom/count.js';
import { UNSPACED_RUN } from '../dom/spaces.js';

/** Tags a block's own tag is told apart by (anything else is "other"). */
const BLOCK_TAG_FEATURES = ['p', 'div', 'li', 'td', 'h2', 'h3', 'h4', 'blockquote', 'figcaption', 'dd', 'span', 'pre'] as const;

/** Ancestor tags whose presence (up to the region's root) is a feature. */
const ANCESTOR_TAG_FEATURES = ['ul', 'ol', 'table', 'aside', 'header', 'footer', 'nav', 'figure', 'form', 'section', 'details', 'blockquote'] as const;

/**
 * Class/id words of the block and its ancestors that are features: the
 * vocabularies of structured article components (summary and key-point
 * boxes, FAQs, recipe and review cards) and of boilerplate (related links,
 * sharing, comments, newsletters, ads). Each word matches as a substring of
 * the lower-cased class and id.
 */
const CLASS_WORDS = [
  'summary',
  'key',
  'highlight',
  'takeaway',
  'intro',
  'lead',
  'standfirst',
  'excerpt',
  'faq',
  'accordion',
  'recipe',
  'ingredient',
  'instruction',
  'step',
  'review',
  'product',
  'card',
  'box',
  'note',
  'quote',
  'table',
  'list',
  'content',
  'article',
  'body',
  'text',
  'story',
  'post',
  'entry',
  'main',
  'related',
  'recommend',
  'more',
  'share',
  'social',
  'comment',
  'newsletter',
  'subscribe',
  'promo',
  'ad',
  'sponsor',
  'author',
  'bio',
  'byline',
  'meta',
  'date',
  'tag',
  'caption',
  'credit',
  'nav',
  'menu',
  'footer',
  'header',
  'sidebar',
  'widget',
] as const;

/** Ancestor levels read for class/id words and tags. */
const ANCESTOR_LEVELS = 6;

/** The feature names, in vector order. */
export const BLOCK_FEATURES: readonly string[] = Object.freeze([
  'bias',
  'logChars',
  'linkDensity',
  'commaRate',
  'logWords',
  'endsSentence',
  'startsUpper',
  'digitShare',
  'ruleKept',
  'inRegion',
  'beforeHeadline',
  'afterHeadline',
  'position',
  'unlikely',
  'depth',
  'prevKept',
  'nextKept',
  'prevLogChars',
  'nextLogChars',
  'prevLinkDensity',
  'nextLinkDensity',
  'shareOfRegion',
  'siblingsKeptShare',
  ...BLOCK_TAG_FEATURES.map((t) => `tag:${t}`),
  'tag:other',
  ...ANCESTOR_TAG_FEATURES.map((t) => `in:${t}`),
  ...CLASS_WORDS.map((w) => `class:${w}`),
  ...CLASS_WORDS.map((w) => `own:${w}`),
]);

/** One block of the region or container, as the model sees it. */
export interface RegionBlock {
  el: Element;
  /** The block's own inline text (nested blocks excluded), collapsed. */
  text: string;
  /**
   * The feature vector, in {@link BLOCK_FEATURES} order. Computed on first
   * read: the learned layer reads it only for the blocks the rules kept that
   * it may leave out, and a vector costs more than everything else here.
   */
  readonly features: number[];
  /** True when the rules keep the block in the body. */
  ruleKept: boolean;
}

/** What {@link regionBlocks} reads of the body the rules chose. */
export interface ChosenRegion {
  roots: readonly Element[];
  skip: ReadonlySet<AnyNode>;
}

/** A digit of any script (the share of digits is a feature: tables of figures, dates, scores). */
const DIGIT = /\p{N}/gu;
const SENTENCE_END = /[.!?…。！？»"”')\]]\s*$/u;
const UPPER_START = /^\s*[\p{Lu}\p{Lo}\d"“«'(]/u;

/** The inline text a block owns: its text nodes, and those of inline children, not of nested blocks. */
export function ownText(el: Element): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && !isInvisibleTag(n.name) && !BLOCK_TAGS.has(n.name)) {
      if (n.name === 'br') parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return parts.join('').replace(UNSPACED_RUN, ' ').trim();
}

/** Whether `el` or one of its ancestors up to (and with) `stop` is in `skip`. */
function skippedUpTo(el: Element, stop: ReadonlySet<Element>, skip: ReadonlySet<AnyNode>): boolean {
  for (let p: AnyNode | null = el; p && isElement(p); p = p.parent) {
    if (skip.has(p)) return true;
    if (stop.has(p)) return false;
  }
  return false;
}

/** The element among `tops` that holds `el`, or null. */
function topOf(el: Element, tops: ReadonlySet<Element>): Element | null {
  for (let p: AnyNode | null = el; p && isElement(p); p = p.parent) if (tops.has(p)) return p;
  return null;
}

/** Document order of the last element inside `el` (its own order when it holds none). */
function lastOrderInside(el: Element, stats: PageIndex['stats']): number {
  let last: Element = el;
  for (;;) {
    let child: Element | null = null;
    for (let i = last.children.length - 1; i >= 0; i--) {
      const c = last.children[i]!;
      if (isElement(c) && stats.has(c)) {
        child = c;
        break;
      }
    }
    if (!child) return stats.get(last)?.order ?? -1;
    last = child;
  }
}

/**
 * The page's text blocks inside the scope elements, in the index's order
 * (a block is listed where its first text is, so a div's own text after a
 * nested paragraph comes after it). A block is inside an element when its
 * document order falls in the element's range: one comparison per block
 * instead of a walk up its ancestors.
 */
function blocksInside(index: PageIndex, scope: readonly Element[]): TextBlock[] {
  const ranges: Array<[number, number]> = [];
  for (const el of scope) {
    const from = index.stats.get(el)?.order;
    if (from !== undefined) ranges.push([from, lastOrderInside(el, index.stats)]);
  }
  if (!ranges.length) return [];
  return index.blocks.filter((b) => {
    const order = index.stats.get(b.el)?.order;
    return order !== undefined && ranges.some(([from, to]) => order >= from && order <= to);
  });
}

/** The class/id words an element's class and id hold, as 0/1 flags in CLASS_WORDS order (cached per element). */
function classWords(el: Element, cache: Map<Element, Uint8Array>): Uint8Array {
  let flags = cache.get(el);
  if (!flags) {
    const ci = classAndId(el).toLowerCase();
    flags = new Uint8Array(CLASS_WORDS.length);
    if (ci) for (let i = 0; i < CLASS_WORDS.length; i++) if (ci.includes(CLASS_WORDS[i]!)) flags[i] = 1;
    cache.set(el, flags);
  }
  return flags;
}

const log1 = (x: number): number => Math.log1p(Math.max(0, x)) / 8;

/** A block of the scope, with what the first pass over the scope learnt of it. */
interface ScopedBlock {
  block: TextBlock;
  inRegion: boolean;
  text: string;
}

/** What every block's features read of the whole scope, gathered in one pass before any vector is made. */
interface ScopeFigures {
  index: PageIndex;
  scope: ReadonlySet<Element>;
  inScope: readonly ScopedBlock[];
  kept: readonly boolean[];
  /** Characters of all the blocks in scope (at least 1). */
  total: number;
  keptShareByParent: ReadonlyMap<AnyNode | null, { kept: number; all: number }>;
  /** Document order of the first and the last block in scope, and of the headline (null without one). */
  first: number;
  last: number;
  headlineOrder: number | null;
  classCache: Map<Element, Uint8Array>;
}

/** The feature vector of the `i`th block in scope ({@link BLOCK_FEATURES} order). */
function blockFeatures(f: ScopeFigures, i: number): number[] {
  const { inScope, kept, scope } = f;
  const b = inScope[i]!;
  const { block, text } = b;
  const st = f.index.stats.get(block.el)!;
  const prev = inScope[i - 1];
  const next = inScope[i + 1];
  const words = countChar(text, ' ') + 1;
  const digits = countMatches(text, DIGIT);
  const ancestors: Element[] = [];
  for (let p = block.el.parent, level = 0; p && isElement(p) && level < ANCESTOR_LEVELS; p = p.parent, level++) {
    ancestors.push(p);
    if (scope.has(p)) break;
  }
  const ancestorNames = new Set(ancestors.map((a) => a.name));
  const ancestorClasses = new Uint8Array(CLASS_WORDS.length);
  for (const a of ancestors) {
    const flags = classWords(a, f.classCache);
    for (let w = 0; w < flags.length; w++) ancestorClasses[w]! |= flags[w]!;
  }
  const siblings = f.keptShareByParent.get(block.el.parent)!;
  const tagIndex = (BLOCK_TAG_FEATURES as readonly string[]).indexOf(block.el.name);
  const { first, last, headlineOrder } = f;
  const features = [
    1,
    log1(block.text),
    block.text ? block.link / block.text : 0,
    block.text ? block.commas / block.text : 0,
    log1(words),
    SENTENCE_END.test(text) ? 1 : 0,
    UPPER_START.test(text) ? 1 : 0,
    text.length ? digits / text.length : 0,
    kept[i] ? 1 : 0,
    b.inRegion ? 1 : 0,
    headlineOrder !== null && st.order < headlineOrder ? 1 : 0,
    headlineOrder !== null && st.order > headlineOrder ? 1 : 0,
    last > first ? (st.order - first) / (last - first) : 0,
    st.unlikely ? 1 : 0,
    Math.min(ancestors.length, ANCESTOR_LEVELS) / ANCESTOR_LEVELS,
    prev ? (kept[i - 1] ? 1 : 0) : 0,
    next ? (kept[i + 1] ? 1 : 0) : 0,
    prev ? log1(prev.block.text) : 0,
    next ? log1(next.block.text) : 0,
    prev && prev.block.text ? prev.block.link / prev.block.text : 0,
    next && next.block.text ? next.block.link / next.block.text : 0,
    block.text / f.total,
    siblings.all ? siblings.kept / siblings.all : 0,
  ];
  // The one-hot and flag groups, appended in place (spreading them made five arrays per block).
  for (let t = 0; t < BLOCK_TAG_FEATURES.length; t++) features.push(t === tagIndex ? 1 : 0);
  features.push(tagIndex < 0 ? 1 : 0);
  for (const t of ANCESTOR_TAG_FEATURES) features.push(ancestorNames.has(t) ? 1 : 0);
  for (const flag of ancestorClasses) features.push(flag);
  for (const flag of classWords(block.el, f.classCache)) features.push(flag);
  return features;
}

/** A {@link RegionBlock} whose feature vector is made on first read. */
class ScopeBlock implements RegionBlock {
  readonly el: Element;
  readonly text: string;
  readonly ruleKept: boolean;
  #features: number[] | null = null;

  constructor(
    private readonly figures: ScopeFigures,
    private readonly position: number,
  ) {
    const b = figures.inScope[position]!;
    this.el = b.block.el;
    this.text = b.text;
    this.ruleKept = figures.kept[position]!;
  }

  get features(): number[] {
    this.#features ??= blockFeatures(this.figures, this.position);
    return this.#features;
  }
}

/**
 * The text blocks of the container (or, without one, of the region), in
 * document order, with their features and the rules' verdict. Blocks
 * without letters or digits are left out (they hold no text to keep).
 */
export function regionBlocks(index: PageIndex, region: ChosenRegion, container: Element | null, headline: Element | null): RegionBlock[] {
  const roots = new Set(region.roots);
  const scope = new Set<Element>(container ? [container, ...region.roots] : region.roots);
  const stats = index.stats;
  const inScope: ScopedBlock[] = [];
  for (const block of blocksInside(index, [...scope])) {
    // Past the call's hard deadline the blocks not yet read are not listed (the model leaves them as the rules decided).
    if (index.budget.passed()) break;
    if (block.text === 0) continue;
    const text = ownText(block.el);
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    inScope.push({ block, inRegion: topOf(block.el, roots) !== null, text });
  }
  const kept = inScope.map((b) => b.inRegion && !skippedUpTo(b.block.el, roots, region.skip));
  const keptShareByParent = new Map<AnyNode | null, { kept: number; all: number }>();
  inScope.forEach((b, i) => {
    const entry = keptShareByParent.get(b.block.el.parent) ?? { kept: 0, all: 0 };
    entry.all++;
    if (kept[i]) entry.kept++;
    keptShareByParent.set(b.block.el.parent, entry);
  });
  const figures: ScopeFigures = {
    index,
    scope,
    inScope,
    kept,
    total: inScope.reduce((a, b) => a + b.block.text, 0) || 1,
    keptShareByParent,
    first: inScope.length ? stats.get(inScope[0]!.block.el)!.order : 0,
    last: inScope.length ? stats.get(inScope[inScope.length - 1]!.block.el)!.order : 1,
    headlineOrder: headline ? (stats.get(headline)?.order ?? null) : null,
    classCache: new Map(),
  };
  return inScope.map((_, i) => new ScopeBlock(figures, i));
}
