/**
 * Stage 1: bytes to text, the way a browser decides: byte-order mark, then the
 * transport layer's charset (an HTTP Content-Type header), then a `<meta
 * charset>` / `http-equiv` declaration in the first bytes (sniffed by
 * `encoding-sniffer`), then UTF-8 when the bytes are valid UTF-8, else
 * windows-1252 (the web's legacy default).
 */
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';

/** The text of a page and the encoding it was decoded with. */
export interface DecodedPage {
  html: string;
  /** WHATWG encoding name ("utf-8", "windows-1251"); null when the input was already a string. */
  encoding: string | null;
}

/** Bytes the sniffer reads for a `<meta charset>` (browsers read 1024; pages often put it later). */
const SNIFF_BYTES = 4096;

/** Reads the charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m?.[1];
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal = false): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a page given as a string (returned as is) or bytes. Never throws. */
export function decodePage(input: string | Uint8Array, contentType?: string): DecodedPage {
  if (typeof input === 'string') return { html: input, encoding: null };
  const transport = charsetFromContentType(contentType);
  const sniffer = new Sniffer({
    maxBytes: SNIFF_BYTES,
    ...(transport ? { transportLayerEncodingLabel: transport } : {}),
  });
  sniffer.write(input);
  // With nothing declared the sniffer falls back to windows-1252; most of today's web is
  // UTF-8, so try that first and keep windows-1252 for bytes that are not valid UTF-8.
  if (sniffer.resultType !== ResultType.DEFAULT) {
    const text = decodeWith(input, sniffer.encoding);
    if (text !== null) return { html: text, encoding: sniffer.encoding.toLowerCase() };
  }
  const utf8 = decodeWith(input, 'utf-8', true);
  if (utf8 !== null) return { html: utf8, encoding: 'utf-8' };
  return { html: decodeWith(input, 'windows-1252') ?? '', encoding: 'windows-1252' };
}
