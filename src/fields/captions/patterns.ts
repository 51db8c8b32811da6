/**
 * Caption tables: the markup sites give captions and photo credits, the words
 * that print a credit, the photo agencies and services that make a bare name
 * a credit, and the furniture (counters, "Image caption," labels, "Purchase
 * Licensing Rights" links) that is not part of a caption's text.
 */
import { tokenPattern } from '../../body/patterns.js';
import { PHOTO_AGENCY_FORMS } from '../agencies/table.js';

/**
 * Class/id of caption blocks, as substrings: `wp-caption-text`,
 * `image__caption`, `cutline`, `bildtext`, `article__legende`, `photo-text`.
 * Also names the credit line ("credit") because a credit printed alone under
 * an image is caption furniture, not body text.
 */
export const CAPTION_CLASS = /caption|credit|cutline|photo-?text|image-?text|img-?text|bildtext|bildunterschrift|legende/i;

/** `itemprop` values of a caption (schema.org ImageObject/VideoObject). */
export const CAPTION_ITEMPROP = /(?:^|\s)(?:caption|description)(?:$|\s)/i;

/**
 * Class/id of a photo credit inside a caption or figure, as substrings
 * ("caption-credit", "photo-credit", "image__copyright", "articulo__credito",
 * "bildnachweis").
 */
export const CREDIT_CLASS = /credit|copyright|cr[eé]dito|photographer|fotograf|bildnachweis|bildquelle|attribution|image-?source|photo-?source|media-?source|byline/i;

/** `itemprop` values of a photo credit. */
export const CREDIT_ITEMPROP = /(?:^|\s)(?:creditText|copyrightHolder|copyrightNotice|creator|author)(?:$|\s)/i;

/** Tags that hold the credit when they sit inside a figure or caption (`<cite>`, `<small>`). */
export const CREDIT_TAGS: ReadonlySet<string> = new Set(['cite', 'small']);

/** Class tokens of galleries and slideshows: an item there with one image and a line of text is a captioned photo. */
export const GALLERY_CLASS = tokenPattern([
  'gallery', 'galleries', 'slideshow', 'slider', 'carousel', 'slides', 'slide', 'swiper', 'lightbox',
  'photo-gallery', 'image-gallery', 'photostory', 'bildergalerie', 'diaporama', 'galeria',
]);

/** Class tokens of text printed for screen readers only ("Image caption, ", "Credit..."). */
export const SCREEN_READER_CLASS = tokenPattern([
  'sr-only', 'sr-text', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only', 'screenreader',
  'a11y', 'a11y-only', 'assistive-text', 'offscreen', 'off-screen', 'hidden-text', 'u-hidden', 'hide-text', 'is-hidden',
  'show-for-sr', 'element-invisible', 'hide-visually',
]);

/** Labels printed before a caption's text ("Image caption, ", "Caption:"), removed from the text. */
export const CAPTION_LABEL = /^(?:(?:image|media|photo|video|picture|graphic) caption|caption|legende|légende|bildunterschrift|pie de foto|didascalia)\s*[,:.]\s*/iu;

/**
 * Notices a media player prints in place of the video when it cannot play
 * ("Media playback is unsupported on your device", "Your browser does not
 * support the video tag"): furniture at the start of a video's caption, never
 * its text.
 */
export const PLAYER_NOTICE = /^(?:media playback is (?:unsupported|not supported) on your device|your browser does not support (?:the )?(?:html5 )?(?:video|audio|media)(?: (?:tag|element|playback|player))?|this (?:video|media) (?:is not available|is unavailable|cannot be played|can ?not be played)(?: on your device| in your (?:region|country))?|(?:please )?enable javascript to (?:play|view|watch) (?:this )?(?:video|media))\s*[.!]?\s*/iu;

/** Gallery counters at the start of a caption ("1/7", "Photo 3 of 12", "Bild 2 von 9"). */
export const CAPTION_COUNTER = /^(?:(?:photo|image|picture|slide|foto|bild|imagen|immagine)\s+)?\d{1,3}\s*(?:\/|of|von|de|sur|di)\s*\d{1,3}\s*[:.\-–—|]?\s*/iu;

/** Link and button texts inside captions that are controls, not caption text. */
export const CAPTION_FURNITURE = /^(?:(?:purchase licensing rights|buy (?:this )?(?:photo|image|print)|enlarge(?: (?:this )?(?:image|photo))?|expand|view (?:full ?screen|gallery|larger|image|photo|original)|open (?:gallery|image|photo)|zoom(?: in)?|full ?screen|download|(?:hide|show|toggle) caption|caption|close|more|vergrößern|agrandir|ampliar|ingrandisci)\s*)+$/iu;

/** Longest text (chars) of a caption block. */
export const MAX_CAPTION_CHARS = 800;

/** Longest text (chars) of a caption printed without markup (a short block after an image). */
export const MAX_PLAIN_CAPTION_CHARS = 300;

/** Longest text (chars) of a credit. */
export const MAX_CREDIT_CHARS = 100;

/** Most words of a credit ("Stefano Rinaldi/AFP via Getty Images" is 5). */
export const MAX_CREDIT_WORDS = 12;

/**
 * Picture services, photo agencies and pools that are not wire agencies, whose
 * name alone makes a credit ("Name | Getty Images", "... 2019. Shutterstock").
 * Lower-case, matched as whole words of the credit.
 */
export const PHOTO_SERVICES: readonly string[] = [
  'getty', 'getty images', 'pa images', 'shutterstock', 'alamy', 'istock', 'istockphoto', 'picture alliance',
  'picture-alliance', 'sipa', 'corbis', 'keystone', 'imago', 'nurphoto', 'zuma', 'zuma press', 'zuma wire', 'sopa images',
  'lightrocket', 'abaca', 'wenn', 'polaris', 'redux', 'magnum', 'handout', 'pool', 'nasa', 'unsplash', 'pexels',
  'wikimedia commons', 'scanpix', 'photothek', 'cover images', 'rex', 'rex features', 'bbc', 'file photo', 'courtesy',
];

/**
 * Everything whose name alone makes a credit ("... in April 2019. AFP",
 * "(Reuters)", "Name | Getty Images"): the picture services above and the wire
 * agencies of the shared table (src/fields/agencies/table.ts). Lower-case.
 */
export const PHOTO_SOURCES: readonly string[] = [...new Set([...PHOTO_SERVICES, ...PHOTO_AGENCY_FORMS])];

/**
 * Words that print a credit when followed by a colon or an ellipsis
 * ("Photo: X", "Photograph: X/Getty Images", "Credit...X", "Foto: X"),
 * lower-case. The label is not part of the credit.
 */
export const CREDIT_LABELS: readonly string[] = [
  'photo', 'photos', 'photograph', 'photographs', 'photography', 'picture', 'pictures', 'pic', 'image', 'images', 'img',
  'illustration', 'graphic', 'graphics', 'video', 'credit', 'credits', 'photo credit', 'image credit', 'picture credit',
  'source', 'image source', 'foto', 'fotos', 'fotografie', 'fotografía', 'bild', 'bilder', 'bildquelle', 'quelle',
  'crédit', 'crédits', 'crédit photo', 'fuente', 'fonte', 'imagen', 'immagine', 'copyright',
  // Nordic, Slavic, Turkish, Indonesian, Vietnamese
  'billede', 'bilde', 'kuva', 'zdjęcie', 'fot', 'fotó', 'fotoğraf', 'ảnh', 'фото', 'фотография', 'снимок', 'фото и видео',
  // Arabic, Persian, Hebrew, Hindi, Korean, Japanese, Chinese (with "=" as well as a colon: "사진=연합뉴스")
  'صورة', 'الصورة', 'عکس', 'תמונה', 'צילום', 'फोटो', 'तस्वीर', '사진', '写真', '图', '圖', '图片', '圖片', '照片',
];

/** Prefixes that mark an archive photo ("FILE PHOTO:", AP's "FILE -"): a flag, not part of the caption text. */
export const FILE_PHOTO_PREFIX = /^(?:file photo|file pic|file|archive photo|archive|archivbild|archivfoto|archivo|foto de archivo|photo d'archives)\s*(?::|\s[-–—])\s*/iu;

/**
 * Lower-case words a credit may hold besides names: connectors of credits
 * ("X via Getty Images", "X for The Washington Post", "Photo by X",
 * "Courtesy of X"), name particles and the words of file-photo suffixes.
 */
export const CREDIT_CONNECTORS: ReadonlySet<string> = new Set([
  'via', 'for', 'by', 'of', 'the', 'and', '&', 'courtesy', 'photo', 'photos', 'photograph', 'image', 'images', 'file',
  'de', 'da', 'del', 'der', 'den', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'e', 'und', 'et', 'al', 'bin', 'ibn',
  'staff', 'handout', 'pool', 'photographer', 'picture', 'pictures', 'foto', 'fotos', 'en', 'für', 'pour', 'para', 'per',
]);
