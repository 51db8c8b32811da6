/**
 * Where captions and images are looked for: the article's container (the body
 * region plus the headline and lead figure above it), less the blocks judged
 * boilerplate. Blocks that only Readability's conditional rules removed (an
 * unsure container: a video block with a "Play" button, a gallery with little
 * text) are "weak": their figures still count as the article's.
 *
 * Captions and pictures are found from the page index's lists of images and
 * figures, not by walking the article again: each candidate's place in the
 * scope is read by climbing its ancestors, with every answer remembered, so
 * the cost follows the number of pictures, not the size of the article.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { PageIndex } from '../body/features.js';

/** The part of the page captions and images are read from. */
export interface MediaScope {
  index: PageIndex;
  /** Elements whose subtrees are searched, in page order. */
  roots: readonly Element[];
  /** Subtrees never entered (boilerplate, and what the cleaner left out of the body other than captions). */
  excluded: ReadonlySet<AnyNode>;
  /** Subtrees entered for figures only. */
  weak: ReadonlySet<AnyNode>;
  /** The body region's roots: some caption forms are only read outside them (the body keeps their text). */
  region: ReadonlySet<Element>;
}

/** Flags of a place in the scope. */
export const Place = {
  /** Outside the scope (or inside an excluded or hidden block). */
  Out: -1,
  /** Inside a weak block: only figures count. */
  Weak: 1,
  /** Inside the body region. */
  Region: 2,
} as const;

/** Answers "where in the scope is this element?" for any element of the page. */
export class ScopePlaces {
  private readonly memo = new Map<AnyNode, number>();

  constructor(private readonly scope: MediaScope) {
    for (const root of scope.roots) this.memo.set(root, this.own(root, 0));
  }

  private own(node: AnyNode, inherited: number): number {
    const s = this.scope;
    if (inherited === Place.Out || s.excluded.has(node) || s.index.hidden.has(node as Element)) return Place.Out;
    let flags = inherited;
    if (s.weak.has(node)) flags |= Place.Weak;
    if (s.region.has(node as Element)) flags |= Place.Region;
    return flags;
  }

  /** The place of `el`: {@link Place.Out}, or its Weak and Region flags (0 for plain article content). */
  of(el: AnyNode): number {
    const path: AnyNode[] = [];
    let n: AnyNode | null = el;
    let base: number = Place.Out;
    while (n) {
      const known = this.memo.get(n);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(n);
      n = n.parent;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base = this.own(path[i]!, base);
      this.memo.set(path[i]!, base);
    }
    return base;
  }
}

/**
 * A document-order key for elements the page index has no entry for (images,
 * `noscript`s): the order of the nearest indexed ancestor, plus the element's
 * position among that ancestor's children as a fraction.
 */
export function orderKey(el: Element, index: PageIndex, positions: ChildPositions = new ChildPositions()): number {
  let child: AnyNode = el;
  for (let p = el.parent; p; child = p, p = p.parent) {
    const st = index.stats.get(p as Element);
    if (!st) continue;
    return st.order + (positions.of(p, child) + 1) / (p.children.length + 1);
  }
  return -1;
}

/**
 * Positions of nodes among their parent's children, each parent's read once:
 * looking each of a parent's thousands of images up in its child list would
 * cost images × children.
 */
export class ChildPositions {
  private readonly byParent = new Map<ParentNode, Map<AnyNode, number>>();

  /** The index of `child` in `parent.children` (-1 when it is not there). */
  of(parent: ParentNode, child: AnyNode): number {
    let positions = this.byParent.get(parent);
    if (!positions) {
      positions = new Map();
      for (let i = 0; i < parent.children.length; i++) positions.set(parent.children[i]!, i);
      this.byParent.set(parent, positions);
    }
    return positions.get(child) ?? -1;
  }
}
