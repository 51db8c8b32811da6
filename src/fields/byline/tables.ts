/**
 * The byline stage's tables: where authors are named, and what is not a name.
 */

/**
 * `<meta>` names that carry the author, most specific first. Plain `author`
 * comes last: on many sites it names the site or its developer.
 */
export const AUTHOR_META: readonly string[] = [
  'article:author_name', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator', 'dcterms.creator', 'dc.creator.name',
  'citation_author', 'article:author', 'og:article:author', 'author', 'twitter:creator',
];

/** Labels of a Twitter card value naming the author (`twitter:label1` "Written by" / `twitter:data1`). */
export const AUTHOR_LABEL = /^(?:written by|author|authors|by|verfasst von|geschrieben von|autor|autorin|escrito por|écrit par|auteur|scritto da|autore|geschreven door|auteur)$/i;

/** Class/id of elements printing the byline, most specific first (matched as whole tokens). */
export const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-line|bylines|author-name|authorname|author_name|byline-name|article-author|post-author|entry-author|author|authors|writer|journalist|posted-by|postedby|reporter|autor|autoren|autores|autori|auteur|auteurs|autore|story-author|contributor|contributors)(?=$|[\s_-])/i;

/** Escapes a token for a regex and lets its inner spaces be any run of spaces. */
function token(t: string): string {
  return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
const alternation = (tokens: readonly string[]): string => [...tokens].sort((a, b) => b.length - a.length).map(token).join('|');

/** Verbs and nouns before "by"/"from" that lead in to the names ("Written by", "Reporting by", "More stories from"). */
export const LEAD_IN_WORDS: readonly string[] = [
  'written', 'reported', 'posted', 'published', 'words', 'story', 'text', 'reporting', 'compiled', 'edited',
  'more stories', 'more articles', 'more posts',
];

/** German lead-ins before "von" ("Ein Beitrag von", "Text von", "Verfasst von"). */
export const GERMAN_LEAD_IN_WORDS: readonly string[] = [
  'eingestellt', 'erstellt', 'veröffentlicht', 'geschrieben', 'verfasst', 'publiziert', 'gepostet', 'text',
];

/**
 * Byline label words in the Latin-script languages, printed before the names:
 * English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish and
 * Norwegian ("Av"), Danish ("Af"), Indonesian ("Oleh"), Vietnamese ("Bởi").
 */
export const BYLINE_WORDS: readonly string[] = [
  'publicado por', 'publié par', 'scritto da', 'escrito por', 'écrit par', 'geschreven door', 'skrevet af', 'skrevet av', 'skriven av',
  'by', 'von', 'par', 'por', 'di', 'door', 'av', 'af', 'oleh', 'bởi',
];

/** Labels followed by a colon ("Text:", "Autor:", "Tekst:", "Автор:", "Yazar:", "Tác giả:"). */
export const BYLINE_COLON_LABELS: readonly string[] = [
  'text', 'autor', 'autorin', 'autorka', 'auteur', 'author', 'autore', 'autora', 'quelle', 'tekst', 'forfatter', 'författare',
  'kirjoittaja', 'yazar', 'yazan', 'penulis', 'tác giả', 'автор', 'авторка', 'текст',
];

/** Labels before a capitalised name without a colon ("Author Jane Doe", "Автор Иван Петров"). */
export const BYLINE_BARE_LABELS: readonly string[] = ['author', 'autor', 'auteur', 'автор'];

/**
 * Labels in scripts without word boundaries the regex engine knows (Chinese, Japanese, Korean,
 * Arabic, Persian, Hebrew, Hindi), with an optional colon: "記者", "作者：", "글", "بقلم", "كتب",
 * "نویسنده", "מאת", "लेखक".
 */
export const BYLINE_SCRIPT_LABELS: readonly string[] = [
  '投稿者', '作者', '著者', '筆者', '記者', '记者', '文', '글', '기자', 'بقلم', 'كتب', 'كتبت', 'نویسنده', 'نوشته', 'מאת', 'लेखक',
];

/**
 * Words printed before the names ("By", "Von", "Par", "Por", "Di", "Door", "Av", "Af", "Written by", "Text:",
 * "Text von", "Ein Beitrag von", "Автор:", "記者", "بقلم"). A picture's credit ("Photos by", "Video by") is not
 * one: the photographer did not write the story, and such a line is a caption's credit. Built from the lists above.
 */
export const BYLINE_PREFIX = new RegExp(
  String.raw`^\s*(?:(?:(?:${alternation(LEAD_IN_WORDS)})\s+(?:by|from)|(?:${alternation(GERMAN_LEAD_IN_WORDS)}|(?:ein\s+)?(?:blog|gast)?\s?beitrag)\s+von|${alternation(BYLINE_WORDS)})(?![\p{L}\d])\s*:?` +
    String.raw`|(?:${alternation(BYLINE_COLON_LABELS)})\s*:|(?:${alternation(BYLINE_BARE_LABELS)})\s+(?=\p{Lu})|(?:${alternation(BYLINE_SCRIPT_LABELS)})\s*[:：]?)\s*`,
  'iu',
);

/**
 * Words that print a date or a time beside the byline ("Updated", "Publié le", "Actualizado",
 * "Aktualisiert", "입력", "수정", "更新"): never a name, and the byline ends where one begins.
 */
export const DATE_WORDS: readonly string[] = [
  'updated', 'last updated', 'published', 'posted', 'first published', 'publié', 'publié le', 'mis à jour', 'modifié',
  'actualizado', 'actualizada', 'publicado', 'publicada', 'atualizado', 'atualizada', 'aggiornato', 'pubblicato',
  'aktualisiert', 'veröffentlicht', 'zuletzt aktualisiert', 'stand', 'bijgewerkt', 'gepubliceerd', 'geplaatst',
  'opdateret', 'publiceret', 'oppdatert', 'publisert', 'uppdaterad', 'publicerad', 'päivitetty', 'julkaistu',
  'zaktualizowano', 'opublikowano', 'aktualizováno', 'publikováno', 'aktualizace', 'обновлено', 'опубликовано',
  'оновлено', 'опубліковано', 'güncellendi', 'güncelleme', 'yayınlanma', 'diperbarui', 'dipublikasikan', 'cập nhật',
  '입력', '수정', '승인', '更新', '公開', '发布', '發布', 'تحديث', 'نشر', 'עודכן', 'अपडेट',
];

/** A date word, at the start or after a space ("Jane Doe Updated 3 May", "홍길동 기자 입력 2024.05.21"). */
export const DATE_WORD = new RegExp(String.raw`(?:^|\s)(?:${alternation(DATE_WORDS)})(?![\p{L}\d])`, 'iu');

/**
 * Job titles as the last word of a byline part ("Senior Science Writer", "Chief Political
 * Correspondent", "Redakteurin"): a part ending in one names a role, not a person.
 */
export const JOB_TITLE_NOUNS: readonly string[] = [
  'writer', 'editor', 'reporter', 'correspondent', 'columnist', 'contributor', 'producer', 'photographer', 'analyst',
  'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin', 'reporterin', 'journaliste', 'rédacteur', 'rédactrice',
  'correspondant', 'correspondante', 'redactor', 'redactora', 'corresponsal', 'periodista', 'repórter', 'correspondente',
  'giornalista', 'corrispondente', 'redacteur', 'verslaggever', 'correspondent', 'reporter', 'journalist', 'redaktör',
  'dziennikarz', 'dziennikarka', 'redaktor', 'корреспондент', 'журналист', 'кореспондент', 'журналіст', 'muhabiri',
  'wartawan',
];

/** A byline part that is a job title: its last word is one of {@link JOB_TITLE_NOUNS}. */
export const JOB_TITLE = new RegExp(String.raw`(?:^|\s)(?:${alternation(JOB_TITLE_NOUNS)})$`, 'iu');

/** Labels printed after a Korean, Japanese or Chinese reporter's name ("홍길동 기자", "山田太郎記者", "김철수 특파원"). */
export const NAME_SUFFIXES: readonly string[] = ['선임기자', '객원기자', '기자', '특파원', '통신원', '記者', '记者', '特派員', '特派员'];

/**
 * Words after the names that end the byline: social links, profile buttons, links to the author's other pieces, dates,
 * a picture's credit ("Text von Jane Doe Illustration von Sam Roe").
 * Short words that also occur inside names ("Loïc Le Clerc", "Jane Am Ende") end it only before a date; a weekday
 * only when a date follows it ("on Sunday, May 19"), as outlets carry weekdays in their names ("The Mail on Sunday").
 */
export const BYLINE_TAIL = /\s+(?:last updated|last modified|alle artikel|alle beiträge|weitere artikel|all posts|all articles|more articles|kontakt|contact|twitter|facebook|instagram|linkedin|email|e-mail|profile|follow|unfollow|view profile|more from|see all|published|updated|posted|publicado|publié|veröffentlicht|aktualisiert|erstellt|stand|geändert|pubblicato|(?:photos?|photographs?|pictures|fotos?|bilder|illustrations?|video|grafik)\s+(?:by|von|par|de|di)(?=\s)|(?:am|on|le|el|il|vom)\s+(?:\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*|(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\p{L}*(?=,?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))))|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d+|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|déc|ene|abr|ago|dic|gen|mag|giu|lug|set|ott)\p{L}*|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b.*$/iu;

/** Roles and titles printed after a name ("Jane Doe, Staff Writer", "John Smith | Senior Editor"). */
export const ROLE_WORDS = /\b(?:chefredakteur|chefredakteurin|herausgeber|herausgeberin|autorin|reporterin|fotograf|fotografin|staff|senior|chief|editor|editors|editorial|writer|writers|reporter|reporters|correspondent|columnist|contributor|contributing|producer|photographer|intern|analyst|bureau|desk|team|news|redaktion|redakteur|redakteurin|korrespondent|korrespondentin|journalist|journaliste|rédaction|redacción|redazione|correspondant|envoyé|spécial|special|guest|freelance|updated|published)\b/i;

/** Words that mean the text is not a byline at all. */
export const NOT_A_BYLINE = /(?:https?:|www\.|@\w|\d{3,}|\b(?:comments?|share|follow|subscribe|minutes? read|min read|read more|posted in|filed under|tags?|categor|says|said|wrote|sagt|schreibt|meint|dice|escribe|écrit)\b|^(?:posted|published|updated|last|veröffentlicht|aktualisiert|zuletzt|zuletzt geändert|name|autor|autor\/in|autor:in|autorin|author|alle beiträge|alle artikel|all posts|all articles|view all posts)(?:\s+(?:on|am|le|el|il|vom|at))?\W*$)/iu;

/** Class/id of comment threads: a name printed there is a commenter's, not the byline. */
export const COMMENT_CONTAINER = /(?:^|[\s_-])(?:comment|comments|commentlist|comment-list|respond|reply|replies|discussion|disqus)(?=$|[\s_-])/i;

/** Separators between several authors. */
export const AUTHOR_SEPARATORS = /\s*(?:,|;|\||&|\/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bи\b|·)\s*/iu;

/** Longest byline text (chars) read from the page. */
export const MAX_BYLINE_CHARS = 120;

/** Longest author name (words). */
export const MAX_NAME_WORDS = 5;

/** Class/id words of elements near a byline that are not the credit line itself (avatars, bios, labels). */
export const NOT_BYLINE_CLASS = /avatar|image|photo|bio|box|description|about|label|title|role|job/i;

/**
 * Class/id of a picture's caption or credit: a name printed there ("Photo by
 * Jane Doe/Agency", "Quelle: Jane Doe") is the photographer's.
 */
export const CREDIT_CONTEXT = /(?:^|[\s_-])(?:caption|captions|figcaption|copyright|photo-credit|image-credit|media-credit|wp-caption)(?=$|[\s_-])/i;

/** A credit for a picture rather than for the text: "Jane Doe (photography)", "(photos)", "(illustration)". */
export const PICTURE_ROLES = /\((?:photo|photos|photography|photographs|pictures|images|illustrations?|graphics?|video|fotos?|fotografie|bilder|grafik|illustrationen)\)\s*$/i;

/** Collective nouns that end a desk's credit ("Smart Shopping Team", "Blog Redaktion"), which is kept whole. */
export const COLLECTIVE_WORDS = /^(?:team|staff|desk|redaktion|newsroom|editors|rédaction|redacción|redazione)$/i;

/** Words linking a role to its beat or employer ("Editor for Business", "Redakteur für Wirtschaft"). */
export const AFFILIATION_WORDS = /^(?:for|of|at|für|bei|beim|im|de|du|des|del|della|di)$/i;

/**
 * Default account names of publishing systems ("admin", "wordpressadmin", "webmaster"): the
 * account that posted the page, never a person's name, so never a byline.
 */
export const ACCOUNT_NAME = /^(?:(?:wp|wordpress|site|web|blog)?[-_ ]?admin(?:istrator)?\d*|webmaster|root|administrator)$/i;

/**
 * A login handle ("christian.stadtfeld", "oreilly_japan"): lower-case words joined by dots or
 * underscores. Structured data (JSON-LD, `<meta>`) sometimes gives the account instead of the
 * name; it is not what the page prints, so it is not returned as a byline from those signals.
 */
export const LOGIN_HANDLE = /^[\p{Ll}\d]+(?:[._][\p{Ll}\d]+)+$/u;

/**
 * A weekday ending the credit without a date ("By Jane Doe on Monday"). The preposition is
 * matched in lower case only: in title case it belongs to a name ("For The Mail On Sunday").
 * Read on whitespace-collapsed text (single spaces), which keeps it linear.
 */
export const WEEKDAY_TAIL = / (?:on|am|le|el|il|vom) (?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Mm]ontag|[Dd]ienstag|[Mm]ittwoch|[Dd]onnerstag|[Ff]reitag|[Ss]amstag|[Ss]onntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\p{Ll}*\.?$/u;

/**
 * A picture credit's opening ("Photographs by", "Video by"): stripped from the names of a
 * credit line the page marks as its byline (a gallery credits its photographers), but it does
 * not make an unmarked line a byline (under a picture it credits the photographer).
 */
export const PICTURE_PREFIX = /^\s*(?:photos?|photographs?|pictures|video|fotos?)\s+(?:by|von)\b\s*:?\s*/i;
