/**
 * Printed datelines of wire and staff copy, as named tables: the agencies and
 * how they print themselves, month names, and the separators that end a
 * dateline. The regexes are composed from these lists and anchored at the
 * start of a short prefix (see `MAX_DATELINE_CHARS`), so they run in linear time.
 */

/** Longest prefix (chars) a dateline may take. */
export const MAX_DATELINE_CHARS = 110;

/**
 * Wire agencies as printed inside a dateline, mapped to the name reported in
 * `source.agency`. Most specific first ("dpa-AFX" before "dpa").
 */
export const AGENCIES: ReadonlyArray<readonly [printed: string, name: string]> = [
  ['Reuters', 'Reuters'], ['REUTERS', 'Reuters'], ['Thomson Reuters', 'Reuters'],
  ['AP', 'AP'], ['Associated Press', 'AP'],
  ['AFP', 'AFP'], ['Agence France-Presse', 'AFP'],
  ['dpa-AFX', 'dpa-AFX'], ['dpa', 'dpa'], ['DPA', 'dpa'],
  ['EFE', 'EFE'], ['Efe', 'EFE'], ['EUROPA PRESS', 'Europa Press'], ['Europa Press', 'Europa Press'],
  ['ANSA', 'ANSA'], ['Ansa', 'ANSA'], ['Lusa', 'Lusa'], ['LUSA', 'Lusa'], ['Agência Brasil', 'Agência Brasil'],
  ['Kyodo', 'Kyodo'], ['KYODO', 'Kyodo'], ['Yonhap', 'Yonhap'], ['YONHAP', 'Yonhap'], ['Xinhua', 'Xinhua'], ['XINHUA', 'Xinhua'],
  ['PTI', 'PTI'], ['IANS', 'IANS'], ['ANI', 'ANI'], ['UNI', 'UNI'],
  ['TASS', 'TASS'], ['Interfax', 'Interfax'], ['RIA Novosti', 'RIA Novosti'], ['Ukrinform', 'Ukrinform'],
  ['ANTARA', 'Antara'], ['Antara', 'Antara'], ['Bernama', 'Bernama'], ['BERNAMA', 'Bernama'], ['PNA', 'PNA'], ['VNA', 'VNA'],
  ['AA', 'Anadolu'], ['Anadolu', 'Anadolu'], ['WAFA', 'WAFA'], ['SPA', 'SPA'], ['WAM', 'WAM'], ['MENA', 'MENA'], ['IRNA', 'IRNA'],
  ['PA', 'PA'], ['AAP', 'AAP'], ['UPI', 'UPI'], ['CP', 'Canadian Press'], ['Canadian Press', 'Canadian Press'],
  ['Bloomberg', 'Bloomberg'], ['CNA', 'CNA'], ['APA', 'APA'], ['sda', 'SDA'], ['SDA', 'SDA'], ['Keystone-SDA', 'Keystone-SDA'],
  ['ANP', 'ANP'], ['Belga', 'Belga'], ['BELGA', 'Belga'], ['KNA', 'KNA'], ['epd', 'epd'], ['AFX', 'AFX'],
  ['NTB', 'NTB'], ['TT', 'TT'], ['Ritzau', 'Ritzau'], ['STT', 'STT'], ['PAP', 'PAP'], ['ČTK', 'ČTK'], ['CTK', 'ČTK'], ['MTI', 'MTI'],
  ['Agerpres', 'Agerpres'], ['BTA', 'BTA'], ['HINA', 'HINA'], ['Tanjug', 'Tanjug'], ['ATS', 'ATS'], ['Notimex', 'Notimex'],
  ['Télam', 'Télam'], ['dpa/lnw', 'dpa'], ['dpa/lby', 'dpa'], ['AP Photo', 'AP'],
];

/** Month names and abbreviations in the languages whose wire copy is common. */
export const MONTHS: readonly string[] = [
  // English
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  // German
  'Januar', 'Jänner', 'Februar', 'März', 'Mai', 'Juni', 'Juli', 'Oktober', 'Dezember', 'Okt', 'Dez',
  // French
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'janv', 'févr', 'avr', 'juil', 'sept', 'déc',
  // Spanish, Portuguese, Italian
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'ene', 'abr', 'ago', 'dic', 'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'fev', 'mai', 'set', 'out', 'dez', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'gen', 'mag', 'giu', 'lug', 'ott',
];

/** Separators that end a dateline: dashes (with or without spaces), ".-", "--", a colon after an agency, "=". */
export const SEPARATOR = String.raw`\s*(?:\)\s*)?(?:\.\s*[-–—]|[-–—]{1,2}|:|=|\.)`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(list: readonly string[]): string {
  if (list.length === 0) throw new Error('dateline patterns: empty list');
  // Longest first so that "dpa-AFX" wins over "dpa".
  return [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
}

const AGENCY = alternation(AGENCIES.map(([printed]) => printed));
const titleCase = (m: string): string => m.charAt(0).toUpperCase() + m.slice(1).toLowerCase();
/** Every month in lower, title and upper case (JS regexes have no inline case-insensitivity on Node 18). */
const MONTH = alternation([...new Set(MONTHS.flatMap((m) => [m.toLowerCase(), titleCase(m), m.toUpperCase()]))]);
/** A date as printed in a dateline: "May 21", "May 21, 2024", "3 jun", "26 Abr.", "19 mai 2024", "19 May". */
const DATE = String.raw`(?:(?:${MONTH})\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.?\s+(?:${MONTH})\.?(?:\s+\d{4})?)`;
/** A place in capitals: "SEOUL", "NEW DELHI", "LONDON/NEW YORK", "SÃO PAULO", "FERGUSON, Mo.". */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}'’.\-]+(?:[ /]\p{Lu}[\p{Lu}'’.\-]+){0,3}(?:,\s+\p{Lu}[\p{Ll}]{1,5}\.(?:\s?\p{Lu}\.)?)?`;
/** A place in title case, allowed only before an agency: "Madrid", "Paris", "Rio de Janeiro", "New Delhi [India]". */
const TITLE_PLACE = String.raw`\p{Lu}[\p{L}'’.\-]+(?:[ /](?:\p{Lu}[\p{L}'’.\-]+|de|del|da|do|la|el|am|an|der|di|sur|upon)){0,3}(?:\s\[\p{Lu}[\p{L} ]+\])?`;
/** The agency credit: "(Reuters)", "(AP)", "(EFE)", "/TASS/", "(서울=연합뉴스)" is left to the Korean table. */
const AGENCY_CREDIT = String.raw`(?:\((?<agency>${AGENCY})\)|/(?<agency2>TASS)/)`;

/**
 * The dateline shapes, tried in order. Each is anchored at the start and
 * captures `place` (when printed) and `agency` (when credited).
 */
export const DATELINE_PATTERNS: readonly RegExp[] = [
  // SEOUL, May 21 (Reuters) -  |  Madrid, 3 jun (EFE).-  |  Paris (AFP) -  |  MOSCOW, May 19. /TASS/.
  new RegExp(String.raw`^(?<place>${CAPS_PLACE}|${TITLE_PLACE})(?:,\s*(?:${DATE}))?\.?\s*${AGENCY_CREDIT}${SEPARATOR}\s*`, 'u'),
  // (ANSA) - ROMA, 26 APR -  |  (Bloomberg) --
  new RegExp(String.raw`^\((?<agency>${AGENCY})\)\s*(?:[-–—]{1,2}\s*(?<place>${CAPS_PLACE})(?:,\s*(?:${DATE}))?)?${SEPARATOR}\s*`, 'u'),
  // WASHINGTON —  |  MILLBROOK --  |  LONDON, May 19 —   (staff copy: capitals and a dash, no agency)
  new RegExp(String.raw`^(?<place>${CAPS_PLACE})(?:,\s*(?:${DATE}))?\s*(?:—|–|--|\s-)\s+`, 'u'),
];

/** Canonical agency name of a printed credit. */
export function agencyName(printed: string): string {
  for (const [p, name] of AGENCIES) if (p === printed) return name;
  return printed;
}

/** Openers that look like a place in capitals but are kickers or labels. */
export const NOT_A_PLACE = /^(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|WATCH|LIVE|VIDEO|PHOTOS?|CORRECTION|FACTBOX|EXPLAINER|COMMENT|REVIEW|INTERVIEW|NOTE|EDITOR'?S NOTE|FILE|READ MORE|ADVERTISEMENT|WARNING|Q&A|FAQ)\b/u;
