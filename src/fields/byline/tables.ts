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

/**
 * Words printed before the names ("By", "Von", "Par", "Por", "Di", "Door", "Written by", "Text:",
 * "Text von", "Ein Beitrag von"). A picture's credit ("Photos by", "Video by") is not one: the
 * photographer did not write the story, and such a line is a caption's credit.
 */
export const BYLINE_PREFIX = /^\s*(?:(?:(?:written|reported|posted|published|words|story|text|reporting|compiled|edited|more (?:stories|articles|posts))\s+(?:by|from)|(?:eingestellt|erstellt|veröffentlicht|geschrieben|verfasst|publiziert|gepostet|text|(?:ein\s+)?(?:blog|gast)?\s?beitrag)\s+von|publicado por|publié par|scritto da|by|von|par|por|di|door|av|af)\b\s*:?|(?:text|autor|auteur|author|autore|autora|quelle)\s*:|(?:author|autor|auteur)\s+(?=\p{Lu})|(?:投稿者|作者|著者|筆者|記者|文)\s*[:：]?)\s*/iu;

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
