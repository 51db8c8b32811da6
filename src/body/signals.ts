/**
 * Measurements of a chosen body that say how far it can be trusted: how much
 * text and prose it keeps, against how much prose the page holds; how much
 * of it is link text; how much of it one list holds. Read from the side tables
 * of {@link indexPage} and one walk over the kept region, so the same
 * function measures copydesk's own body and a fallback engine's body (parsed
 * and indexed the same way).
 *
 * Lengths are in Latin-equivalent characters: a character of a dense script
 * (Han, kana, Hangul) carries several Latin letters' worth of text, so the
 * thresholds (a prose paragraph, a short body) mean the same in every script.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isInsideAnyOf, isInvisibleTag, isText, textOf } from '../dom/nodes.js';
import type { PageIndex } from './features.js';

/** A block counts as prose when it is at least this long (chars)... */
export const PROSE_BLOCK_CHARS = 80;
/** ...and its link text is under this share of its text (the scorer's own definition). */
export const PROSE_BLOCK_MAX_LINK_DENSITY = 0.3;

/** Letters of the dense scripts: Han, Hiragana, Katakana, Hangul. */
const NOT_DENSE_LETTERS = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const NOT_LETTERS = /\P{L}+/gu;

/**
 * Characters of `sample` that `others` (a global pattern of everything else,
 * never matching the empty string) leaves. The matches are measured one at a
 * time and dropped: a replace that removed them would build its result from a
 * piece per match, which on a paragraph of a million words costs seconds of
 * garbage collection.
 */
function countKept(sample: string, others: RegExp): number {
  let removed = 0;
  others.lastIndex = 0;
  for (let m = others.exec(sample); m !== null; m = others.exec(sample)) removed += others.lastIndex - m.index;
  return sample.length - removed;
}

/**
 * Latin characters one dense-script character is worth: an English word is
 * about six characters with its space, a Chinese word about two characters,
 * a Japanese or Korean one two to three.
 */
export const DENSE_SCRIPT_WEIGHT = 3;
/** Characters of a prose block's opening compared to find repeated blocks. */
const REPEAT_KEY_CHARS = 200;
/** Characters of a region's text read to find its script mix. */
const SCRIPT_SAMPLE_CHARS = 2000;

/**
 * Every code unit a letter of a dense script can be written with: Hangul
 * Jamo, the CJK blocks from the radicals to Yi (kana, Han, Hangul
 * compatibility letters), Hangul Jamo extended and syllables, the high
 * surrogates (the astral Han and kana), CJK compatibility ideographs, and the
 * half- and full-width forms. A sample without any holds no dense letter.
 */
const MAYBE_DENSE = /[\u1100-\u11ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\udbff\uf900-\ufaff\uff00-\uffef]/;

/** The Latin-equivalent weight of one character of `sample`'s text: 1 for alphabetic scripts, up to {@link DENSE_SCRIPT_WEIGHT}. */
export function textWeight(sample: string): number {
  // Most pages print no dense script: one scan for a code unit that could be one, instead of counting letters twice.
  if (!MAYBE_DENSE.test(sample)) return 1;
  const letters = countKept(sample, NOT_LETTERS);
  if (letters === 0) return 1;
  const dense = countKept(sample, NOT_DENSE_LETTERS);
  return 1 + ((DENSE_SCRIPT_WEIGHT - 1) * dense) / letters;
}

/** The text weight of a region (from the start of its kept text). */
function regionWeight(roots: readonly Element[], skip: ReadonlySet<AnyNode>): number {
  let sample = '';
  for (const root of roots) {
    if (sample.length >= SCRIPT_SAMPLE_CHARS) break;
    if (!skip.has(root)) sample += ` ${textOf(root, { skip, maxChars: SCRIPT_SAMPLE_CHARS - sample.length })}`;
  }
  return textWeight(sample);
}

/** What a body region is made of. Lengths are Latin-equivalent characters (see {@link weight}). */
export interface RegionFigures {
  /** Latin characters one character of the region is worth (1 for alphabetic scripts, up to {@link DENSE_SCRIPT_WEIGHT}). */
  weight: number;
  /** Visible characters kept (text nodes trimmed; what the body's text roughly holds). */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  /** Characters of the prose blocks kept (long, link-poor paragraphs). */
  proseChars: number;
  /** Number of prose blocks kept. */
  proseBlocks: number;
  /** Characters inside the list (`ul`/`ol`/`dl`) that holds the most kept text. */
  largestListChars: number;
  /**
   * Characters of prose blocks whose text repeats an earlier kept block
   * (galleries print each caption twice or more): not counted as prose.
   */
  repeatedChars: number;
}

/** Figures of a region less what the cleaner skipped (one iterative walk; skipped subtrees are not entered). */
export function measureRegion(index: PageIndex, roots: readonly Element[], skip: ReadonlySet<AnyNode>): RegionFigures {
  let chars = 0;
  let linkChars = 0;
  let proseChars = 0;
  let proseBlocks = 0;
  let largestListChars = 0;
  const kept = new Set<Element>();
  // Each entry: a node, the depth of links around it, and the list it lies in (the outermost one).
  const nodes: AnyNode[] = [];
  const inLink: boolean[] = [];
  const lists: (Element | null)[] = [];
  const listChars = new Map<Element, number>();
  for (let i = roots.length - 1; i >= 0; i--) {
    nodes.push(roots[i]!);
    inLink.push(false);
    lists.push(null);
  }
  while (nodes.length) {
    const node = nodes.pop()!;
    const link = inLink.pop()!;
    const list = lists.pop()!;
    if (skip.has(node)) continue;
    if (isText(node)) {
      const n = node.data.trim().length;
      chars += n;
      if (link) linkChars += n;
      if (list) listChars.set(list, (listChars.get(list) ?? 0) + n);
      continue;
    }
    if (!isElement(node) || isInvisibleTag(node.name) || index.hidden.has(node)) continue;
    kept.add(node);
    const childLink = link || node.name === 'a';
    const childList = list ?? (node.name === 'ul' || node.name === 'ol' || node.name === 'dl' ? node : null);
    for (let i = node.children.length - 1; i >= 0; i--) {
      nodes.push(node.children[i]!);
      inLink.push(childLink);
      lists.push(childList);
    }
  }
  let repeatedChars = 0;
  const seen = new Set<string>();
  const weight = regionWeight(roots, skip);
  for (const block of index.blocks) {
    if (!isProse(block.text, block.link, weight) || !kept.has(block.el)) continue;
    // A repeat is the same text: its length and its opening are key enough, without reading each block whole.
    const key = `${block.text}:${textOf(block.el, { maxChars: REPEAT_KEY_CHARS }).toLowerCase()}`;
    if (seen.has(key)) {
      repeatedChars += block.text;
      continue;
    }
    seen.add(key);
    proseChars += block.text;
    proseBlocks++;
  }
  for (const n of listChars.values()) largestListChars = Math.max(largestListChars, n);
  const w = (n: number): number => Math.round(n * weight);
  return {
    weight,
    chars: w(chars),
    linkChars: w(linkChars),
    proseChars: w(proseChars),
    proseBlocks,
    largestListChars: w(largestListChars),
    repeatedChars: w(repeatedChars),
  };
}

/** True for a prose block: long enough (in Latin-equivalent characters, `weight` per character) and link-poor. */
export function isProse(text: number, link: number, weight = 1): boolean {
  return text * weight >= PROSE_BLOCK_CHARS && link / text < PROSE_BLOCK_MAX_LINK_DENSITY;
}

/**
 * Characters of prose on the whole page, leaving out what the scorer never
 * considers (containers named as menus, sidebars, comments; consent banners;
 * hidden elements): the prose an article body could have taken. Counted at
 * `weight` Latin characters per character (the body's own weight, so that
 * the two compare).
 */
export function pageProse(index: PageIndex, weight = 1): number {
  let total = 0;
  for (const block of index.blocks) {
    if (!isProse(block.text, block.link, weight)) continue;
    const st = index.stats.get(block.el);
    if (!st || st.unlikely || st.excluded) continue;
    total += block.text;
  }
  return Math.round(total * weight);
}

/**
 * The best score among containers unrelated to the region (neither inside it
 * nor around it), over the score of the region's top container: near 1 when
 * another part of the page scored almost as well (the choice was close),
 * 0 when nothing else scored.
 */
export function rivalRatio(scores: ReadonlyMap<Element, number>, top: Element, roots: readonly Element[]): number {
  const topScore = scores.get(top) ?? 0;
  if (topScore <= 0) return 0;
  const region = new Set<AnyNode>(roots);
  region.add(top);
  const around = new Set<AnyNode>();
  for (const r of region) for (let p: AnyNode | null = r.parent; p; p = p.parent) around.add(p);
  // Related: inside the region, or one of its ancestors.
  const related = (el: Element): boolean => around.has(el) || isInsideAnyOf(el, region);
  let best = 0;
  for (const [el, s] of scores) {
    if (s <= best || el.name === 'body' || el.name === 'html') continue;
    if (!related(el)) best = s;
  }
  return Math.min(1, best / topScore);
}
