/**
 * Printed datelines of wire and staff copy, as named tables: the agencies and
 * how they print themselves, month names, and the separators that end a
 * dateline. The regexes are composed from these lists and anchored at the
 * start of a short prefix (see `MAX_DATELINE_CHARS`), so they run in linear time.
 */
import { AGENCY_ALTERNATION, agencyOf, escapeRegex } from '../agencies/table.js';

/** Longest prefix (chars) a dateline may take. */
export const MAX_DATELINE_CHARS = 110;

/**
 * Month names and abbreviations as wire datelines print them, per language
 * (nominative and genitive where a language declines them: "21 мая", "21. května").
 */
export const MONTHS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
    'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
  de: ['Januar', 'Jänner', 'Februar', 'März', 'Mai', 'Juni', 'Juli', 'Oktober', 'Dezember', 'Okt', 'Dez'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
    'janv', 'févr', 'avr', 'juil', 'sept', 'déc'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
    'ene', 'abr', 'ago', 'dic'],
  pt: ['janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro', 'fev', 'mai', 'set', 'out', 'dez'],
  it: ['gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'gen', 'mag', 'giu', 'lug', 'ott'],
  nl: ['januari', 'februari', 'maart', 'mei', 'augustus', 'mrt'],
  nordic: ['januar', 'februar', 'marts', 'mars', 'juni', 'juli', 'oktober', 'desember', 'december', 'maj', 'okt', 'des',
    'tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta'],
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  cs: ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
    'янв', 'фев', 'мар', 'апр', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  tr: ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'],
  id: ['Januari', 'Februari', 'Maret', 'Mei', 'Agustus', 'Oktober', 'Desember', 'Agt', 'Des'],
  vi: ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'],
  hi: ['जनवरी', 'फरवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'सितम्बर', 'अक्टूबर', 'नवंबर', 'नवम्बर', 'दिसंबर', 'दिसम्बर'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'إبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
    'كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  he: ['בינואר', 'בפברואר', 'במרץ', 'באפריל', 'במאי', 'ביוני', 'ביולי', 'באוגוסט', 'בספטמבר', 'באוקטובר', 'בנובמבר', 'בדצמבר'],
};

/** Every month name of every language. */
export const MONTHS: readonly string[] = [...new Set(Object.values(MONTHS_BY_LANGUAGE).flat())];

/**
 * Separators that end a dateline: dashes (with or without spaces), ".-", "--", a colon after an
 * agency, "=", a full stop (TASS's "/TASS/."), a slash (Swiss "Bern/sda."), or nothing but a space
 * after a press-release wire's own closing dashes ("--(BUSINESS WIRE)--").
 */
export const SEPARATOR = String.raw`\s*(?:\)\s*)?(?:\.\s*[-–—]|[-–—]{1,2}|:|=|\.|/)`;

function alternation(list: readonly string[]): string {
  if (list.length === 0) throw new Error('dateline patterns: empty list');
  // Longest first so that "dpa-AFX" wins over "dpa".
  return [...list].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
}

const AGENCY = AGENCY_ALTERNATION;
const titleCase = (m: string): string => m.charAt(0).toUpperCase() + m.slice(1).toLowerCase();
/** Every month in lower, title and upper case (JS regexes have no inline case-insensitivity on Node 18). */
const MONTH = alternation([...new Set(MONTHS.flatMap((m) => [m.toLowerCase(), titleCase(m), m.toUpperCase()]))]);
/** A year after a day and month: "2024", "de 2024". */
const YEAR = String.raw`(?:,?\s+(?:de\s+)?\d{4})`;
/**
 * A date as printed in a dateline: "May 21", "May 21, 2024", "3 jun", "26 Abr.", "19 mai 2024", "1er juin",
 * "21 de mayo de 2024", "21. května", "21 мая", "21.05.2024", "21 tháng 5", "2024年5月21日".
 */
const DATE = String.raw`(?:(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?${YEAR}?|\d{1,2}(?:er|º|°|st|nd|rd|th)?\.?\s+(?:de\s+|di\s+)?(?:${MONTH})\.?${YEAR}?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:\d{4}年)?\d{1,2}月\d{1,2}日)`;
/**
 * A place in capitals: "SEOUL", "NEW DELHI", "LONDON/NEW YORK", "SÃO PAULO", "МОСКВА", with the state
 * abbreviated ("FERGUSON, Mo.") or, before a comma, in full (press releases: "COLUMBUS, Ohio, May 21").
 */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}'’.\-]+(?:[ /]\p{Lu}[\p{Lu}'’.\-]+){0,3}(?:,\s+\p{Lu}[\p{Ll}]{1,5}\.(?:\s?\p{Lu}\.)?|,\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?(?=,))?`;
/** A place in title case, allowed only before an agency or a date: "Madrid", "Rio de Janeiro", "New Delhi [India]", "Hà Nội". */
const TITLE_PLACE = String.raw`\p{Lu}[\p{L}'’.\-]+(?:[ /](?:\p{Lu}[\p{L}'’.\-]+|de|del|da|do|dos|la|el|am|an|der|di|sur|upon|aan|op)){0,3}(?:\s\[\p{Lu}[\p{L} ]+\])?`;
/** A place in a script without capitals (Arabic, Persian, Hebrew, Devanagari), allowed only before an agency: "القدس المحتلة", "नई दिल्ली". */
const UNCASED_PLACE = String.raw`[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}][\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{M}]*(?:\s[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}][\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{M}]*){0,2}`;
const PLACE = `${CAPS_PLACE}|${TITLE_PLACE}|${UNCASED_PLACE}`;
/** The date after a place: ", May 21", "Praha 21. května", "Москва. 21 мая." (ČTK and Interfax print no comma). */
const PLACE_DATE = String.raw`(?:[,.]?\s+(?:${DATE})|,\s*(?:${DATE}))\.?`;
/**
 * The agency credit after a place: "(Reuters)", "(AP)", "(dpa/lnw)", "/TASS/", "/PRNewswire/",
 * "/Укрінформ/", "(GLOBE NEWSWIRE)", a press-release wire's "--(BUSINESS WIRE)".
 */
const AGENCY_CREDIT = String.raw`(?:(?:--\s*)?[(（](?<agency>${AGENCY})[)）]|/\s*(?<agency2>${AGENCY})\s*/)`;

/**
 * The dateline shapes, tried in order. Each is anchored at the start and
 * captures `place` (when printed), `agency` (when credited), `date` (when it
 * is printed apart) and `reporter` (a name printed inside the dateline).
 * Named groups may not repeat within one regex, so the alternatives number them.
 */
export const DATELINE_PATTERNS: readonly RegExp[] = [
  // SEOUL, May 21 (Reuters) -  |  Madrid, 3 jun (EFE).-  |  Paris (AFP) -  |  MOSCOW, May 19. /TASS/.  |  القدس (وفا) -
  // NEW YORK, May 21, 2024 /PRNewswire/ --  |  SAN FRANCISCO--(BUSINESS WIRE)--  |  TORONTO, May 21, 2024 /CNW/ -
  new RegExp(String.raw`^(?<place>${PLACE})(?<date>${PLACE_DATE})?\s*${AGENCY_CREDIT}${SEPARATOR}\s*(?:--\s*)?`, 'u'),
  // STOCKHOLM (TT) Regeringen  |  नई दिल्ली, 21 मई (भाषा) सरकार  (a place in capitals or in an uncased script and the
  // agency need no separator; a title-case one does: "The Associated Press (AP) reported" is a sentence)
  new RegExp(String.raw`^(?<place>${CAPS_PLACE}|${UNCASED_PLACE})(?<date>${PLACE_DATE})?\s*${AGENCY_CREDIT}\s+(?=[\p{Lu}\p{Lo}])`, 'u'),
  // (ANSA) - ROMA, 26 APR -  |  (Bloomberg) --  |  (AFP) -
  new RegExp(String.raw`^[(（](?<agency>${AGENCY})[)）]\s*(?:[-–—]{1,2}\s*(?<place>${CAPS_PLACE})(?<date>,\s*(?:${DATE}))?)?${SEPARATOR}\s*`, 'u'),
  // (서울=연합뉴스) 홍길동 기자 =  |  [서울=뉴시스]홍길동 기자 =  |  【ワシントン=共同】  |  【北京=共同】
  new RegExp(String.raw`^[(（\[【]\s*(?<place>[^=＝()（）\[\]【】\s]{1,20})\s*[=＝]\s*(?<agency>${AGENCY})\s*[)）\]】]\s*(?:(?<reporter>\p{L}{2,4}(?:[ ·]\p{L}{2,4}){0,3})\s*(?:기자|특파원|記者|특파원|선임기자|통신원)\s*)?(?:[=＝]\s*)?`, 'u'),
  // 【ワシントン共同】  |  【ロンドン時事】 (Japanese wires print the place and the agency together)
  /^【\s*(?<place>[^】]{1,15}?)(?<agency>共同|時事|ロイター|AFP時事|AFP=時事|新華社)】\s*/u,
  // 新华社北京5月21日电（记者张三）  |  【新华社北京5月21日电】  |  中新社上海5月21日电 (记者 李四)
  /^[【[]?(?<agency>新华社|新華社|中新社|中新网|中央社)(?<place>\p{Script=Han}{2,8}?)(?<date>\d{1,2}月\d{1,2}日)电[】\]]?\s*(?:[（(](?:记者|記者)\s*(?<reporter>[^）)]{1,30})[）)])?\s*/u,
  // Bern/sda.  |  Zürich/dpa:  (Swiss and German regional style: the agency after a slash, then a full stop or colon;
  // "Murat Kula/Anadolu Agency via Getty Images" is a photo credit, with no stop)
  new RegExp(String.raw`^(?<place>${CAPS_PLACE}|${TITLE_PLACE})/(?<agency>${AGENCY})[.:]\s+`, 'u'),
  // Москва. 21 мая. INTERFAX.RU -  |  الرياض - واس  |  تهران- ایرنا-  (agency printed bare, after a date or a dash)
  new RegExp(String.raw`^(?<place>${PLACE})(?:(?<date>${PLACE_DATE})\s+|\s*[-–—]\s*)(?<agency>${AGENCY})(?=[\s:.\-–—])${SEPARATOR}?\s*`, 'u'),
  // WASHINGTON —  |  MILLBROOK --  |  LONDON, May 19 —  |  ROMA, 21 MAG -   (staff copy: capitals and a dash, no agency)
  new RegExp(String.raw`^(?<place>${CAPS_PLACE})(?<date>,\s*(?:${DATE}))?\s*(?:—|–|--|\s-|\.\s*-)\s+`, 'u'),
];

/** Canonical agency name of a printed credit (the printed text itself when the table does not know it). */
export function agencyName(printed: string): string {
  return agencyOf(printed) ?? printed;
}

/** Openers that look like a place in capitals but are kickers or labels. */
export const NOT_A_PLACE = /^(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|WATCH|LIVE|VIDEO|PHOTOS?|CORRECTION|FACTBOX|EXPLAINER|COMMENT|REVIEW|INTERVIEW|NOTE|EDITOR'?S NOTE|FILE|READ MORE|ADVERTISEMENT|WARNING|Q&A|FAQ)\b/u;
