/**
 * Stage 3b: score containers by the paragraphs they hold (Readability's
 * propagation, computed over the side tables of {@link indexPage}: no tree
 * mutation, no repeated text walks).
 */
import type { Element } from 'domhandler';
import { attr, classAndId, isElement } from '../dom/nodes.js';
import { own } from '../own.js';
import type { PageIndex } from './features.js';
import { BODY_CONTAINER_HINT, NEGATIVE_HINT, POSITIVE_HINT, SCORABLE_TAGS, THRESHOLDS, WEIGHTS } from './patterns.js';

/** Switches of one attempt of the retry ladder (Readability's flags). */
export interface AttemptFlags {
  /** Leave blocks inside menus, sidebars, comments... out of the scores. */
  stripUnlikely: boolean;
  /** Use class/id hints as weights. */
  weightClasses: boolean;
  /** Remove linky, image-heavy or form-heavy containers from the body. */
  cleanConditionally: boolean;
}

/** The ladder: each attempt drops one more switch; the best attempt wins. */
export const ATTEMPTS: readonly AttemptFlags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

/** Class/id weight of an element: ±25 per hint in class and in id, plus the body-container bonus. */
export function classWeight(el: Element): number {
  let w = 0;
  const cls = el.attribs.class;
  const id = el.attribs.id;
  if (cls) {
    if (NEGATIVE_HINT.test(cls)) w -= WEIGHTS.classHint;
    if (POSITIVE_HINT.test(cls)) w += WEIGHTS.classHint;
  }
  if (id) {
    if (NEGATIVE_HINT.test(id)) w -= WEIGHTS.classHint;
    if (POSITIVE_HINT.test(id)) w += WEIGHTS.classHint;
  }
  const ip = attr(el, 'itemprop');
  if (ip && /\barticlebody\b/i.test(ip)) w += WEIGHTS.bodyContainer;
  else {
    const ci = classAndId(el);
    if (ci && BODY_CONTAINER_HINT.test(ci)) w += WEIGHTS.bodyContainer;
  }
  return w;
}

/** True for an element the page itself names as the article body (`itemprop=articleBody`, "entry-content", ...). */
export function isNamedBodyContainer(el: Element): boolean {
  const ip = attr(el, 'itemprop');
  if (ip && /\barticlebody\b/i.test(ip)) return true;
  const ci = classAndId(el);
  return ci !== '' && BODY_CONTAINER_HINT.test(ci);
}

/** Link density of an element: link characters over text characters. */
export function linkDensity(index: PageIndex, el: Element): number {
  const s = index.stats.get(el);
  return s && s.text > 0 ? s.link / s.text : 0;
}

/** Tags whose text block scores its parent first; other owners (divs of phrasing content) score themselves first. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd']);

/**
 * Scores every container of the page for one attempt. Returns the final
 * scores (already multiplied by 1 − link density).
 */
export function scoreContainers(index: PageIndex, flags: AttemptFlags): Map<Element, number> {
  return scoreAndMeasure(index, flags).scores;
}

/** Container scores plus, per element, the characters of prose blocks (long, link-free paragraphs) it holds. */
export interface Scoring {
  scores: Map<Element, number>;
  prose: Map<Element, number>;
}

/** A block counts as prose when it is at least this long and its links are under this density. */
const PROSE_MIN_CHARS = 80;
const PROSE_MAX_LINK_DENSITY = 0.3;

/** Scores containers and measures the prose each element holds, in one pass over the text blocks. */
export function scoreAndMeasure(index: PageIndex, flags: AttemptFlags): Scoring {
  const raw = new Map<Element, number>();
  const prose = new Map<Element, number>();
  const init = (el: Element): number => {
    let s = raw.get(el);
    if (s === undefined) {
      s = own(WEIGHTS.tagBase, el.name) ?? 0;
      if (flags.weightClasses) s += classWeight(el);
      raw.set(el, s);
    }
    return s;
  };
  for (const block of index.blocks) {
    if (index.budget.passed()) break;
    if (block.text < THRESHOLDS.minBlockChars) continue;
    const el = block.el;
    if (!SCORABLE_TAGS.has(el.name)) continue;
    const st = index.stats.get(el);
    if (!st || st.excluded || (flags.stripUnlikely && st.unlikely)) continue;
    if (block.text >= PROSE_MIN_CHARS && block.link / block.text < PROSE_MAX_LINK_DENSITY) {
      for (let a: Element | null = el; a; a = isElement(a.parent) ? a.parent : null) prose.set(a, (prose.get(a) ?? 0) + block.text);
    }
    const content = 1 + block.commas + Math.min(Math.floor(block.text / 100), 3);
    let target: Element | null = PARAGRAPH_TAGS.has(el.name) ? (isElement(el.parent) ? el.parent : null) : el;
    for (let level = 0; target && level < THRESHOLDS.ancestorLevels; level++) {
      if (target.name === 'html') break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      raw.set(target, init(target) + content / divider);
      target = isElement(target.parent) ? target.parent : null;
    }
  }
  const final = new Map<Element, number>();
  for (const [el, s] of raw) final.set(el, s * (1 - linkDensity(index, el)));
  return { scores: final, prose };
}
