/**
 * Stage 3c: choose the article root from the container scores, then the
 * siblings that belong with it (Readability's top-candidate logic).
 */
import type { Element } from 'domhandler';
import { ancestors, childElements, isElement } from '../dom/nodes.js';
import type { PageIndex } from './features.js';
import { isNamedBodyContainer, linkDensity } from './score.js';
import { THRESHOLDS } from './patterns.js';

/** Share of the top score an alternative candidate needs to vote for a common ancestor. */
const ALTERNATIVE_SHARE = 0.75;
/** Alternatives that must share an ancestor for it to replace the top candidate. */
const MIN_ALTERNATIVES = 3;
/** Sibling threshold: max(floor, share × top score). */
const SIBLING_FLOOR = 10;
const SIBLING_SHARE = 0.2;

/** Picks the best-scoring container and adjusts it upwards when the evidence says the article is wider. */
export function chooseRoot(index: PageIndex, scores: ReadonlyMap<Element, number>): Element | null {
  const ranked = [...scores].filter(([el]) => el.name !== 'body').sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, THRESHOLDS.topCandidates);
  if (top.length === 0) return index.body;
  let [root, rootScore] = top[0]!;

  // Several strong candidates under one ancestor: the article is that ancestor.
  const alternatives = top
    .slice(1)
    .filter(([, s]) => s / rootScore >= ALTERNATIVE_SHARE)
    .map(([el]) => ancestors(el));
  if (alternatives.length >= MIN_ALTERNATIVES) {
    let parent = root.parent;
    while (isElement(parent) && parent.name !== 'body') {
      const votes = alternatives.filter((list) => list.includes(parent as Element)).length;
      if (votes >= MIN_ALTERNATIVES) {
        root = parent;
        break;
      }
      parent = parent.parent;
    }
  }
  rootScore = scores.get(root) ?? rootScore;

  // Climb while a parent scores higher: the paragraphs were split across sub-containers.
  let parent = root.parent;
  let lastScore = rootScore;
  const floor = rootScore / 3;
  while (isElement(parent) && parent.name !== 'body' && parent.name !== 'html') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parent;
      continue;
    }
    if (ps < floor) break;
    if (ps > lastScore) {
      root = parent;
      break;
    }
    lastScore = ps;
    parent = parent.parent;
  }

  // Climb through wrappers that hold nothing but the root.
  while (isElement(root.parent) && root.parent.name !== 'body' && root.parent.name !== 'html') {
    const kids = childElements(root.parent).filter((k) => !index.hidden.has(k) && index.stats.has(k));
    if (kids.length !== 1) break;
    root = root.parent;
  }
  return root;
}

/** Ancestor levels {@link widenToProse} looks through. */
const WIDEN_LEVELS = 6;
/** An ancestor must hold this much more prose than the root... */
const WIDEN_MIN_GAIN = 1.15;
/** ...and what it adds must be mostly prose (share of its extra text). */
const WIDEN_MIN_PROSE_SHARE = 0.7;

/**
 * Page builders split one article over several sibling sections; the scorer
 * then picks one section. Widen the root to the highest ancestor (within a few
 * levels) that adds a good deal of prose and little else.
 */
export function widenToProse(index: PageIndex, root: Element, prose: ReadonlyMap<Element, number>): Element {
  // A container the page names as the article body is trusted as it is.
  if (isNamedBodyContainer(root)) return root;
  const base = prose.get(root) ?? 0;
  const baseText = index.stats.get(root)?.text ?? 0;
  let best = root;
  let p = root.parent;
  for (let level = 0; level < WIDEN_LEVELS && isElement(p) && p.name !== 'body' && p.name !== 'html'; level++) {
    const gain = prose.get(p) ?? 0;
    const text = index.stats.get(p)?.text ?? 0;
    const added = text - baseText;
    if (gain >= base * WIDEN_MIN_GAIN && added > 0 && (gain - base) / added >= WIDEN_MIN_PROSE_SHARE) best = p;
    p = p.parent;
  }
  return best;
}

const SENTENCE_END = /\.( |$)/;

/** The root and those of its siblings that carry article content, in document order. */
export function withSiblings(index: PageIndex, root: Element, scores: ReadonlyMap<Element, number>): Element[] {
  const parent = root.parent;
  if (!isElement(parent)) return [root];
  const rootScore = scores.get(root) ?? 0;
  const threshold = Math.max(SIBLING_FLOOR, rootScore * SIBLING_SHARE);
  const rootClass = root.attribs.class ?? '';
  const out: Element[] = [];
  const trusted = isNamedBodyContainer(root);
  let afterRoot = false;
  for (const sib of childElements(parent)) {
    if (sib === root) {
      out.push(sib);
      afterRoot = true;
      continue;
    }
    // Before a named body container stand the header, dek and byline: only its own continuations join it.
    if (trusted && !afterRoot && sib.attribs.class !== root.attribs.class) continue;
    const st = index.stats.get(sib);
    if (!st || st.text === 0) continue;
    const bonus = rootClass !== '' && sib.attribs.class === rootClass ? rootScore * SIBLING_SHARE : 0;
    const score = scores.get(sib);
    if (score !== undefined && score + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.name === 'p') {
      const ld = linkDensity(index, sib);
      if (st.text > 80 && ld < 0.25) out.push(sib);
      else if (st.text < 80 && st.text > 0 && ld === 0 && SENTENCE_END.test(textTail(sib))) out.push(sib);
    }
  }
  return out;
}

function textTail(el: Element): string {
  // The last text child is enough to see whether the paragraph ends a sentence.
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i]!;
    if (c.type === 'text' && c.data.trim()) return c.data.trim();
  }
  return '';
}
