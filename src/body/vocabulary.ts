/**
 * Short-text vocabularies: the words sites print on boilerplate ("Related
 * Articles", "- Advertisement -", "Please enter your comment!"), in several
 * languages. Matched against a whole short string (a heading or a label),
 * case-folded, after trimming punctuation, never against running text.
 */
import type { BoilerplateKind } from '../types.js';

/** Longest text (chars) a label or heading may have to be tested against the vocabularies. */
export const MAX_LABEL_CHARS = 80;

function wholeLabel(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) throw new Error('wholeLabel: empty list');
  // Phrases are literal apart from optional trailing words in `( ...)?` groups written here.
  return new RegExp(`^(?:${phrases.join('|')})$`, 'iu');
}

/** Headings that open a block of links to other articles. */
export const RELATED_HEADING = wholeLabel([
  'related( articles?| posts?| stories| news| content| coverage| reading| topics| links)?',
  'more (related )?(articles|stories|news|posts|coverage|from [\\p{L}\\p{N} .&\'’-]{1,40})',
  'more on (this|that) (story|topic)',
  'read (more|also|next)',
  'also read', 'see also', 'check also', 'recommended( for you| articles| stories| reading)?',
  'you (may|might) (also )?(like|be interested in|have missed)', 'don[\'’]t miss', 'must read',
  'latest( articles| news| stories| posts| headlines)?', 'most (read|popular|viewed|shared|commented)',
  'top stories', 'trending( now| stories)?', 'popular( posts| articles| stories)?', 'editor[\'’]?s picks',
  'in other news', 'further reading', 'what to read next', 'up next', 'recent posts', 'related videos',
  'lesen sie auch( die(se)? (folgenden )?beiträge| unsere[nr]? [\\p{L} -]{1,30})?', 'auch interessant', 'neueste (artikel|beiträge|nachrichten)',
  'aktuellste beiträge', 'mehr themen', 'weitere themen', 'ähnliche (artikel|beiträge|themen)', 'le puede interesar', 'también te puede interesar', 'más noticias', 'das könnte sie auch interessieren', 'mehr zum thema', 'weitere artikel',
  'meistgelesen', 'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet', 'les plus lus',
  'noticias relacionadas', 'te puede interesar', 'lo más leído', 'leia também', 'leia mais', 'notícias relacionadas',
  'leggi anche', 'articoli correlati', 'ti potrebbe interessare', 'lees ook', 'gerelateerde artikelen', 'meer nieuws',
  'читайте также', 'по теме', 'похожие новости', 'другие новости', 'related articles', '相关文章', '相关新闻', '延伸閱讀', '相關新聞',
  '関連記事', '関連ニュース', '最新ニュース', '관련기사', '관련 기사', '많이 본 뉴스', 'δείτε επίσης', 'διαβάστε επίσης', 'zobacz także',
  'czytaj także', 'przeczytaj także', 'lees ook',
]);

/** Labels of comment sections and forms. */
export const COMMENTS_LABEL = wholeLabel([
  '(\\d+ )?comments?( \\(\\d+\\))?', 'leave a (reply|comment)', 'post a comment', 'add a comment', 'join the (discussion|conversation)',
  'what do you think', 'comments are closed', 'join (our|the) (commenting forum|discussion|conversation)', 'kommentare sind geschlossen', 'die kommentarfunktion ist geschlossen', 'reader comments', 'discussion', 'responses?', 'reactions?',
  'please enter your comment', 'please enter your name here', 'you have entered an incorrect email address',
  'your email address will not be published', 'cancel reply', 'save my name, email, and website in this browser for the next time i comment',
  'kommentare?( \\(\\d+\\))?', 'kommentieren', 'commentaires?', 'laisser un commentaire', 'comentarios?', 'deja un comentario',
  'commenti', 'comentários', 'reacties', 'réagir', 'réactions', 'reagieren', 'leserkommentare', 'reacciones', 'opina', 'participa', 'комментарии', '评论', '댓글', 'コメント',
  // WordPress's "Leave a Reply" heading of the comment form, as its translations print it.
  'kommentar verfassen', 'schreibe einen kommentar', 'hinterlasse einen kommentar', 'laisser une réponse', 'deja una respuesta',
  'lascia un commento', 'lascia una risposta', 'deixe um comentário', 'deixe uma resposta', 'geef een reactie', 'laat een reactie achter',
  'dodaj komentarz', 'skomentuj', 'оставьте комментарий', 'добавить комментарий',
]);

/** Ad labels. */
export const AD_LABEL = wholeLabel([
  'advertisements?', 'advertising', 'adverts?', 'sponsored( content| links| stories)?', 'paid (content|post|partner content)', 'promoted( content)?',
  'ad', 'ads', 'story continues below( this)? (ad|advertisement)', 'article continues below( this)? (ad|advertisement)',
  'continue reading (the main story|below)', 'anzeige', 'werbung', 'publicité', 'publicite', 'publicidad', 'pubblicità',
  'advertentie', 'реклама', '广告', '광고', '広告',
  // The bracketed "PR" that Japanese sites print over an ad slot.
  '\\[pr\\]', '【pr】', '\\(pr\\)', '（pr）',
]);

/** Newsletter and subscription calls. */
export const NEWSLETTER_LABEL = wholeLabel([
  'subscribe( now| today| to our newsletter)?', 'sign up( for (our|the) [\\p{L} ]{1,40}newsletters?)?( now)?', 'newsletters?',
  'get (our|the) [\\p{L} ]{1,30}newsletter', 'join our mailing list', 'newsletter abonnieren', 'jetzt abonnieren',
  '(sign up for|subscribe to|get) (our|the) [\\p{L}\\p{N} \'’-]{1,40}(newsletter|briefing|bulletin|digest)s?( now| today)?',
  'newsletter sign-?up', 'email newsletters?', 'recibe (nuestro|el) bolet[ií]n( [\\p{L} ]{1,30})?', 'bolet[ií]n(es)?', 'suscr[ií]bete (a|al) (nuestro )?bolet[ií]n',
  'suscribirme', 'recevez (notre|la) newsletter', 'abonnez-vous à (notre|la) newsletter',
  'inscrivez-vous( à (la|notre) newsletter)?', 'abonnez-vous', 'suscríbete', 'suscribete', 'iscriviti', 'assine',
]);

/** Share and follow labels. */
export const SHARE_LABEL = wholeLabel([
  'share( this( article| story| post)?| on (facebook|twitter|x|linkedin|whatsapp|email))?', 'tweet', 'email', 'print', 'copy link',
  'follow us( on [\\p{L} ]{1,20})?', 'teilen', 'artikel teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'delen', 'поделиться',
  // Share rows of more languages: "Partager cet article", "Del", "Dela", "Jaa", "Udostępnij", "Sdílet", "Поділитися",
  // "Paylaş", "Bagikan", "Chia sẻ", "مشاركة", "اشتراک‌گذاری", "שתף", "शेयर करें", "공유", "공유하기", "シェア", "分享", "分享到"
  'partager (cet|l\'|l’)article', 'compartir (esta noticia|este artículo|en [\\p{L} ]{1,20})', 'del', 'dela', 'del artikel', 'jaa', 'udostępnij',
  'sdílet', 'поділитися', 'paylaş', 'bagikan', 'chia sẻ', 'مشاركة', 'شارك', 'اشتراک‌گذاری', 'שתף', 'शेयर करें', 'शेयर', '공유', '공유하기',
  'シェア', 'シェアする', '分享', '分享到',
]);

/** Labels of site navigation: search boxes, archives and category lists, menus. */
export const NAVIGATION_LABEL = wholeLabel([
  'search( for| this site| the site| our site)?', 'archives?', 'categories', 'menu', 'main menu', 'site ?map', 'sections', 'browse',
  'quick links', 'useful links', 'suche', 'suchen', 'rubriken', 'rechercher', 'recherche', 'buscar', 'búsqueda', 'cerca', 'zoeken',
  // Skip links for keyboard and screen-reader users.
  'skip to( the)?( main)? (content|navigation|article)', 'skip (navigation|to main)', 'zum inhalt( springen)?', 'springe zum inhalt',
  'direkt zum inhalt', 'aller au contenu( principal)?', 'saltar al contenido( principal)?', 'vai al contenuto', 'ir para o conteúdo', 'naar inhoud',
]);

/** Lines that point to the original article on republishing sites. */
export const SOURCE_LINK_LABEL = wholeLabel([
  'source link', 'source', 'original source', 'read the original( article)?', 'view original( article)?',
  'originally published (at|on|by) .{1,60}', 'this article (was )?originally appeared (on|in) .{1,60}', 'quelle', 'fuente', 'fonte',
]);

/** Cookie and consent notices (sentences, so matched as a prefix of short blocks). */
export const COOKIE_TEXT = /^(we use cookies|this (web)?site uses cookies|we and our partners use cookies|wir verwenden cookies|diese website verwendet cookies|nous utilisons des cookies|utilizamos cookies|usamos cookies|utilizziamo i cookie)\b/iu;

/**
 * Consent notices worded as sentences anywhere in a short block ("Your
 * privacy choices. We and our partners use cookies..."): a mention of cookies
 * together with the words of a consent prompt.
 */
const COOKIE_MENTION = /\bcookies?\b|\bcookie-/iu;
const CONSENT_WORDS = /\b(?:accept|consent|privacy|partners|preferences|settings|manage|agree|einwillig|akzeptier|zustimm|datenschutz|accepter|consentement|aceptar|consentimiento|privacidad|accetta|consenso)/iu;

/** True when a short block's text is a cookie or consent notice. */
export function isCookieNotice(text: string): boolean {
  return COOKIE_TEXT.test(text) || (COOKIE_MENTION.test(text) && CONSENT_WORDS.test(text));
}

/** Paywall calls ("Subscribe to continue reading"), as a prefix of short blocks. */
export const PAYWALL_TEXT = /^(subscribe to (continue|keep) reading|to continue reading|this (article|content|story) is (only )?(available|reserved) (to|for) (subscribers|members)|already a subscriber|you have reached your (free )?(article )?limit|create a free account to (continue|read)|jetzt weiterlesen|weiterlesen mit|abonnez-vous pour lire|la suite est réservée aux abonnés)/iu;

/**
 * A newsletter pitch written as a sentence inside the article ("Sign up for
 * The Morning Brief to get the free daily newsletter delivered to your
 * inbox"): a call to sign up or subscribe and the word newsletter in one
 * sentence. The cleaner applies it to blocks with a link of under
 * {@link MAX_PITCH_CHARS} characters only, which also bounds its scan.
 */
export const NEWSLETTER_PITCH = /\b(?:sign up|signup|subscribe|register|abonnieren|abonniere|abonnez-vous|inscrivez-vous|suscr[ií]bete|iscriviti)\b[^.!?]{0,120}\b(?:newsletters?|e-?mail briefings?|bolet[ií]n|lettre d'information)\b|\bnewsletters?\b[^.!?]{0,60}\b(?:sign up|subscribe|abonnieren|inscrivez-vous|suscr[ií]bete)\b/iu;

/** Longest newsletter pitch (chars): two sentences. */
export const MAX_PITCH_CHARS = 300;

/** Headings of the author box under a post. */
export const AUTHOR_BOX_LABEL = wholeLabel([
  'about the author', 'about the authors', 'über den autor', 'über die autorin', 'über die autoren', 'zum autor', 'zur autorin',
  "à propos de l'auteur", "à propos de l’auteur", 'sobre el autor', 'sobre la autora', 'sobre o autor', "sull'autore", 'sull’autore', 'over de auteur', 'o autorze',
]);

/** Reader-feedback prompts and similar page furniture. */
export const FEEDBACK_LABEL = wholeLabel([
  'war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)', 'was this (article|page|information) (helpful|useful)',
  'did you find this (article |page )?(helpful|useful)', 'möchten sie (den|diesen) (artikel|beitrag) teilen', 'rate this article',
  'cet article vous a-t-il été utile', '¿te ha resultado útil( este artículo)?',
]);

/**
 * Rights and standards trailers printed under wire copy ("© 2024 Reuters",
 * "All rights reserved", EFE's redistribution notice): literal, lower-case
 * phrases found anywhere in a short block (substring search, no regex: it
 * runs on every short block of the region).
 */
export const LEGAL_PHRASES: readonly string[] = [
  '©', '(c) 1', '(c) 2', 'all rights reserved', 'alle rechte vorbehalten', 'tous droits réservés', 'todos los derechos reservados',
  'tutti i diritti riservati', 'todos os direitos reservados', 'expresamente prohibida la', 'trust principles',
  'reproduction interdite', 'copyright 1', 'copyright 2', 'все права защищены', 'wszelkie prawa zastrzeżone',
  'απαγορεύεται η αναδημοσίευση', '無断転載', '版權所有', '版权所有', '무단전재',
  // Rights notices of more languages (Yonhap's "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", Xinhua's "未经授权禁止转载")
  '무단 전재', '재배포 금지', '저작권자', '未经授权', '禁止转载', '不得转载', '著作権は', 'alle rechten voorbehouden',
  'alle rettigheder forbeholdes', 'alle rettigheter reservert', 'alla rättigheter förbehållna', 'kaikki oikeudet pidätetään',
  'všechna práva vyhrazena', 'všetky práva vyhradené', 'всі права захищені', 'tüm hakları saklıdır', 'hak cipta dilindungi',
  'bản quyền thuộc về', 'جميع الحقوق محفوظة', 'كل الحقوق محفوظة', 'تمامی حقوق', 'כל הזכויות שמורות', 'सर्वाधिकार सुरक्षित',
];

/** True when a short block's text carries a rights notice. */
export function isLegalText(text: string): boolean {
  const t = text.toLowerCase();
  for (const phrase of LEGAL_PHRASES) if (t.includes(phrase)) return true;
  return false;
}

/**
 * A related-link label opening a block ("READ MORE: Workers in Britain...",
 * "Lesen Sie auch: ..."), matched as a prefix followed by a separator.
 */
export const RELATED_PREFIX = /^(?:read more|read also|also read|more|related|see also|watch|listen|recommended|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|leia também|leia mais|leggi anche|te puede interesar|le puede interesar|ver también|lee también|más información|lees ook|читайте также)\s*[:»>|–—-]/iu;

/** Call-to-action link texts of promotional boxes ("Browse the library", "Sign up", "Download the report"). */
export const CTA_LINK = /^(?:browse|download|learn more|find out more|read more|register|sign up|sign in|log in|subscribe|join|try|shop|buy|order|book now|get (?:the|our|your|it)|start|discover|explore|request|contact us|see (?:more|all|offers?)|jetzt|mehr erfahren|zum angebot|découvrir|en savoir plus|s'abonner|descubre|suscríbete|scopri)\b/iu;

/** Heading and label vocabularies in the order they are tried. */
export const LABEL_VOCABULARIES: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['related', RELATED_HEADING],
  ['comments', COMMENTS_LABEL],
  ['ad', AD_LABEL],
  ['newsletter', NEWSLETTER_LABEL],
  ['share', SHARE_LABEL],
  ['navigation', NAVIGATION_LABEL],
  ['other', FEEDBACK_LABEL],
  ['other', AUTHOR_BOX_LABEL],
];

/** Most words a label has (the longest vocabulary entry is WordPress's "Save my name, email, and website..."). */
const MAX_LABEL_WORDS = 16;

function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** Decoration trimmed from the start of a label. */
const LEADING_DECORATION = /[\s\-–—•·|:>»«›‹*#]/u;
/** Decoration trimmed from the end of a label. */
const TRAILING_DECORATION = /[\s\-–—•·|:>»«›‹*#!?.…]/u;

/**
 * Trims decoration around a label: dashes, bullets, colons, arrows and quotes.
 * Trimmed character by character: `/[…]+$/` backtracks quadratically on a
 * long run of decoration followed by anything else (headings of any length
 * come here).
 */
export function normaliseLabel(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING_DECORATION.test(text[start]!)) start++;
  while (end > start && TRAILING_DECORATION.test(text[end - 1]!)) end--;
  return text.slice(start, end).replace(/\s+/g, ' ').toLowerCase();
}

/** The boilerplate kind a short label names, or null. */
export function labelKind(text: string): BoilerplateKind | null {
  if (text.length === 0 || text.length > MAX_LABEL_CHARS || wordCount(text) > MAX_LABEL_WORDS) return null;
  const label = normaliseLabel(text);
  if (!label) return null;
  for (const [kind, re] of LABEL_VOCABULARIES) if (re.test(label)) return kind;
  return null;
}
