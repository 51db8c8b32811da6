/**
 * Credit splitting: the photo credit printed inside a caption's text
 * ("... in April 2019. — AFP", "Photograph: Dan Carrow/PA", "(AP Photo/Name)",
 * "REUTERS/Name/File Photo", "© Bloomberg") is taken out and returned on its
 * own. The forms are a named, ordered table ({@link CREDIT_FORMS}); the first
 * form that finds a credit wins. When none does, the caption is kept whole: a
 * false split costs more than a missed one.
 *
 * Credits are printed at the end of a caption, so every form reads only the
 * caption's last {@link TAIL_CHARS} characters, and each first checks for the
 * character or word it needs (a bracket, a colon, a dash, a slash) before any
 * pattern runs. No pattern is anchored at the end of an unbounded string, so
 * the cost stays linear in the caption's length whatever its content.
 */
import { CREDIT_CONNECTORS, CREDIT_LABELS, FILE_PHOTO_PREFIX, MAX_CREDIT_CHARS, MAX_CREDIT_WORDS, PHOTO_SOURCES } from './patterns.js';
import { escapeRegex } from '../agencies/table.js';

/** A caption's text and the credit taken out of it. */
export interface CreditSplit {
  /** The caption without its credit (and without a "FILE PHOTO:" prefix). */
  text: string;
  /** The credit, cleaned of its label ("Photo:") and brackets; null when the caption prints none. */
  credit: string | null;
  /** The name of the {@link CREDIT_FORMS} entry that matched, or null. */
  form: string | null;
}

/** The end of a caption, as the forms read it. */
export interface CaptionTail {
  /** The whole caption, whitespace-collapsed. */
  text: string;
  /** Offset in `text` where the tail starts. */
  from: number;
  /** `text.slice(from)`. */
  tail: string;
  /** Offsets (in `text`) where the last sentences of the tail start, earliest first. */
  sentences: readonly number[];
}

/** One way of printing a credit inside a caption. */
export interface CreditForm {
  /** Short name of the form, for tests and debugging. */
  name: string;
  /** How the form looks on the page. */
  example: string;
  /** Splits the caption into text and credit, or returns null when the form does not apply. */
  split(t: CaptionTail): { text: string; credit: string } | null;
}

/** Characters of a caption's tail searched for a credit. */
export const TAIL_CHARS = 200;
/** Sentences at the end of a caption tried as a bare credit ("... 2024. REUTERS/Name"). */
const TAIL_SENTENCES = 3;

const SOURCE_PATTERN = new RegExp(
  `(?:^|[\\s/|,(\\-])(?:${[...PHOTO_SOURCES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|')})(?=$|[\\s/|,).;:\\-])`,
  'iu',
);
const LABELS = [...CREDIT_LABELS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegex)
  .join('|');
/** A credit label followed by a colon or an ellipsis ("Photo:", "Credit...", "Foto :"). */
const LABEL_PATTERN = new RegExp(`(?:^|(?<=[\\s(\\[.,;|—–。、（-]))(?:${LABELS})\\s*(?::|：|=(?=\\S)|\\.{2,}|…)\\s*`, 'giu');
/** The same label at the start of a credit, to strip it. */
const LEADING_LABEL = new RegExp(`^(?:(?:${LABELS})\\s*(?::|：|=(?=\\S)|\\.{2,}|…)\\s*|©\\s*|\\(c\\)\\s*|copyright\\s+)`, 'iu');
const SENTENCE_END = /[.!?…]["”’)\]]*\s+(?=\S)/g;
const MONTH_OR_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b/i;
const BY_FORM =
  /^(?:(?:[\p{Lu}\d][\p{L}\p{N}'’.&-]*\s+){0,3}(?:photo|photograph|picture|image|video|illustration|graphic|foto)s?\s+(?:by|courtesy(?:\s+of)?|von|par|de|di)\s+\S.{1,60}|courtesy(?:\s+of)?\s+\S.{1,60})$/iu;
const FOR_FORM = /^(?:[\p{Lu}][\p{L}'’.-]*\s+){1,3}for\s+(?:the\s+)?[\p{Lu}\d].{1,50}$/u;
const ATTRIBUTION = /^(?:submitted|contributed|courtesy|handout|staff|file|pool|provided|supplied)\s+(?:photo|image|picture|graphic)s?\.?$/iu;
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)\s*([^©]{2,100})$/iu;
/** A photo word (and separator) left just before the © sign ("..., Photo © X"): part of the credit, not of the caption. */
const COPYRIGHT_LEAD = /[,;]?\s*\b(?:photos?|photographs?|images?|pictures?|fotos?)\s*$/iu;
const BRACKETED = /[([]([^()[\]]{2,120})[)\]]$/u;
/** Spaced dashes that set a credit apart ("— AFP", "- Reuters"); a hyphen inside a word never does. */
const DASHES = [' — ', ' – ', ' -- ', ' - ', ' —', ' –'];
const SEPARATORS = ' ,;:|—–-([)]';

/** True when a credit names a photo agency or picture service ("AFP", "Getty Images", "REUTERS/..."). */
export function namesPhotoSource(text: string): boolean {
  return SOURCE_PATTERN.test(text);
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * True when every word is a name (capitalised, upper-case, in a script
 * without capitals, a number or a slash-joined credit) or a connector ("via", "for", "de"), and at least one
 * word is a name.
 */
function isNameLike(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_CREDIT_WORDS) return false;
  let names = 0;
  for (const raw of words) {
    const w = raw.replace(/^[("'“‘[]+|[)"'”’\],.;:]+$/gu, '');
    if (w === '' || w === '/' || w === '|' || w === '-' || w === '–' || w === '—' || w === '&') continue;
    // A word of a script without capitals (Hangul, Han, kana, Arabic, Hebrew, Devanagari) may be a name.
    if (/^[\p{Lu}\p{N}\p{Lo}]/u.test(w) || w.includes('/')) {
      names++;
      continue;
    }
    if (!CREDIT_CONNECTORS.has(w.toLowerCase())) return false;
  }
  return names > 0;
}

/** How sure the surrounding form makes us that a string is a credit. */
type Evidence = 'label' | 'strong' | 'name';

/**
 * Whether `text` reads as a credit. After a label ("Photo:") any short run of
 * names will do; a bracket, dash or pipe needs a photo source, a slash form
 * or a credit word; `name` also accepts two to four plain names ("— Doug Mills").
 */
function looksLikeCredit(text: string, evidence: Evidence): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > MAX_CREDIT_CHARS || !/\p{L}/u.test(t) || t.endsWith('?') || t.endsWith('!')) return false;
  if (!isNameLike(t)) return false;
  if (evidence === 'label') return true;
  if (namesPhotoSource(t) || /\S\s*\/\s*\S/.test(t) || BY_FORM.test(t) || /^(?:photo|foto|image|picture|credit)\b/i.test(t)) return true;
  if (evidence !== 'name') return false;
  const n = wordsOf(t).length;
  return n >= 2 && n <= 4 && !/\d/.test(t) && !MONTH_OR_DAY.test(t);
}

/** `text` without the characters of `set` at its start and end (a linear scan, not an end-anchored pattern). */
function trimChars(text: string, set: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && set.includes(text[a]!)) a++;
  while (b > a && set.includes(text[b - 1]!)) b--;
  return text.slice(a, b);
}

/**
 * Cleans a credit: brackets, a leading label ("Photo:", "©", "Credit..."), a
 * final full stop. Returns null when nothing is left or the text is too long
 * to be a credit.
 */
export function cleanCredit(raw: string): string | null {
  if (raw.length > MAX_CREDIT_CHARS * 3) return null;
  let t = raw.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    const first = t[0];
    const last = t[t.length - 1];
    if ((first === '(' || first === '[') && (last === ')' || last === ']')) t = t.slice(1, -1).trim();
    t = t.replace(LEADING_LABEL, '').trim();
    if (t === before) break;
  }
  // A final full stop, unless it ends an initial ("J.") or an abbreviation ("Inc.").
  if (t.endsWith('.') && /\p{L}{3}$/u.test(t.slice(-4, -1)) && !/\b(?:inc|ltd|corp|co)$/i.test(t.slice(-5, -1))) t = t.slice(0, -1);
  t = trimChars(t, ' ,;:|—–-');
  return t === '' ? null : t;
}

/** Trims the separators a credit leaves behind at the ends of the caption text. */
function trimText(text: string): string {
  return trimChars(text, SEPARATORS).trim();
}

/** Reads the end of a caption once for all the forms. */
function tailOf(text: string): CaptionTail {
  const from = Math.max(0, text.length - TAIL_CHARS);
  const sentences: number[] = [];
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) sentences.push(m.index + m[0].length);
  return { text, from, tail: text.slice(from), sentences: sentences.slice(-TAIL_SENTENCES) };
}

/** Applies a test to the last sentences of the caption, longest first. */
function splitAtSentence(t: CaptionTail, test: (segment: string) => boolean): { text: string; credit: string } | null {
  for (const start of t.sentences) {
    const segment = t.text.slice(start).trim();
    if (segment && test(segment)) return { text: t.text.slice(0, start), credit: segment };
  }
  return null;
}

/** Splits at the last spaced dash of the tail, or returns null. */
function lastDash(t: CaptionTail): { at: number; dash: string } | null {
  let best: { at: number; dash: string } | null = null;
  for (const dash of DASHES) {
    const at = t.tail.lastIndexOf(dash);
    if (at >= 0 && (!best || at > best.at)) best = { at, dash };
  }
  return best;
}

/**
 * The credit forms, in the order they are tried: the bracketed and labelled
 * forms first (they say outright that they are credits), the bare ones last.
 */
export const CREDIT_FORMS: readonly CreditForm[] = [
  {
    name: 'bracket',
    example: 'Staff kept full pay (Getty Images/iStockphoto) · (AFP) · (AP Photo/Name) · (Image: X / Getty Images)',
    split(t) {
      const last = t.tail[t.tail.length - 1];
      if (last !== ')' && last !== ']') return null;
      const m = BRACKETED.exec(t.tail.slice(-(MAX_CREDIT_CHARS + 30)));
      if (!m) return null;
      const inner = m[1]!.trim();
      const cut = t.text.length - m[0].length;
      if (BY_FORM.test(inner)) return { text: t.text.slice(0, cut), credit: inner };
      const credit = cleanCredit(inner);
      if (!credit || !looksLikeCredit(credit, LEADING_LABEL.test(inner) ? 'label' : 'strong')) return null;
      return { text: t.text.slice(0, cut), credit };
    },
  },
  {
    name: 'label',
    example: 'Waves crash over the promenade. Photograph: Dan Carrow/PA · Photo: X · Credit...X · Foto: X · Image: X',
    split(t) {
      if (!/[:：=…]|\.\./.test(t.tail)) return null;
      LABEL_PATTERN.lastIndex = 0;
      let found: { at: number; end: number } | null = null;
      for (let m = LABEL_PATTERN.exec(t.tail); m; m = LABEL_PATTERN.exec(t.tail)) {
        if (m[0].length === 0) {
          LABEL_PATTERN.lastIndex++;
          continue;
        }
        found = { at: m.index, end: m.index + m[0].length };
      }
      if (!found) return null;
      const credit = t.tail.slice(found.end).trim();
      if (!looksLikeCredit(credit, 'label')) return null;
      return { text: t.text.slice(0, t.from + found.at), credit };
    },
  },
  {
    name: 'copyright',
    example: 'Spodumene is mined in Western Australia © Bloomberg · photos © X, 2018',
    split(t) {
      if (!t.tail.includes('©') && !/\(c\)|copyright/i.test(t.tail)) return null;
      const m = COPYRIGHT.exec(t.tail);
      if (!m || !looksLikeCredit(m[1]!, 'label')) return null;
      // The © pattern has no optional lead-in of its own (that made it quadratic on long runs of
      // spaces); the photo word before it is cut here, from a bounded tail.
      const before = t.text.slice(0, t.text.length - m[0].length);
      const lead = COPYRIGHT_LEAD.exec(before.slice(-40));
      return { text: lead ? before.slice(0, before.length - lead[0].length) : before, credit: m[1]! };
    },
  },
  {
    name: 'dash',
    example: 'Kim Jong-un with Vladimir Putin in April 2019. — AFP · ... - Reuters',
    split(t) {
      const d = lastDash(t);
      if (!d) return null;
      const credit = t.tail.slice(d.at + d.dash.length).trim();
      const cut = t.from + d.at;
      if (cut === 0 || credit.length < 2 || credit.length > 80) return null;
      const typographic = d.dash.includes('—') || d.dash.includes('–');
      if (!looksLikeCredit(credit, typographic ? 'name' : 'strong')) return null;
      return { text: t.text.slice(0, cut), credit };
    },
  },
  {
    name: 'pipe',
    example: 'Lava flows near the town. Jane Doe | Getty Images · Caption | AFP',
    split(t) {
      const bar = t.tail.lastIndexOf('|');
      if (bar < 0) return null;
      const bySentence = splitAtSentence(t, (s) => s.includes('|') && s.length <= MAX_CREDIT_CHARS && isNameLike(s.replace(/\|/g, ' ')));
      if (bySentence) return bySentence;
      const credit = t.tail.slice(bar + 1).trim();
      if (credit.length < 2 || credit.length > 60 || !namesPhotoSource(credit) || !isNameLike(credit)) return null;
      return { text: t.text.slice(0, t.from + bar), credit };
    },
  },
  {
    name: 'photo-by',
    example: 'Buckets catch water in a hallway. Gazette photo by Maria Santos · Courtesy of X',
    split: (t) => (/\bby\b|courtesy|\bvon\b|\bpar\b/i.test(t.tail) ? splitAtSentence(t, (s) => BY_FORM.test(s)) : null),
  },
  {
    name: 'slash',
    example: 'A worker walks past containers, March 14, 2024. REUTERS/Park Soo-min/File Photo · X/AFP via Getty Images',
    split: (t) => (t.tail.includes('/') ? splitAtSentence(t, (s) => s.includes('/') && looksLikeCredit(s, 'strong')) : null),
  },
  {
    name: 'for',
    example: 'Fare gates held open on Tuesday. Sam Whitaker for The Civic Stack',
    split: (t) => (t.tail.includes(' for ') ? splitAtSentence(t, (s) => s.length <= MAX_CREDIT_CHARS && FOR_FORM.test(s) && isNameLike(s)) : null),
  },
  {
    name: 'attribution',
    example: 'Christopher Battin Submitted photo · ... Courtesy photo · ... Staff photo',
    split(t) {
      const words = t.tail.trimEnd().split(' ');
      if (words.length < 3) return null;
      const credit = words.slice(-2).join(' ');
      if (!ATTRIBUTION.test(credit)) return null;
      return { text: t.text.slice(0, t.text.trimEnd().length - credit.length), credit };
    },
  },
  {
    name: 'agency',
    example: 'Vladimir Putin in Vladivostok in April 2019. AFP · ... 2024. Getty Images',
    split: (t) => splitAtSentence(t, (s) => s.length <= 40 && wordsOf(s).length <= 5 && namesPhotoSource(s) && isNameLike(s)),
  },
];

/**
 * Splits a caption's text into the caption and its printed credit. A leading
 * "FILE PHOTO:" (or AP's "FILE -") is dropped from the text.
 *
 * @param raw - the caption's visible text
 * @returns the text without the credit, the credit (or null), and the form that matched
 */
export function splitCredit(raw: string): CreditSplit {
  const text = raw.replace(/\s+/g, ' ').trim().replace(FILE_PHOTO_PREFIX, '');
  const tail = tailOf(text);
  for (const form of CREDIT_FORMS) {
    const r = form.split(tail);
    if (!r) continue;
    const credit = cleanCredit(r.credit);
    if (!credit) continue;
    return { text: trimText(r.text), credit, form: form.name };
  }
  // A credit in brackets or after a label at the very start: "(Photo: X) The caption".
  const head = /^[([]((?:photo|photograph|image|foto|credit|picture)s?\s*:[^()[\]]{2,80})[)\]]\s*/iu.exec(text.slice(0, 100));
  if (head) {
    const credit = cleanCredit(head[1]!);
    if (credit && looksLikeCredit(credit, 'label')) return { text: trimText(text.slice(head[0].length)), credit, form: 'leading-bracket' };
  }
  return { text, credit: null, form: null };
}

/** A cheap test that a short line may end with a printed credit: it holds one of the characters or words a credit form needs. */
export function mayHoldCredit(text: string): boolean {
  const tail = text.slice(-TAIL_CHARS);
  return /[©|/)\]:：=…—–]|\s-\s|\b(?:by|courtesy|photo|image|picture|copyright)\b/i.test(tail) || namesPhotoSource(tail);
}
