/**
 * The page language as a BCP 47 tag: declared (`<html lang>`, Content-Language,
 * og:locale, JSON-LD inLanguage), else detected from the article text with
 * tinyld's light model (pure JavaScript, browser-safe).
 */
import { detect } from '../../vendor/tinyld.js';
import type { PageMetadata } from '../../metadata/collect.js';
import { metaValue } from '../../metadata/collect.js';
import { ldString } from '../../metadata/jsonld.js';

/** A well-formed language tag: "en", "de-AT", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
/** Characters of body text the detector reads (more adds time, not accuracy). */
const DETECT_CHARS = 800;
/** Shortest text (chars) worth detecting from. */
const MIN_DETECT_CHARS = 80;

/** Normalises "en_US", "EN-us" or "en-US" to "en-US"; null when it is not a language tag. */
export function normaliseLanguageTag(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const first = raw
    .split(/[,;\s]/)[0]!
    .trim()
    .replace(/_/g, '-');
  if (!LANGUAGE_TAG.test(first) || /^(?:x|i)-/i.test(first)) return null;
  const [lang, ...rest] = first.split('-');
  return [
    lang!.toLowerCase(),
    ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p)),
  ].join('-');
}

/** The declared language, or the one detected from `bodyText`. */
export function extractLanguage(md: PageMetadata, bodyText: string): string | null {
  const declared =
    normaliseLanguageTag(md.htmlLang) ??
    normaliseLanguageTag(metaValue(md, 'content-language', 'language', 'dc.language', 'dcterms.language')) ??
    normaliseLanguageTag(metaValue(md, 'og:locale')) ??
    normaliseLanguageTag(md.ldArticles.map((n) => ldString(n, 'inLanguage')).find(Boolean));
  if (declared) return declared;
  if (bodyText.length < MIN_DETECT_CHARS) return null;
  const guess = detect(bodyText.slice(0, DETECT_CHARS));
  return guess ? normaliseLanguageTag(guess) : null;
}
