/**
 * The date stage's tables: month names by language, relative-date phrases,
 * and the metadata names that carry publication and modification dates,
 * ordered most specific first.
 */

const MONTHS_BY_LANGUAGE: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'],
    ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']],
  de: [['januar', 'jänner', 'jan'], ['februar', 'feber', 'feb'], ['märz', 'maerz', 'mär', 'mrz'], ['april', 'apr'], ['mai'], ['juni', 'jun'],
    ['juli', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['dezember', 'dez']],
  fr: [['janvier', 'janv'], ['février', 'fevrier', 'févr', 'fevr'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'], ['juillet', 'juil'],
    ['août', 'aout'], ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'decembre', 'déc', 'dec']],
  es: [['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'], ['julio', 'jul'],
    ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic']],
  it: [['gennaio', 'gen'], ['febbraio', 'feb'], ['marzo', 'mar'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'], ['luglio', 'lug'],
    ['agosto', 'ago'], ['settembre', 'set'], ['ottobre', 'ott'], ['novembre', 'nov'], ['dicembre', 'dic']],
  pt: [['janeiro', 'jan'], ['fevereiro', 'fev'], ['março', 'marco', 'mar'], ['abril', 'abr'], ['maio', 'mai'], ['junho', 'jun'], ['julho', 'jul'],
    ['agosto', 'ago'], ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'], ['dezembro', 'dez']],
  nl: [['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt'], ['april', 'apr'], ['mei'], ['juni', 'jun'], ['juli', 'jul'],
    ['augustus', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['december', 'dec']],
  ru: [['января', 'январь', 'янв'], ['февраля', 'февраль', 'фев'], ['марта', 'март', 'мар'], ['апреля', 'апрель', 'апр'], ['мая', 'май'],
    ['июня', 'июнь', 'июн'], ['июля', 'июль', 'июл'], ['августа', 'август', 'авг'], ['сентября', 'сентябрь', 'сен'],
    ['октября', 'октябрь', 'окт'], ['ноября', 'ноябрь', 'ноя'], ['декабря', 'декабрь', 'дек']],
};

/** Month name (lower case, any supported language) to month number. Names shared by languages agree on the number. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const months of Object.values(MONTHS_BY_LANGUAGE)) {
    months.forEach((names, i) => {
      for (const name of names) map.set(name, i + 1);
    });
  }
  return map;
})();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Relative-date units in the supported languages, in milliseconds. */
export const RELATIVE_UNITS: ReadonlyMap<string, number> = new Map([
  ...['minute', 'minutes', 'min', 'mins', 'minuten', 'minute', 'minutos', 'minuti', 'минут', 'минуты', 'минуту'].map((u) => [u, MINUTE] as const),
  ...['hour', 'hours', 'hr', 'hrs', 'stunde', 'stunden', 'heure', 'heures', 'hora', 'horas', 'ora', 'ore', 'uur', 'час', 'часа', 'часов'].map((u) => [u, HOUR] as const),
  ...['day', 'days', 'tag', 'tagen', 'tage', 'jour', 'jours', 'día', 'días', 'dia', 'dias', 'giorno', 'giorni', 'dag', 'dagen', 'день', 'дня', 'дней'].map((u) => [u, DAY] as const),
  ...['week', 'weeks', 'woche', 'wochen', 'semaine', 'semaines', 'semana', 'semanas', 'settimana', 'settimane', 'weken', 'неделю', 'недели', 'недель'].map((u) => [u, 7 * DAY] as const),
  ['yesterday', DAY], ['gestern', DAY], ['hier', DAY], ['ayer', DAY], ['ieri', DAY], ['ontem', DAY], ['gisteren', DAY], ['вчера', DAY],
  ['today', 0], ['heute', 0], ["aujourd'hui", 0], ['hoy', 0], ['oggi', 0], ['hoje', 0], ['vandaag', 0], ['сегодня', 0],
]);

/** Relative-date phrases; `n` is the amount (absent = 1), `unit` or `word` a key of {@link RELATIVE_UNITS}. Anchored: a whole short label. */
export const RELATIVE_PATTERNS: readonly RegExp[] = [
  /^\s*(?:published |updated |posted )?(?<n>\d{1,4}) (?<unit>[a-zа-я]+) ago\b/u,
  /^\s*vor (?<n>\d{1,4}) (?<unit>[a-zäöü]+)\b/u,
  /^\s*il y a (?<n>\d{1,4}) (?<unit>[a-z]+)\b/u,
  /^\s*hace (?<n>\d{1,4}) (?<unit>[a-zí]+)\b/u,
  /^\s*(?<n>\d{1,4}) (?<unit>[a-z]+) fa\b/u,
  /^\s*há (?<n>\d{1,4}) (?<unit>[a-z]+)\b/u,
  /^\s*(?<n>\d{1,4}) (?<unit>[a-z]+) geleden\b/u,
  /^\s*(?<n>\d{1,4}) (?<unit>[а-я]+) назад\b/u,
  /^\s*(?<word>yesterday|gestern|hier|ayer|ieri|ontem|gisteren|вчера|today|heute|aujourd'hui|hoy|oggi|hoje|vandaag|сегодня)\b/u,
];

/**
 * `<meta>` names and properties that name the publication date, most
 * specific first.
 */
export const PUBLISHED_META: readonly string[] = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'article.published', 'article_date_original', 'original-publish-date', 'publish-date', 'publish_date',
  'publishdate', 'pubdate', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created',
  'dcterms.created', 'citation_publication_date', 'citation_date', 'citation_online_date', 'prism.publicationdate',
  'cxenseparse:recs:publishtime', 'bt:pubdate', 'displaydate', 'og:pubdate', 'article:post_date',
];

/**
 * `<meta>` names that carry a date without saying which: content management
 * systems fill them with the page's creation, last edit or generation date
 * as often as with the publication. Read after {@link PUBLISHED_META}, and a
 * date printed under the headline outranks them.
 */
export const GENERIC_DATE_META: readonly string[] = ['dc.date', 'dcterms.date', 'date', 'created', 'creation_date', 'timestamp'];


/** `<meta>` names and properties that carry the last-modified date, most specific first. */
export const MODIFIED_META: readonly string[] = [
  'article:modified_time', 'og:article:modified_time', 'article:modified', 'datemodified', 'og:updated_time', 'modified_time',
  'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'revised', 'article.updated', 'parsely-updated',
];

/** Class/id of elements printing the publication date ("entry-date", "published", "post-date"). */
export const DATE_ELEMENT_CLASS = /(?:^|[\s_-])(?:date|datum|time|timestamp|published|publish|pubdate|posted|post-date|entry-date|dateline|byline|meta|fecha|data|date-published|article-date|article-time|submitted|article-info|details)(?=$|[\s_-])/i;

/** Words that mark a printed date as a modification, not the publication ("Updated May 20"). */
export const UPDATED_WORDS = /(?<!\p{L})(?:updated?|modified|edited|aktualisiert|geändert|mis à jour|modifié|actualizado|aggiornato|atualizado|bijgewerkt|обновлено)(?!\p{L})/iu;

/** Words that label a printed date as the publication ("Published", "Veröffentlicht", "Erstellt am"). */
export const PUBLISHED_WORDS = /(?<!\p{L})(?:published|posted|written|veröffentlicht|erstellt|erschienen|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd|опубликовано)(?!\p{L})/iu;

/** Words of dates that are never the article's: a member's registration on forums and profiles. */
export const NOT_PUBLICATION_WORDS = /(?<!\p{L})(?:registered|joined|member since|registriert|mitglied seit|dabei seit|inscrit(?:e)? (?:le|depuis)|miembro desde|registrado|iscritto|lid sinds|зарегистрирован)(?!\p{L})/iu;
