/**
 * Stage 1: bytes to text.
 *
 * The order is a browser's: a byte-order mark; the transport layer's charset
 * (the `contentType` option, an HTTP Content-Type header); a `<meta charset>`
 * / `http-equiv` / XML declaration near the start (sniffed by
 * `encoding-sniffer`); a statistical guess (`guess.ts`); the web's legacy
 * default, windows-1252. Decoding is `TextDecoder`'s, which knows every WHATWG
 * encoding in browsers and in Node builds with full ICU (the default builds).
 *
 * Two departures from browsers, both for pages that lie about their encoding
 * (the most common cause of garbled text a scraper meets):
 * - bytes that are unmistakably UTF-8 (multi-byte sequences and no invalid
 *   ones) are read as UTF-8 whatever a header or `<meta>` says: no text in a
 *   legacy encoding forms valid UTF-8 sequences by chance;
 * - a page declared UTF-8 whose bytes are mostly not UTF-8 is read in the
 *   encoding its own `<meta>` / XML declaration names when the UTF-8 came
 *   from the transport (a server's default charset, the page's declaration
 *   being the author's), and guessed otherwise.
 */
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import type { InputReport } from '../types.js';
import { guessEncoding } from './guess.js';
import { scanUtf8 } from './utf8.js';

/** The text of a page, the encoding it was decoded with, and whether it was cut short. */
export interface DecodedPage {
  html: string;
  /** WHATWG encoding name ("utf-8", "windows-1251"); null when the input was already a string. */
  encoding: string | null;
  /** What decided the encoding (see {@link InputReport.encodingSource}). */
  source: InputReport['encodingSource'];
  /** True when the input was longer than the size limit and was cut. */
  truncated: boolean;
}

/**
 * Bytes the sniffer reads for a declaration. Browsers prescan 1024 and
 * re-decode when the parser meets a later `<meta charset>`; pages often put it
 * after long inline scripts or styles, so copydesk looks further.
 */
const SNIFF_BYTES = 16 * 1024;

/**
 * Valid multi-byte sequences needed per invalid byte for bytes with no
 * declaration (or declared UTF-8) to be read as UTF-8: a UTF-8 page with a
 * few stray bytes of another encoding (a template's "©") stays UTF-8.
 */
const UTF8_VALID_PER_INVALID = 8;

/** Reads the charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1];
}

/** The WHATWG name of an encoding label this runtime can decode, or null. */
function decodableName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * windows-1252's characters for bytes 0x80–0x9F (the five bytes it leaves
 * undefined map to the C1 control of the same number, as in the WHATWG table).
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeWith(bytes: Uint8Array, encoding: string, truncated: boolean): string | null {
  let text: string;
  try {
    // A cut input may end inside a character: `stream` holds back the incomplete sequence.
    text = new TextDecoder(encoding).decode(bytes, { stream: truncated });
  } catch {
    return null;
  }
  // Some Node releases (20.19+, 22.12+) decode windows-1252 as ISO-8859-1, leaving C1 controls
  // where the curly quotes, dashes and euro sign belong; map them as the WHATWG table does.
  if (encoding === 'windows-1252' && C1_CONTROL.test(text)) {
    text = text.replace(C1_CONTROLS, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
  }
  return text;
}

const SOURCE_OF: Partial<Record<ResultType, InputReport['encodingSource']>> = {
  [ResultType.BOM]: 'bom',
  [ResultType.PASSED]: 'content-type',
  [ResultType.XML_PREFIX]: 'bom',
  [ResultType.META_TAG]: 'meta',
  [ResultType.XML_ENCODING]: 'meta',
};

/** Cuts a string to `maxSize` UTF-16 code units without splitting a surrogate pair. */
function cutString(text: string, maxSize: number): string {
  let end = maxSize;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Decodes a page given as a string (returned as is, cut to `maxSize`) or as
 * bytes (cut to `maxSize` bytes, then decoded). Never throws.
 */
export function decodePage(input: string | Uint8Array, contentType: string | undefined, maxSize: number): DecodedPage {
  if (typeof input === 'string') {
    const truncated = input.length > maxSize;
    return { html: truncated ? cutString(input, maxSize) : input, encoding: null, source: null, truncated };
  }
  const truncated = input.length > maxSize;
  const bytes = truncated ? input.subarray(0, maxSize) : input;
  const chosen = chooseEncoding(bytes, charsetFromContentType(contentType));
  const text = decodeWith(bytes, chosen.encoding, truncated);
  if (text !== null) return { html: text, encoding: chosen.encoding, source: chosen.source, truncated };
  return { html: decodeWith(bytes, 'windows-1252', truncated) ?? '', encoding: 'windows-1252', source: 'default', truncated };
}

/**
 * The encoding the page declares itself, in a `<meta charset>`, a
 * `http-equiv` Content-Type or an XML declaration (sniffed without a
 * transport label, which would win over them); null when it declares none
 * this runtime can decode.
 */
function pageDeclaration(bytes: Uint8Array): string | null {
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES });
  sniffer.write(bytes);
  const type = sniffer.resultType;
  return type === ResultType.META_TAG || type === ResultType.XML_ENCODING ? decodableName(sniffer.encoding) : null;
}

/** The encoding to decode `bytes` with, and why. */
export function chooseEncoding(
  bytes: Uint8Array,
  transportLabel: string | undefined,
): { encoding: string; source: NonNullable<InputReport['encodingSource']> } {
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES, ...(transportLabel ? { transportLayerEncodingLabel: transportLabel } : {}) });
  sniffer.write(bytes);
  const type = sniffer.resultType;
  const declared = type === ResultType.DEFAULT ? null : decodableName(sniffer.encoding);
  const source = SOURCE_OF[type] ?? 'default';
  if (declared !== null && source === 'bom') return { encoding: declared, source };

  const utf8 = scanUtf8(bytes);
  const isUtf8 = utf8.invalid === 0;
  const mostlyUtf8 = utf8.multiByte > 0 && utf8.multiByte >= utf8.invalid * UTF8_VALID_PER_INVALID;
  if (declared !== null) {
    if (declared === 'utf-8') {
      if (isUtf8 || mostlyUtf8) return { encoding: 'utf-8', source };
      // The bytes refute the header's UTF-8: the page's own declaration comes before a guess.
      if (source === 'content-type') {
        const own = pageDeclaration(bytes);
        if (own !== null && own !== 'utf-8') return { encoding: own, source: 'meta' };
      }
      const guessed = guessEncoding(bytes);
      return guessed !== null ? { encoding: guessed, source: 'guess' } : { encoding: 'utf-8', source };
    }
    // UTF-16 declared outside a BOM is read as UTF-8 by the sniffer already.
    if (isUtf8 && utf8.multiByte > 0) return { encoding: 'utf-8', source: 'utf-8' };
    return { encoding: declared, source };
  }
  // 7-bit bytes with escape sequences may be ISO-2022-JP, which only the guess recognises.
  const escapes = isUtf8 && utf8.multiByte === 0 && bytes.includes(0x1b);
  if ((isUtf8 || mostlyUtf8) && !escapes) return { encoding: 'utf-8', source: 'utf-8' };
  const guessed = guessEncoding(bytes);
  if (guessed !== null) return { encoding: guessed, source: 'guess' };
  if (isUtf8) return { encoding: 'utf-8', source: 'utf-8' };
  return { encoding: 'windows-1252', source: 'default' };
}
