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

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence (a lead byte and its continuations). */
function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
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
  const declared = sniffer.resultType;
  // A byte-order mark or the transport layer decides. A <meta> declaration is trusted less than
  // the bytes themselves: text that is valid UTF-8 and uses multi-byte sequences is UTF-8 whatever
  // the page says (pages re-saved as UTF-8 keep their old declaration; the reverse cannot happen
  // by chance). With nothing declared the sniffer falls back to windows-1252.
  if (declared === ResultType.BOM || declared === ResultType.PASSED || declared === ResultType.XML_PREFIX) {
    const text = decodeWith(input, sniffer.encoding);
    if (text !== null) return { html: text, encoding: sniffer.encoding.toLowerCase() };
  }
  if (declared !== ResultType.DEFAULT && !(hasMultiByteUtf8(input) && decodeWith(input, 'utf-8', true) !== null)) {
    const text = decodeWith(input, sniffer.encoding);
    if (text !== null) return { html: text, encoding: sniffer.encoding.toLowerCase() };
  }
  const utf8 = decodeWith(input, 'utf-8', true);
  if (utf8 !== null) return { html: utf8, encoding: 'utf-8' };
  return { html: decodeWith(input, 'windows-1252') ?? '', encoding: 'windows-1252' };
}
