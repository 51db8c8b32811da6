/**
 * URL checking and resolution for links and images.
 *
 * The check is deliberately stricter than a browser: any character a browser
 * (or an old browser) might ignore inside a scheme (whitespace, control
 * characters) is ignored here too, and the value is also checked after one
 * round of HTML entity decoding, so `java&#x09;script:`, `JaVaScRiPt:` and
 * `&#106;avascript:` (should the caller's parser not have decoded entities)
 * are all recognised as `javascript:`. A URL whose scheme is not on the
 * allowlist is dropped, never rewritten.
 *
 * @packageDocumentation
 */

import { decodeHTMLAttribute } from 'entities';
import { DATA_IMAGE_PATTERN, IMAGE_SCHEMES, LINK_SCHEMES } from './allowlist.js';

/** What a URL is used for; decides the allowed schemes. */
export type UrlKind = 'link' | 'image';

/** How much of a value is entity-decoded to look for a hidden scheme (schemes are short; data URIs are not). */
const DECODE_PROBE_LENGTH = 2048;

/** C0 controls, space, DEL and C1 controls: characters URL parsers strip or that old browsers skipped. */
function isIgnorable(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f);
}

function isSchemeChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2b ||
    code === 0x2d ||
    code === 0x2e // + - .
  );
}

/**
 * Returns the lower-cased scheme of `value` as a (lenient) browser would see it,
 * or `null` when the value is relative. Ignorable characters anywhere before the
 * colon are skipped, so `" java\tscr\0ipt:"` yields `"javascript"`. The scan stops
 * at the first character that cannot be part of a scheme, so it costs only the
 * length of the scheme, even for a megabyte-long data URI.
 */
export function schemeOf(value: string): string | null {
  let scheme = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isSchemeChar(code)) scheme += value[i];
    else if (isIgnorable(code)) continue;
    else if (code === 0x3a /* : */) {
      const first = scheme.charCodeAt(0);
      // A scheme must start with a letter; "1abc:" or ":foo" is a relative path.
      const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
      return letter ? scheme.toLowerCase() : null;
    } else return null;
  }
  return null;
}

/** Strips what the URL parser strips: leading/trailing C0 controls and spaces, and every tab or newline. */
function cleanUrl(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  const value = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  return /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, '') : value;
}

/**
 * True when the value, read as a browser might read it, starts with a scheme
 * outside `allowed`. Also looks at the entity-decoded value: a browser decodes
 * entities in attributes, and so does a Markdown renderer in link destinations.
 */
function hasForbiddenScheme(value: string, allowed: ReadonlySet<string>): boolean {
  const scheme = schemeOf(value);
  if (scheme !== null && !allowed.has(scheme)) return true;
  const amp = value.indexOf('&');
  if (amp !== -1 && amp < DECODE_PROBE_LENGTH) {
    const probe = value.length > DECODE_PROBE_LENGTH ? value.slice(0, DECODE_PROBE_LENGTH) : value;
    const decoded = schemeOf(decodeHTMLAttribute(probe));
    if (decoded !== null && !allowed.has(decoded)) return true;
  }
  return false;
}

/**
 * Parses the page URL once so that every resolution can reuse it. Returns
 * `null` for a missing or unparsable URL (relative URLs are then left as they
 * are).
 */
export function parseBaseUrl(baseUrl: string | null | undefined): URL | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl);
  } catch {
    return null;
  }
}

/**
 * Checks and resolves a URL found in the page.
 *
 * - Links may use http, https, mailto and tel; images http, https and base64
 *   `data:image/(png|gif|jpeg|webp)`.
 * - Relative URLs are resolved against `base`; the result must again be
 *   http(s). Without a base they are returned as they are (trimmed).
 * - Empty values and a bare `#` (a script hook, not a destination) give `null`.
 *
 * @returns the URL to write, or `null` when the URL must be dropped.
 */
export function sanitiseUrl(raw: string | undefined, base: URL | null, kind: UrlKind): string | null {
  if (raw === undefined) return null;
  const value = cleanUrl(raw);
  if (value === '' || value === '#') return null;
  const allowed = kind === 'link' ? LINK_SCHEMES : IMAGE_SCHEMES;
  if (hasForbiddenScheme(value, allowed)) return null;
  const scheme = schemeOf(value);
  if (scheme === 'data') return DATA_IMAGE_PATTERN.test(value) ? value : null;
  if (scheme === 'mailto' || scheme === 'tel') return value;
  if (scheme === null && base === null) {
    // A relative reference may not have a colon in its first segment (RFC 3986
    // writes it "./a:b"); "1x:y" or ":" is malformed, and dropping it keeps
    // anything scheme-like out of the output.
    return /^[^/?#]*:/.test(value) ? null : value;
  }
  let url: URL;
  try {
    url = scheme === null && base !== null ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  // Resolution can change the picture (a non-http base, a scheme hidden by
  // characters we skipped): only http(s) results are written.
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
