/**
 * Title clean-up: separating a headline from the site name around it
 * ("Headline | Site", "Site - Headline", "Headline – Section – Site",
 * "見出し｜サイト", "标题_栏目_站点", "Headline [Site Name]").
 */

/** Han, kana and the kana length mark: scripts written without spaces between words. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';

/**
 * Separators sites put between the headline and the site name, captured so the
 * ones kept can be put back:
 * - a spaced dash, bar, bullet, guillemet, slash, tilde or colon (one or two
 *   characters; spaced, so hyphenated words and times stay whole);
 * - a vertical bar, ASCII or full-width, spaced or not (no headline prints one);
 * - an underscore next to Chinese or Japanese text ("标题_栏目_站点"), where
 *   titles print no spaces at all.
 */
// One optional space each side: titles are whitespace-collapsed before they are split, and `\s+`
// here would backtrack quadratically on a long run of spaces. (`::` is two characters of the class.)
const SEPARATOR = new RegExp(`(\\s[|\\-–—•·»«/~:]{1,2}\\s|\\s?[|｜]\\s?|(?<=[${CJK}])_|_(?=[${CJK}]))`, 'u');

/**
 * A bracketed tag ending a title, "Headline [Site Name]" or "見出し【サイト】":
 * the site name, when it holds two words or more (a one-word tag such as
 * "[Video]" or "[Updated]" labels the story and stays unless it names the site).
 */
const BRACKET_TAG = /\s?(?:\[([^\][]{1,80})\]|【([^【】]{1,80})】)$/u;

/** Words a part after a separator may have, at most, to be taken for the site name when none is known. */
const MAX_BRAND_WORDS = 3;
/** Words the rest of the title needs for a short last part to be dropped as the brand. */
const MIN_HEADLINE_WORDS = 4;
/** Characters of Chinese or Japanese text counted as one word (words there are one to three characters). */
const CJK_CHARS_PER_WORD = 2;
/** Extra characters a part may have over a site name and still be that site name ("Factorio.com", "POPSUGAR Home"). */
const SITE_NAME_SLACK = 12;

const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
/** Word tokens: a run of Chinese or Japanese characters, or a run of other letters and digits. */
const TOKEN = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${CJK}]`, 'u');

/**
 * Lower-cased word tokens. Runs of Chinese or Japanese characters, which carry
 * no spaces, are cut into overlapping character pairs so that two titles
 * differing in one phrase still share most of their tokens.
 */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.toLowerCase().normalize('NFKC').match(TOKEN) ?? []) {
    if (!IS_CJK.test(m) || m.length <= 2) {
      out.push(m);
      continue;
    }
    const chars = Array.from(m);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The letters and digits of a string, lower-cased, without spaces or punctuation. */
function compact(s: string): string {
  return (s.toLowerCase().normalize('NFKC').match(TOKEN) ?? []).join('');
}

/**
 * Words in a string: space-separated words, with Chinese and Japanese text
 * counted at {@link CJK_CHARS_PER_WORD} characters a word.
 */
export function wordCount(s: string): number {
  let cjkWords = 0;
  const rest = s.normalize('NFKC').replace(CJK_RUN, (run) => {
    cjkWords += Math.ceil(Array.from(run).length / CJK_CHARS_PER_WORD);
    return ' ';
  });
  return cjkWords + (rest.match(TOKEN) ?? []).length;
}

/** Share of the longer string's tokens that the other has (0..1). */
export function similarity(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(ta.size, tb.size);
}

/** Whether two strings have the same letters and digits (case, spacing and punctuation aside). */
export function sameText(a: string, b: string): boolean {
  const ca = compact(a);
  return ca !== '' && ca === compact(b);
}

/**
 * Whether a title part names the site. Names read from the page (og:site_name,
 * the publisher) match a part that contains them or that they contain; names
 * guessed from the host match only a part that spells the host out
 * ("petri-heil.ch", "Heise"), so that "JVNDB-2018-013542" is not taken for
 * the site "jvndb".
 */
export function isSiteName(part: string, sites: readonly string[], hosts: readonly string[]): boolean {
  const p = compact(part);
  if (!p) return true;
  const named = (q: string): boolean => q !== '' && (p === q || (q.length >= 4 && (p.includes(q) || q.includes(p)) && p.length <= q.length + SITE_NAME_SLACK));
  // A host name inside an identifier ("JVNDB-2018-013542" on jvndb.jvn.jp) is no site name: the
  // digits left over from a host-name match mark a document number.
  if (hosts.some((h) => named(compact(h)) && !/\d/.test(p.replace(compact(h), '')))) return true;
  return sites.some((s) => named(compact(s)));
}

/**
 * Separator punctuation that may join a stated site name to the headline: a
 * spaced dash, bar, bullet, slash, guillemet or colon, or a bar, full-width
 * colon or underscore with or without spaces ("見出し：朝日新聞デジタル",
 * "Headline|Site"). An unspaced hyphen joins words ("Anti-Apple"), not a site name.
 */
const JOIN_BEFORE_SITE = /(?:\s[-–—|·•/~»«:]{1,2}|\s?[|｜：_])\s?$/u;
/** The same joiners after a site name that starts the title, plus "Site: Headline". */
const JOIN_AFTER_SITE = /^\s?(?:[-–—|·•/~»«:]{1,2}\s|[|｜：_]\s?)/u;

/**
 * Removes a stated site name that starts or ends the title, joined by separator
 * punctuation (see {@link JOIN_BEFORE_SITE}), when a headline is left.
 */
function withoutStatedSite(title: string, sites: readonly string[]): string {
  let out = title;
  for (const site of sites) {
    const name = site.trim().toLowerCase();
    if (name.length < 2) continue;
    let folded = out.toLowerCase();
    if (name.length < folded.length && folded.endsWith(name)) {
      const head = out.slice(0, out.length - name.length);
      const m = JOIN_BEFORE_SITE.exec(head);
      const rest = m ? head.slice(0, m.index).trim() : '';
      if (rest) out = rest;
    }
    folded = out.toLowerCase();
    if (name.length < folded.length && folded.startsWith(name)) {
      const tail = out.slice(name.length);
      const m = JOIN_AFTER_SITE.exec(tail);
      const rest = m ? tail.slice(m[0].length).trim() : '';
      if (rest) out = rest;
    }
    if (out !== title) return out;
  }
  return out;
}

/** Removes a bracketed site tag ending the title (see {@link BRACKET_TAG}). */
function withoutBracketTag(title: string, sites: readonly string[], hosts: readonly string[]): string {
  const m = BRACKET_TAG.exec(title);
  if (!m) return title;
  const tag = (m[1] ?? m[2] ?? '').trim();
  const rest = title.slice(0, m.index).trim();
  if (wordCount(rest) < 2) return title;
  return wordCount(tag) >= 2 || isSiteName(tag, sites, hosts) ? rest : title;
}

/** A title cut at its separators: parts at even indices, the separators between them at odd ones. */
function splitTitle(title: string): string[] {
  return title.split(SEPARATOR);
}

/**
 * The parts of a title between its separators ("Purple Rain" of "Prince –
 * Purple Rain Lyrics | Genius"), trimmed, with a closing bracketed tag apart.
 */
export function titleParts(title: string): string[] {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  const m = BRACKET_TAG.exec(trimmed);
  const body = m ? trimmed.slice(0, m.index) : trimmed;
  return splitTitle(body)
    .filter((_, i) => i % 2 === 0)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Removes the site name from the ends of a title.
 *
 * @param title - A page or metadata title.
 * @param sites - Site names the page states (og:site_name, the JSON-LD publisher).
 * @param hosts - Names guessed from the page's host ("example.com", "example"): matched only whole.
 * @returns The title without the site name. When a part names the site, the parts
 *   before it are kept (what follows a site name is its tagline or section), or,
 *   when the title starts with it, the parts after it. Without a known site name,
 *   a short last part (≤ {@link MAX_BRAND_WORDS} words) after a separator is taken as
 *   the brand when what remains is still a headline of {@link MIN_HEADLINE_WORDS}+
 *   words. The separators between the parts kept are kept.
 */
export function stripSiteAffix(title: string, sites: readonly string[], hosts: readonly string[] = []): string {
  const trimmed = withoutBracketTag(title.replace(/\s+/g, ' ').trim(), sites, hosts);
  // A stated site name at an end is the affix: what is left is the headline, separators and all.
  const named = withoutStatedSite(trimmed, sites);
  if (named !== trimmed) return named;
  const pieces = splitTitle(trimmed);
  const n = (pieces.length + 1) / 2;
  if (n < 2) return trimmed;
  const part = (i: number): string => pieces[2 * i]!;
  const site = Array.from({ length: n }, (_, i) => isSiteName(part(i), sites, hosts));
  let from = 0;
  let to = n;
  const first = site.indexOf(true);
  if (first > 0) {
    to = first;
  } else if (first === 0) {
    while (from < n && site[from]) from++;
    const next = site.indexOf(true, from);
    if (next !== -1) to = next;
  } else {
    const rest = pieces.slice(0, -2).join('');
    if (wordCount(part(n - 1)) > MAX_BRAND_WORDS || wordCount(rest) < MIN_HEADLINE_WORDS) return trimmed;
    to = n - 1;
  }
  if (from >= to) return trimmed;
  const kept = pieces
    .slice(2 * from, 2 * to - 1)
    .join('')
    .trim();
  return kept || trimmed;
}
