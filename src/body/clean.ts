/**
 * Stage 5: clean the chosen article region. Nothing is removed from the tree:
 * each element judged not to be article text goes into a skip set, and each
 * boilerplate block is recorded with its kind and text, in page order — the
 * account a reader needs to see why a block is missing from the body.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, classAndId, isElement, textOf } from '../dom/nodes.js';
import type { BoilerplateKind } from '../types.js';
import { isNamedDek } from '../fields/dek/dek.js';
import { isCaptionBlock, isCaptionedPicture, isCaptionOfBox, isPlainCaption } from '../fields/captions/blocks.js';
import type { ElementStats, PageIndex } from './features.js';
import { AUTHOR_BOX_CLASS, META_LINE_CLASS, META_LINE_ITEMPROP, SHARE_BAR_CLASS } from './patterns.js';
import { areaOfBlock, hasChildBlocks, isLabelElement, isWrapper, looksLikeProse, markupKind, recordedKind, summary, type MarkupKind } from './markup.js';
import { linkDensity, type AttemptFlags } from './score.js';
import {
  COOKIE_TEXT,
  MAX_PITCH_CHARS,
  NEWSLETTER_PITCH,
  isLegalText,
  MAX_LABEL_CHARS,
  RELATED_PREFIX,
  PAYWALL_TEXT,
  SOURCE_LINK_LABEL,
  labelKind,
  normaliseLabel,
} from './vocabulary.js';
import {
  HEADING,
  MAX_CAPS_LINK_LINE_CHARS,
  MAX_DEK_CHARS,
  MAX_LEGAL_CHARS,
  MAX_LINK_LINE_CHARS,
  MAX_META_LINE_CHARS,
  MAX_NOTICE_CHARS,
  MAX_PROMO_CHARS,
  MAX_RELATED_LINE_CHARS,
  MAX_TAG_LIST_CHARS,
  MIN_TAG_LINKS,
  MIN_TAG_LIST_LINK_SHARE,
  PROMO_TAGS,
  PROSE_PARAGRAPH_CHARS,
  conditionalVerdict,
  isCapitals,
  isEntryMeta,
  isInside,
  isPromoBox,
  isStructural,
  isTagList,
  looseTextMemo,
  similar,
} from './clean-checks.js';

/**
 * The rule that removed a block: `markup` (tag, role or class/id vocabulary),
 * `label` (a heading or label such as "Related Articles"), `text` (cookie,
 * paywall and rights notices), `links` (lines and lists of links), `form`,
 * `conditional` (Readability's conditional cleaning: an unsure container),
 * `end` (everything after a comments heading), `area` (a block of a sidebar
 * or site header that no other rule named: it takes the area's kind),
 * `model` (a block the learned body model is sure is not article text, see `learned.ts`).
 */
export type RemovalRule = 'markup' | 'label' | 'text' | 'links' | 'form' | 'conditional' | 'end' | 'area' | 'model';

/** A block kept out of the body, with its element and the rule that removed it. */
export interface RemovedBlock {
  el: Element;
  kind: BoilerplateKind;
  /** The block's visible text (a summary: cut after 300 characters, see `summary` in `markup.ts`). */
  text: string;
  rule: RemovalRule;
}

/** What the cleaner decided. */
export interface CleanResult {
  /** Nodes to leave out of the body. */
  skip: Set<AnyNode>;
  /** Boilerplate removed from the article region, in page order. */
  boilerplate: RemovedBlock[];
  /** Caption blocks printed outside a `<figure>`, left out of the body (the captions field reports them). */
  captions: Set<Element>;
  /** Page areas (sidebars) left out whole: the account of the page around the region labels their blocks. */
  areas: Element[];
}

/** Inputs of the cleaner besides the region. */
export interface CleanContext {
  index: PageIndex;
  flags: AttemptFlags;
  /** The article's headline, to drop its repetition from the body. */
  headline: string | null;
  /** The page's stated description (`pageDescription`): a standfirst that prints it is the dek, not body text. */
  description: string | null;
  /** The chosen root; the other roots are siblings that joined it and are judged like any block. */
  main: Element;
}

/** A block holding more than this share of the region's text is never removed by a class or role rule. */
const MAX_REMOVABLE_SHARE = 0.5;
/**
 * Share and like bars are removed on every attempt, class weights on or off,
 * when they are this short (Readability's `shareElementThreshold`): a page
 * short enough to fall to the last attempt would otherwise keep its
 * "Share this:" and "Like this: Loading..." widgets as body text.
 */
const MAX_SHARE_BAR_CHARS = 500;

/** Longest author box (chars) removed with class weights off: a photo, a name and a few lines of bio. */
const MAX_AUTHOR_BOX_CHARS = 1000;

/** With class weights off, a short share or like widget, or an author box, is still named by its markup. */
function alwaysNamed(el: Element, st: ElementStats): MarkupKind | null {
  const ci = classAndId(el);
  if (!ci) return null;
  if (st.text < MAX_SHARE_BAR_CHARS && SHARE_BAR_CLASS.test(ci)) return { kind: 'share', source: 'class' };
  if (st.text < MAX_AUTHOR_BOX_CHARS && AUTHOR_BOX_CLASS.test(ci)) return { kind: 'other', source: 'class' };
  return null;
}
/** Class/id of a standfirst (dek). 'lead' and 'intro' are left out: in German and Dutch papers they name the first paragraph. */
const DEK_CLASS =
  /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subhead|subheadline|sub-headline|subtitle|sub-title|strapline|summary|excerpt|chapo|chapeau|description|article-description|post-excerpt|sapo)(?=$|[\s_-])/i;
/** Whether `el` is named a standfirst by this cleaner's words, and the page's description does not contradict a weak one (`isNamedDek`). */
function isStandfirst(el: Element, description: string | null): boolean {
  const ci = classAndId(el);
  return DEK_CLASS.test(ci) && isNamedDek(ci, () => textOf(el), description);
}
/** Cleans the article region `roots` and returns what to skip and what was removed. */
export function cleanRegion(roots: readonly Element[], ctx: CleanContext): CleanResult {
  const { index, flags, headline, description } = ctx;
  const skip = new Set<AnyNode>();
  const boilerplate: RemovedBlock[] = [];
  const captions = new Set<Element>();
  const areas: Element[] = [];
  const regionText = roots.reduce((n, r) => n + (index.stats.get(r)?.text ?? 0), 0) || 1;
  let terminated = false;
  /** Whether a prose paragraph has been passed: deks and header lines only come before it. */
  let seenProse = false;
  const hasLooseText = looseTextMemo();

  const drop = (el: Element, kind: BoilerplateKind | null, rule: RemovalRule) => {
    skip.add(el);
    if (!kind || isEntryMeta(el, index, roots)) return;
    const text = summary(el);
    // A block named only "other" (an aside, a dialog, an unsure container) may say more by its label or words.
    const recorded = recordedKind(kind, el, index, text);
    // An unnamed block without words (an image holder the conditional rules removed) says nothing to a reader.
    if (recorded === 'other' && text === '') return;
    boilerplate.push({ el, kind: recorded, text, rule });
  };
  // Everything after `el` in the region: the article has ended (a comments heading).
  const dropRest = (el: Element) => {
    let node: AnyNode | null = el;
    while (node && !roots.includes(node as Element)) {
      for (let sib = node.next; sib; sib = sib.next) {
        if (isElement(sib) && index.stats.get(sib)?.text) boilerplate.push({ el: sib, kind: 'comments', text: summary(sib), rule: 'end' });
        skip.add(sib);
      }
      node = node.parent;
    }
    const at = roots.indexOf(node as Element);
    for (const later of roots.slice(at + 1)) skip.add(later);
    terminated = true;
  };

  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  // Past the time budget the rest of the region is kept as it is (the article so far, not cleaned further).
  while (stack.length && !terminated && !index.budget.passed()) {
    const node = stack.pop()!;
    if (!isElement(node) || skip.has(node)) continue;
    const el = node;
    if (index.hidden.has(el)) {
      skip.add(el);
      continue;
    }
    const st = index.stats.get(el);
    if (!st) continue; // invisible tags: the serialiser drops them
    const isRoot = el === ctx.main;
    const share = st.text / regionText;

    if (!isRoot) {
      // 1. Markup that names boilerplate (tag, role, class/id vocabulary).
      if (isStructural(el, hasLooseText)) {
        // Class and role rules spare a block that holds most of the region; short share bars and
        // author boxes, named on every attempt, go whatever their share (under a two-line post).
        const m = (flags.weightClasses && share < MAX_REMOVABLE_SHARE ? markupKind(el) : null) ?? alwaysNamed(el, st);
        if (m && !looksLikeProse(m.kind, st)) {
          if (areaOfBlock(el, m)) {
            // A sidebar inside the chosen container: left out whole, accounted block by block with the page around.
            skip.add(el);
            areas.push(el);
          } else if (m.source === 'tag' && el.name === 'footer' && !hasChildBlocks(el)) {
            // A one-line story footer (categories, tags) is named by what it holds, not as the site's footer.
            drop(el, 'other', 'markup');
          } else drop(el, m.kind, 'markup');
          continue;
        }
      }
      // 2. The headline repeated, byline and date lines, captions outside figures.
      if (el.name === 'h1' || ((el.name === 'h2' || el.name === 'h3') && headline && similar(textOf(el, { maxChars: 4000 }), headline))) {
        skip.add(el);
        continue;
      }
      if (
        el.name === 'time' ||
        (st.text < MAX_META_LINE_CHARS &&
          el.name !== 'p' &&
          !HEADING.test(el.name) &&
          (BLOCK_TAGS.has(el.name) || isStructural(el, hasLooseText)) &&
          st.paragraphs <= 1 &&
          (META_LINE_CLASS.test(classAndId(el)) || META_LINE_ITEMPROP.test(el.attribs.itemprop ?? '')) &&
          !isInside(el, 'figure') &&
          !isCaptionOfBox(el, index))
      ) {
        // Byline, date, kicker and title lines: fields of their own, not body text.
        skip.add(el);
        continue;
      }
      if (!seenProse && st.text < MAX_DEK_CHARS && st.paragraphs <= 2 && isStandfirst(el, description)) {
        // The standfirst above the body: the dek field, not body text.
        skip.add(el);
        continue;
      }
      if ((isCaptionBlock(el, index) || isPlainCaption(el, index)) && !isInside(el, 'figure')) {
        // Captions printed outside a <figure>: not body text (the captions field reports them).
        // A caption-classed wrapper holding the image is not one: the walk goes on to its parts.
        skip.add(el);
        captions.add(el);
        continue;
      }
      // Text rules read an element's whole text; a wrapper around one child that holds all of it
      // is left to that child, which keeps deep single-child nesting linear.
      const wrapper = isWrapper(el, st.text, index);
      // 3. Labels and headings that name boilerplate ("Related Articles", "- Advertisement -").
      // One read of a short block's text serves the label rules and the text rules below.
      const shortText = !wrapper && st.text > 0 && (st.text <= MAX_LABEL_CHARS || (st.text < MAX_NOTICE_CHARS && BLOCK_TAGS.has(el.name))) ? textOf(el) : '';
      if (shortText && st.text <= MAX_LABEL_CHARS) {
        const text = shortText;
        const kind = isLabelElement(el) ? labelKind(text) : null;
        if (kind) {
          if (kind === 'comments' && /^h[1-6]$/.test(el.name)) {
            drop(el, 'comments', 'label');
            dropRest(el);
            break;
          }
          const section = labelSection(el, index, regionText, roots);
          drop(section, kind, 'label');
          if (section === el && kind === 'related' && /^h[1-6]$/.test(el.name)) dropFollowingLinkLists(el, index, drop);
          continue;
        }
        if (SOURCE_LINK_LABEL.test(normaliseLabel(text)) && st.link > 0 && !hasChildBlocks(el)) {
          drop(el, 'other', 'label');
          continue;
        }
      }
      if (shortText && st.text < MAX_NOTICE_CHARS && BLOCK_TAGS.has(el.name)) {
        const text = shortText;
        if (COOKIE_TEXT.test(text)) {
          drop(el, 'cookie', 'text');
          continue;
        }
        if (PAYWALL_TEXT.test(text)) {
          drop(el, 'paywall', 'text');
          continue;
        }
        // A "©" in a caption is a photo credit, not a rights notice.
        if (
          st.text < MAX_LEGAL_CHARS &&
          isLegalText(text) &&
          !hasChildBlocks(el) &&
          el.name !== 'figcaption' &&
          !isInside(el, 'figure') &&
          !isCaptionedPicture(el, index)
        ) {
          drop(el, 'footer', 'text');
          continue;
        }
      }
      if (
        (el.name === 'p' || (el.name === 'div' && !wrapper)) &&
        st.link > 0 &&
        st.text < MAX_PITCH_CHARS &&
        !hasChildBlocks(el) &&
        NEWSLETTER_PITCH.test(textOf(el))
      ) {
        // "Sign up for <a>The Brief</a> to get our free newsletter": a pitch in the article's own words.
        drop(el, 'newsletter', 'text');
        continue;
      }
      if (!wrapper && st.text < MAX_RELATED_LINE_CHARS && st.link / Math.max(st.text, 1) > 0.5 && !hasChildBlocks(el) && RELATED_PREFIX.test(textOf(el))) {
        // "READ MORE: <headline>" lines inside the body.
        drop(el, 'related', 'links');
        continue;
      }
      if (!wrapper && st.links >= MIN_TAG_LINKS && st.text < MAX_TAG_LIST_CHARS && st.link / st.text > MIN_TAG_LIST_LINK_SHARE && isTagList(el)) {
        // The story's tags: "Tags: a, b, c", each a rel="tag" link.
        drop(el, 'other', 'links');
        continue;
      }
      if (!wrapper && st.text < MAX_PROMO_CHARS && PROMO_TAGS.has(el.name) && isPromoBox(el, index)) {
        drop(el, 'ad', 'links');
        continue;
      }
      // 4. Conditional cleaning of unsure containers.
      const verdict = conditionalVerdict(el, index, flags);
      if (verdict && share < MAX_REMOVABLE_SHARE) {
        drop(el, verdict, 'conditional');
        continue;
      }
      // 5. Short blocks made of a link: "Read more: ...", teaser lines.
      if (
        (el.name === 'p' || el.name === 'li' || el.name === 'div') &&
        st.text > 0 &&
        st.link / st.text > 0.8 &&
        !hasChildBlocks(el) &&
        (st.text < MAX_LINK_LINE_CHARS || (st.text < MAX_CAPS_LINK_LINE_CHARS && st.link / st.text > 0.95 && isCapitals(textOf(el))))
      ) {
        // A "Source link" line of a republished story is a pointer to the original, not a related article.
        drop(el, SOURCE_LINK_LABEL.test(normaliseLabel(textOf(el))) ? 'other' : 'related', 'links');
        continue;
      }
    }
    if (!seenProse && (el.name === 'p' || el.name === 'font') && st.text >= PROSE_PARAGRAPH_CHARS && st.link / st.text < 0.3) seenProse = true;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  void linkDensity;
  return { skip, boilerplate, captions, areas };
}

/**
 * The block a label stands for: the label's smallest container that holds
 * little besides the labelled list (a "Related Articles" box), else the label itself.
 */
function labelSection(label: Element, index: PageIndex, regionText: number, roots: readonly Element[]): Element {
  let best = label;
  let p = label.parent;
  for (let level = 0; level < 3 && isElement(p) && !roots.includes(p); level++) {
    const st = index.stats.get(p);
    if (!st) break;
    if (st.text / regionText >= MAX_REMOVABLE_SHARE) break;
    const ld = st.text > 0 ? st.link / st.text : 0;
    // A box of links, or a small box around the label (an ad slot, a newsletter teaser).
    if (ld > 0.4 || st.text < 300) best = p;
    else break;
    p = p.parent;
  }
  return best;
}

/** After a "Related" heading that stood alone, drop the linky lists and blocks that follow it. */
function dropFollowingLinkLists(heading: Element, index: PageIndex, drop: (el: Element, kind: BoilerplateKind, rule: RemovalRule) => void): void {
  for (let sib = heading.next; sib; sib = sib.next) {
    if (!isElement(sib)) continue;
    const st = index.stats.get(sib);
    if (!st) continue;
    if (/^h[1-6]$/.test(sib.name)) break;
    const ld = st.text > 0 ? st.link / st.text : 0;
    if (ld > 0.5 || (st.text === 0 && st.images > 0)) drop(sib, 'related', 'links');
    else break;
  }
}
