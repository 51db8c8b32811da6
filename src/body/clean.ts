/**
 * Stage 5: clean the chosen article region. Nothing is removed from the tree:
 * each element judged not to be article text goes into a skip set, and each
 * boilerplate block is recorded with its kind and text, in page order — the
 * account a reader needs to see why a block is missing from the body.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { BLOCK_TAGS, classAndId, isElement, isText, textOf } from '../dom/nodes.js';
import type { BoilerplateKind } from '../types.js';
import { isNamedDek } from '../fields/dek/dek.js';
import { isCaptionBlock, isCaptionedPicture, isCaptionOfBox, isPlainCaption } from '../fields/captions/blocks.js';
import type { ElementStats, PageIndex } from './features.js';
import { AUTHOR_BOX_CLASS, META_LINE_CLASS, META_LINE_ITEMPROP, SHARE_BAR_CLASS, TAG_LINK_REL } from './patterns.js';
import { areaOfBlock, hasChildBlocks, isLabelElement, isWrapper, looksLikeProse, markupKind, recordedKind, summary, type MarkupKind } from './markup.js';
import { classWeight, linkDensity, type AttemptFlags } from './score.js';
import { COOKIE_TEXT, CTA_LINK, MAX_PITCH_CHARS, NEWSLETTER_PITCH, isLegalText, MAX_LABEL_CHARS, RELATED_PREFIX, PAYWALL_TEXT, SOURCE_LINK_LABEL, labelKind, normaliseLabel } from './vocabulary.js';

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
const DEK_CLASS = /(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subhead|subheadline|sub-headline|subtitle|sub-title|strapline|summary|excerpt|chapo|chapeau|description|article-description|post-excerpt|sapo)(?=$|[\s_-])/i;
/** Whether `el` is named a standfirst by this cleaner's words, and the page's description does not contradict a weak one (`isNamedDek`). */
function isStandfirst(el: Element, description: string | null): boolean {
  const ci = classAndId(el);
  return DEK_CLASS.test(ci) && isNamedDek(ci, () => textOf(el), description);
}
/** Longest "Read more: ..." line (chars). */
const MAX_RELATED_LINE_CHARS = 250;
/** Longest paragraph (chars) made of a link that is a teaser line ("Read more: ..."). */
const MAX_LINK_LINE_CHARS = 100;
/**
 * Longer, up to this (chars), when it is all capitals: the headline of
 * another story set as a link between paragraphs ("TAYLOR SWIFT CLEARED TO
 * PERFORM HITS AT AMAS AMID FEUD WITH ...").
 */
const MAX_CAPS_LINK_LINE_CHARS = 250;

/** Whether a text's letters are capitals (at least 20 of them, and no lower-case letter). */
function isCapitals(text: string): boolean {
  let upper = 0;
  for (const ch of text) {
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) upper++;
  }
  return upper >= 20;
}

/** Longest block (chars) read for a cookie, paywall or rights notice. */
const MAX_NOTICE_CHARS = 400;
/** Longest promotional box (chars): a heading, a line of pitch and a call-to-action link. */
const MAX_PROMO_CHARS = 300;
const PROMO_TAGS = new Set(['div', 'aside', 'section']);

/** A tag list has at least this many links... */
const MIN_TAG_LINKS = 2;
/** ...at most this much text (chars)... */
const MAX_TAG_LIST_CHARS = 1000;
/** ...and more than this share of it in links ("Tags" and commas are the rest). */
const MIN_TAG_LIST_LINK_SHARE = 0.6;

/** Elements a tag list holds at most (a bound on the walk below for pathological nesting). */
const MAX_TAG_LIST_ELEMENTS = 300;

/** Whether every link inside `el` is a tag link (rel="tag"). */
function isTagList(el: Element): boolean {
  let links = 0;
  let seen = 0;
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (++seen > MAX_TAG_LIST_ELEMENTS) return false;
    if (n.name === 'a') {
      if (!TAG_LINK_REL.test(n.attribs.rel ?? '')) return false;
      links++;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return links >= MIN_TAG_LINKS;
}

/** A small box with a heading whose links are all calls to action ("Get our resources ... Browse the library"). */
function isPromoBox(el: Element, index: PageIndex): boolean {
  const st = index.stats.get(el);
  if (!st || st.links === 0 || st.paragraphs > 2) return false;
  let heading = false;
  let ctas = 0;
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (HEADING.test(n.name)) heading = true;
    if (n.name === 'a') {
      // One link that is not a call to action and the box is something else.
      if (!CTA_LINK.test(textOf(n))) return false;
      ctas++;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return heading && ctas > 0;
}

/** Longest block (chars) taken for a rights trailer. */
const MAX_LEGAL_CHARS = 300;
/** A paragraph this long (chars) marks the start of the article text. */
const PROSE_PARAGRAPH_CHARS = 120;
/** Longest text (chars) of a dek. */
const MAX_DEK_CHARS = 600;
const HEADING = /^h[1-6]$/;
/** Longest text (chars) such a metadata line may have. */
const MAX_META_LINE_CHARS = 200;
/** Containers the conditional cleaning judges (Readability `_cleanConditionally`). */
const CONDITIONAL_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'aside', 'header', 'dl']);
/** Tags the class/id vocabularies are applied to (not inline text such as a link inside a sentence). */
function isStructural(el: Element, hasLooseText: (parent: ParentNode | null) => boolean): boolean {
  return BLOCK_TAGS.has(el.name) || el.name === 'ins' || el.name.includes('-') || el.name === 'span' && el.children.length > 0 && !hasLooseText(el.parent);
}

/**
 * Whether a parent holds text of its own beside its elements, memoised for
 * one cleaning pass: a parent's children are read once, not once per span
 * child (100,000 sibling spans would otherwise cost 10^10 steps).
 */
function looseTextMemo(): (parent: ParentNode | null) => boolean {
  const memo = new Map<ParentNode, boolean>();
  return (parent) => {
    if (!parent) return false;
    let known = memo.get(parent);
    if (known === undefined) {
      known = parent.children.some((c) => isText(c) && c.data.trim() !== '');
      memo.set(parent, known);
    }
    return known;
  };
}

/** Longest header or footer line (chars) of an entry that is its time or author, not boilerplate. */
const MAX_ENTRY_META_CHARS = 200;

/**
 * True for the header or footer line of an entry inside the region (a live
 * blog's update, a comment): its time and author are left out of the body
 * like a byline, and are not boilerplate to report.
 */
function isEntryMeta(el: Element, index: PageIndex, roots: readonly Element[]): boolean {
  if (el.name !== 'header' && el.name !== 'footer') return false;
  const st = index.stats.get(el);
  if (!st || st.text > MAX_ENTRY_META_CHARS || st.links > 2) return false;
  for (let p = el.parent; isElement(p) && !roots.includes(p); p = p.parent) if (p.name === 'article') return true;
  return false;
}

function isDataTable(el: Element, index: PageIndex): boolean {
  if (el.name !== 'table') return false;
  if (el.attribs.role === 'presentation') return false;
  // Cheap structural tests: a caption or header cells mark data; layout tables carry large blocks.
  let cells = 0;
  let headers = false;
  const stack: AnyNode[] = [...el.children];
  while (stack.length && cells < 200) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'table') continue; // nested tables are judged on their own
    if (n.name === 'caption' || n.name === 'th' || n.name === 'thead') headers = true;
    if (n.name === 'td' || n.name === 'th') cells++;
    for (const c of n.children) stack.push(c);
  }
  const st = index.stats.get(el);
  return headers || (cells > 10 && (st ? st.text / Math.max(cells, 1) < 200 : true));
}

/** Readability's conditional cleaning: the kind of boilerplate an unsure container looks like, or null to keep it. */
function conditionalVerdict(el: Element, index: PageIndex, flags: AttemptFlags): BoilerplateKind | null {
  if (!flags.cleanConditionally || !CONDITIONAL_TAGS.has(el.name)) return null;
  if (isDataTable(el, index)) return null;
  const st = index.stats.get(el);
  if (!st) return null;
  // A picture with its caption is a figure in all but name (Readability keeps figures): never an unsure container.
  if (isCaptionedPicture(el, index)) return null;
  const weight = flags.weightClasses ? classWeight(el) : 0;
  if (weight < 0) return 'other';
  if (st.commas >= 10) return null;
  const isList = el.name === 'ul' || el.name === 'ol' || el.name === 'dl';
  const ld = st.text > 0 ? st.link / st.text : 0;
  const p = st.paragraphs;
  if (st.images > 1 && p / st.images < 0.5 && !isInside(el, 'figure')) return 'other';
  if (!isList && st.listItems > p + 3 && ld > 0.2) return 'related';
  if (st.inputs > Math.floor(p / 3)) return 'other';
  if (!isList && st.text < 25 && (st.images === 0 || st.images > 2) && ld > 0) return 'other';
  if (weight < 25 && ld > 0.2 && st.text < 1000) return isList ? 'related' : 'other';
  if (weight >= 25 && ld > 0.5) return 'related';
  if ((st.embeds === 1 && st.text < 75) || st.embeds > 1) return 'other';
  return null;
}

function isInside(el: Element, tag: string): boolean {
  let p = el.parent;
  while (isElement(p)) {
    if (p.name === tag) return true;
    p = p.parent;
  }
  return false;
}

function similar(a: string, b: string): boolean {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  return x !== '' && (x === y || (y.length > 20 && x.includes(y) && x.length < y.length * 1.3));
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
      if (el.name === 'time' || (st.text < MAX_META_LINE_CHARS && el.name !== 'p' && !HEADING.test(el.name) && (BLOCK_TAGS.has(el.name) || isStructural(el, hasLooseText)) && st.paragraphs <= 1 && (META_LINE_CLASS.test(classAndId(el)) || META_LINE_ITEMPROP.test(el.attribs.itemprop ?? '')) && !isInside(el, 'figure') && !isCaptionOfBox(el, index))) {
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
          if (section === el && (kind === 'related') && /^h[1-6]$/.test(el.name)) dropFollowingLinkLists(el, index, drop);
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
        if (st.text < MAX_LEGAL_CHARS && isLegalText(text) && !hasChildBlocks(el) && el.name !== 'figcaption' && !isInside(el, 'figure') && !isCaptionedPicture(el, index)) {
          drop(el, 'footer', 'text');
          continue;
        }
      }
      if ((el.name === 'p' || (el.name === 'div' && !wrapper)) && st.link > 0 && st.text < MAX_PITCH_CHARS && !hasChildBlocks(el) && NEWSLETTER_PITCH.test(textOf(el))) {
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
      if ((el.name === 'p' || el.name === 'li' || el.name === 'div') && st.text > 0 && st.link / st.text > 0.8 && !hasChildBlocks(el)
        && (st.text < MAX_LINK_LINE_CHARS || (st.text < MAX_CAPS_LINK_LINE_CHARS && st.link / st.text > 0.95 && isCapitals(textOf(el))))) {
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
