/**
 * Encoding labels to WHATWG encoding names, by the runtime's own
 * `TextDecoder`, which knows the WHATWG label table.
 *
 * This module stands in for `whatwg-encoding`'s `labelToName` inside the
 * bundled `encoding-sniffer` (see tsup.config.ts): `whatwg-encoding` loads
 * iconv-lite, and iconv-lite needs Node's `Buffer`, which browsers and edge
 * runtimes do not have. copydesk decodes with `TextDecoder` anyway, so a
 * label it cannot decode is of no use to it.
 */

/**
 * Names the sniffer compares in the Encoding Standard's own spelling (it maps
 * a UTF-16 declaration in a `<meta>` to UTF-8, and `x-user-defined` to
 * windows-1252); `TextDecoder` spells names in lower case.
 */
const SPEC_SPELLING: ReadonlyMap<string, string> = new Map([
  ['utf-8', 'UTF-8'],
  ['utf-16le', 'UTF-16LE'],
  ['utf-16be', 'UTF-16BE'],
]);

/**
 * The WHATWG name of an encoding label ("latin1" -> "windows-1252",
 * "utf8" -> "UTF-8"), or null for an unknown label or one this runtime cannot
 * decode. Same contract as `whatwg-encoding`'s `labelToName`.
 */
export function labelToName(label: string): string | null {
  const l = String(label).trim().toLowerCase();
  // Not a TextDecoder encoding, but the sniffer needs to see it to map it to windows-1252.
  if (l === 'x-user-defined') return 'x-user-defined';
  let name: string;
  try {
    name = new TextDecoder(l).encoding;
  } catch {
    return null;
  }
  return SPEC_SPELLING.get(name) ?? name;
}
