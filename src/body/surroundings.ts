/**
 * The account of the page around the article region: the site header and
 * menus, sidebars, "Related" and "Latest" lists, comment sections and forms,
 * newsletter boxes, footers and cookie banners, each with its kind and text.
 *
 * One walk over the page, in page order, that never enters the region (the
 * cleaner accounts for it) and never classifies an ancestor of the region. A
 * block is named by the first rule that fires: forms, markup (tag, ARIA role,
 * class/id vocabulary), a label or heading ("Related Articles", "Leave a
 * reply"), a cookie/paywall/rights notice, link density. A named block is
 * recorded whole and not entered. Sidebars and site headers are areas: the
 * walk enters them, and a block no rule names takes the area's kind.
 *
 * Every rule reads the side tables of the page index or a short text; the
 * only subtree scans (link counts, form inputs) happen on blocks that are
 * then recorded and never entered again, so the walk stays linear.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, classAndId, isElement, textOf } from '../dom/nodes.js';
import type { BoilerplateKind } from '../types.js';
import type { RemovedBlock, RemovalRule } from './clean.js';
import type { ElementStats, PageIndex } from './features.js';
import {
  areaOfBlock,
  hasChildBlocks,
  isLabelElement,
  isWrapper,
  looksLikeProse,
  markupKind,
  openingLabelKind,
  recordedKind,
  summary,
  type MarkupKind,
} from './markup.js';
import { META_LINE_CLASS, MENU_LINK_CHARS, SHARE_LINK } from './patterns.js';
import { COOKIE_TEXT, MAX_LABEL_CHARS, PAYWALL_TEXT, isLegalText, labelKind } from './vocabulary.js';

/** A removed block with its place in the page (document order; hidden blocks sit between visible ones). */
export interface PlacedBlock extends RemovedBlock {
  order: number;
}

/** Inputs of {@link accountSurroundings}. */
export interface SurroundingsContext {
  index: PageIndex;
  /** The body region's roots (empty when the page holds no article). */
  region: readonly Element[];
  /** The article's container (region, headline, lead figure), or null. Link lines inside it need 3 links to count. */
  container: Element | null;
  /** The article's headline element: a block holding it is never an area. */
  headline: Element | null;
  /** Areas inside the region that the cleaner left out whole (a sidebar in the chosen container): accounted block by block. */
  areas?: readonly Element[];
}

/** Kinds of hidden blocks that scripts show to every reader (a consent banner, a paywall or newsletter overlay). */
const SHOWN_BY_SCRIPT: ReadonlySet<BoilerplateKind> = new Set(['cookie', 'paywall', 'newsletter']);
/**
 * Link lists inside the article container need this many links and this
 * density to be boilerplate: a byline and date line is mostly links too
 * ("by <Name> June 19 in <Section>, <Section>").
 */
const MIN_LINKS_IN_ARTICLE = 3;
const LINK_LIST_DENSITY_IN_ARTICLE = 0.8;
/** A block whose text is more than this share of links is a list of links. */
const LINK_LIST_DENSITY = 0.5;
/** A block holding more than this share of the page's text is a wrapper of several blocks, not one list. */
const LINK_LIST_MAX_PAGE_SHARE = 0.3;
/** Ancestor levels a label's section may reach. */
const SECTION_LEVELS = 4;
/** A label's section grows while the container is mostly links or this short. */
const SECTION_SHORT_CHARS = 300;
const SECTION_LINK_DENSITY = 0.4;
/** Under a "Related"/"More from" label, teasers with a line of description each are still the section. */
const RELATED_SECTION_LINK_DENSITY = 0.25;
/** Share of its links a list needs pointing to share targets to be a share bar ("Comments (48)" may sit beside the buttons). */
const SHARE_LIST_SHARE = 0.6;
/** Links whose targets are read to tell a share bar. */
const SHARE_LINKS_READ = 6;
/** Longest block (chars) the notice rules (cookie, paywall, rights) read. */
const MAX_NOTICE_CHARS = 400;
/** A link-free paragraph this long inside the article container is prose (a standfirst), never boilerplate. */
const MIN_PROSE_PARAGRAPH_CHARS = 80;
/** Longest byline or date line (chars) inside the article container: a field, passed over. */
const MAX_META_LINE_CHARS = 200;
/** Bound on the nodes scanned to classify a form. */
const FORM_SCAN_LIMIT = 512;
const SEARCH_NAME = /^(?:s|q|query|search|keywords?|searchterm|search_query)$/i;

interface Verdict {
  kind: BoilerplateKind;
  rule: RemovalRule;
  /** The block recorded: the element itself, or the section a label stands for. */
  block: Element;
}

/** The kind of a form: search (navigation), comments, newsletter sign-up, or other (login, contact). */
function formKind(form: Element): BoilerplateKind {
  const a = form.attribs;
  const own = `${a.class ?? ''} ${a.id ?? ''} ${a.action ?? ''} ${a.role ?? ''}`.toLowerCase();
  if (own.includes('search')) return 'navigation';
  if (own.includes('comment')) return 'comments';
  if (/newsletter|subscri|signup|sign-up|mailchimp|mc4wp/.test(own)) return 'newsletter';
  let email = false;
  let password = false;
  const stack: AnyNode[] = [...form.children];
  let budget = FORM_SCAN_LIMIT;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'textarea') return 'comments';
    if (n.name === 'input') {
      const type = (n.attribs.type ?? 'text').toLowerCase();
      const name = `${n.attribs.name ?? ''} ${n.attribs.id ?? ''} ${n.attribs.placeholder ?? ''}`.toLowerCase();
      if (type === 'search' || SEARCH_NAME.test(n.attribs.name ?? '')) return 'navigation';
      if (type === 'password') password = true;
      if (type === 'email' || name.includes('email') || name.includes('e-mail')) email = true;
    }
    for (const c of n.children) stack.push(c);
  }
  return email && !password ? 'newsletter' : 'other';
}

/**
 * The kind of a list of links: share buttons (by their targets), a menu
 * (short links) or a list of other articles (headline-long links). The link
 * count and length come from the page index; only the first few targets are
 * read, to tell a share bar.
 */
function linkListKind(el: Element, st: ElementStats): BoilerplateKind {
  let seen = 0;
  let shares = 0;
  const stack: AnyNode[] = [el];
  while (stack.length && seen < SHARE_LINKS_READ) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'a') {
      seen++;
      if (SHARE_LINK.test((n.attribs.href ?? '').trim())) shares++;
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  if (seen > 0 && shares >= seen * SHARE_LIST_SHARE) return 'share';
  return st.link / st.links < MENU_LINK_CHARS ? 'navigation' : 'related';
}

/** True when nothing with text comes before `child` inside `parent`: a label there opens the whole parent. */
function opensWith(parent: Element, child: Element, index: PageIndex): boolean {
  for (const c of parent.children) {
    if (c === child) return true;
    if (isElement(c)) {
      if ((index.stats.get(c)?.text ?? 0) > 0) return false;
    } else if (c.type === 'text' && c.data.trim() !== '') return false;
  }
  return false;
}

/**
 * Walks the page around the region and returns its boilerplate blocks in
 * page order, each with its kind, text, rule and place.
 */
export function accountSurroundings(ctx: SurroundingsContext): PlacedBlock[] {
  const { index, container } = ctx;
  const region = new Set<Element>(ctx.region);
  const around = new Set<Element>();
  for (const root of ctx.region) for (let p = root.parent; isElement(p); p = p.parent) around.add(p);
  const holdsHeadline = new Set<Element>();
  for (let p: AnyNode | null = ctx.headline; isElement(p); p = p.parent) holdsHeadline.add(p);

  const pageText = (index.body ? index.stats.get(index.body)?.text : 0) || 1;
  const out: PlacedBlock[] = [];
  /** Areas entered: a label's section never grows past one. */
  const areaEls = new Set<Element>();
  /** Elements whose subtrees are accounted for (a label's section, entered before the label was seen). */
  const closed = new Set<AnyNode>();
  let lastOrder = -1;

  const record = (el: Element, kind: BoilerplateKind, rule: RemovalRule, order: number) => {
    const text = summary(el);
    // A block named only "other" (an aside, a dialog, a sidebar line) may say more by its label or words.
    out.push({ el, kind: recordedKind(kind, el, index, text), rule, text, order });
  };

  /** The section a label stands for: its ancestors that it opens, while they are mostly links or short. */
  const sectionOf = (label: Element, kind: BoilerplateKind): Element => {
    const density = kind === 'related' ? RELATED_SECTION_LINK_DENSITY : SECTION_LINK_DENSITY;
    let best = label;
    let p = label.parent;
    for (let level = 0; level < SECTION_LEVELS && isElement(p); level++, p = p.parent) {
      if (around.has(p) || region.has(p) || areaEls.has(p) || p.name === 'body' || holdsHeadline.has(p)) break;
      const st = index.stats.get(p);
      if (!st || !opensWith(p, best, index)) break;
      // A comments heading opens its whole container, however long the thread (one level up).
      if ((kind === 'comments' && best === label) || st.link / Math.max(st.text, 1) > density || st.text < SECTION_SHORT_CHARS) best = p;
      else break;
    }
    return best;
  };

  /** The verdict on a block: boilerplate, `field` (a byline or date line: pass over it), or null (look inside). */
  const classify = (el: Element, st: ElementStats, ci: string, m: MarkupKind | null, inArticle: boolean): Verdict | 'field' | null => {
    if (el.name === 'form' || el.attribs.role === 'search') return { kind: formKind(el), rule: 'form', block: el };
    // A paragraph of prose beside the body (a standfirst, even one classed "teaser") is the article's own text.
    if (inArticle && el.name === 'p' && st.link === 0 && st.text >= MIN_PROSE_PARAGRAPH_CHARS) return 'field';
    if (m && !looksLikeProse(m.kind, st)) {
      return { kind: m.kind, rule: 'markup', block: el };
    }
    if (inArticle && ci && st.text < MAX_META_LINE_CHARS && META_LINE_CLASS.test(ci)) return 'field';
    // A figure is the article's picture and its caption ("... © Bloomberg" is a credit, not a rights notice).
    if (el.name === 'figure' || el.name === 'figcaption') return 'field';
    // An <article> around the article's region is a teaser card of another story (a list, a front page).
    if (el.name === 'article' && st.links > 0) return { kind: 'related', rule: 'markup', block: el };
    // A block that only wraps another block leaves the text rules to it (deep wrappers stay linear);
    // one that wraps inline text (<td><font>...</font></td>) is read itself.
    const wrapper = isWrapper(el, st.text, index) && hasChildBlocks(el);
    // One read of a short block's text serves the label and the notice rules (notices are leaf blocks).
    const text = !wrapper && st.text > 0 && (st.text <= MAX_LABEL_CHARS || (st.text < MAX_NOTICE_CHARS && !hasChildBlocks(el))) ? textOf(el) : '';
    if (text && st.text <= MAX_LABEL_CHARS && isLabelElement(el)) {
      const kind = labelKind(text);
      if (kind) return { kind, rule: 'label', block: sectionOf(el, kind) };
    }
    if (text && BLOCK_TAGS.has(el.name)) {
      if (COOKIE_TEXT.test(text)) return { kind: 'cookie', rule: 'text', block: el };
      if (PAYWALL_TEXT.test(text)) return { kind: 'paywall', rule: 'text', block: el };
      if (isLegalText(text) && !hasChildBlocks(el)) return { kind: 'footer', rule: 'text', block: el };
    }
    if (
      st.text > 1 &&
      st.links > 0 &&
      st.text <= pageText * LINK_LIST_MAX_PAGE_SHARE &&
      st.link / st.text > (inArticle ? LINK_LIST_DENSITY_IN_ARTICLE : LINK_LIST_DENSITY)
    ) {
      // The label a list opens with ("Latest news", "最新ニュース") says more than the length of its links.
      if (!inArticle || st.links >= MIN_LINKS_IN_ARTICLE) return { kind: openingLabelKind(el, index) ?? linkListKind(el, st), rule: 'links', block: el };
    }
    return null;
  };

  // Explicit stack of (node, area kind, inside the article container).
  const nodes: AnyNode[] = [];
  const areas: Array<BoilerplateKind | null> = [];
  const inside: boolean[] = [];
  const enter = (parent: { children: AnyNode[] }, area: BoilerplateKind | null, inArticle: boolean) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      nodes.push(parent.children[i]!);
      areas.push(area);
      inside.push(inArticle);
    }
  };
  /** Records of the current pass start here: a label's section only replaces records of its own pass. */
  let passStart = 0;
  const walk = () => {
    while (nodes.length && !index.budget.passed()) {
      const node = nodes.pop()!;
      const area = areas.pop()!;
      const inArticle = inside.pop()!;
      if (!isElement(node)) continue;
      if (node.parent && closed.has(node.parent)) {
        closed.add(node);
        continue;
      }
      if (region.has(node)) continue;
      if (index.hidden.has(node)) {
        const m = markupKind(node);
        if (m && SHOWN_BY_SCRIPT.has(m.kind) && !around.has(node)) record(node, m.kind, 'markup', lastOrder + 0.5);
        continue;
      }
      const st = index.stats.get(node);
      if (!st) continue;
      lastOrder = st.order;
      if (around.has(node)) {
        enter(node, null, inArticle || node === container);
        continue;
      }
      // Nothing to read: no text (a logo, an icon row) or no words (a comment count), and no form field.
      if (st.inputs === 0 && (st.text === 0 || (st.text < 12 && !/\p{L}/u.test(textOf(node))))) {
        // An ad slot is worth a record even empty: it says why a gap is there.
        if (st.images + st.embeds > 0 && markupKind(node)?.kind === 'ad') record(node, 'ad', 'markup', st.order);
        continue;
      }

      const ci = classAndId(node);
      const m = holdsHeadline.has(node) ? null : markupKind(node, ci);
      // Inside the article, a <footer> holds the story's tags, share buttons and author note: an area, not the site footer.
      const articleFooter = inArticle && node.name === 'footer' && !holdsHeadline.has(node);
      if (articleFooter && !hasChildBlocks(node)) {
        // A one-line story footer (categories, tags): named by what it holds, not as the site's footer.
        record(node, 'other', 'markup', st.order);
        continue;
      }
      const nodeArea = holdsHeadline.has(node) ? null : articleFooter ? 'other' : areaOfBlock(node, m, ci);
      if (nodeArea) {
        areaEls.add(node);
        enter(node, nodeArea, inArticle);
        continue;
      }
      const verdict = holdsHeadline.has(node) ? null : classify(node, st, ci, m, inArticle);
      if (verdict === 'field') continue;
      if (verdict) {
        const block = verdict.block;
        if (block !== node) {
          // A label opened a section that was entered before the label was seen: close it.
          for (let p: AnyNode | null = node; p && p !== block.parent; p = p.parent) closed.add(p);
          const blockOrder = index.stats.get(block)?.order ?? st.order;
          while (out.length > passStart && out[out.length - 1]!.order > blockOrder) out.pop();
          record(block, verdict.kind, verdict.rule, blockOrder);
        } else {
          record(node, verdict.kind, verdict.rule, st.order);
        }
        continue;
      }
      if (area && st.text > 0 && !hasChildBlocks(node)) {
        record(node, area, 'area', st.order);
        continue;
      }
      enter(node, area, inArticle);
    }
  };
  // From the document down: a region that is the whole <body> leaves nothing around it.
  enter(index.document, null, false);
  walk();
  // Areas the cleaner left out whole from inside the region (a sidebar in the chosen container): their blocks take
  // the area's kind when no rule names them. The merge puts every record in page order.
  for (const areaEl of ctx.areas ?? []) {
    passStart = out.length;
    areaEls.add(areaEl);
    const st = index.stats.get(areaEl);
    if (st) lastOrder = st.order;
    // Not "in the article" for the walk: an area's paragraphs and link lines are its own, not the story's.
    enter(areaEl, areaOfBlock(areaEl, markupKind(areaEl)) ?? 'other', false);
    walk();
  }
  return out;
}
