/**
 * The statistical guess, for bytes that declare no encoding and are not
 * UTF-8: `chardet` (ICU's detector: byte n-gram statistics per language for
 * the single-byte encodings, character-frequency tables for Shift_JIS, EUC-JP,
 * EUC-KR, GB18030 and Big5) scores a sample of the page's text, with markup,
 * comments, scripts and styles taken out so that ASCII markup does not drown
 * the text's statistics (ICU's "input filter", done here on bytes).
 */
import { analyse } from 'chardet';

/** Text bytes given to the detector: enough for stable statistics, bounded cost. */
const SAMPLE_BYTES = 64 * 1024;
/** Input bytes scanned for the sample (a page whose text starts later than this is rare). */
const SCAN_BYTES = 2 * 1024 * 1024;
/**
 * Lowest detector confidence (0–100) accepted. Below it the page's text is
 * too short or too mixed for the statistics to mean anything, and the caller
 * falls back to windows-1252.
 */
const MIN_CONFIDENCE = 10;

const LT = 0x3c;
const GT = 0x3e;

/** Lower-cased ASCII letters of the element names whose content is skipped. */
const RAW_TEXT_NAMES: readonly (readonly number[])[] = [[...'script'].map((c) => c.charCodeAt(0)), [...'style'].map((c) => c.charCodeAt(0))];

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;
}

/** True when `bytes` at `at` holds the ASCII letters of `name`, in any case. */
function startsWithName(bytes: Uint8Array, at: number, name: readonly number[]): boolean {
  for (let k = 0; k < name.length; k++) if (((bytes[at + k] ?? 0) | 0x20) !== name[k]) return false;
  return true;
}

/** Index of the first occurrence of the ASCII `needle` at or after `from` (case-insensitive), or `end`. */
function find(bytes: Uint8Array, from: number, end: number, needle: readonly number[]): number {
  const first = needle[0]!;
  for (let i = from; i < end; i++) {
    if ((bytes[i]! | 0x20) === first && startsWithName(bytes, i, needle)) return i;
  }
  return end;
}

const COMMENT_END = [...'-->'].map((c) => c.charCodeAt(0));
const CLOSE = [...'</'].map((c) => c.charCodeAt(0));

/**
 * The page's text bytes: everything outside tags, comments, scripts and
 * styles, with whitespace runs collapsed. Linear in the bytes scanned.
 */
export function textSample(bytes: Uint8Array): Uint8Array {
  const end = Math.min(bytes.length, SCAN_BYTES);
  const out = new Uint8Array(Math.min(end, SAMPLE_BYTES));
  let n = 0;
  let space = true;
  let i = 0;
  while (i < end && n < out.length) {
    const b = bytes[i]!;
    if (b !== LT) {
      if (isSpace(b)) {
        if (!space) out[n++] = 0x20;
        space = true;
      } else {
        out[n++] = b;
        space = false;
      }
      i++;
      continue;
    }
    if (bytes[i + 1] === 0x21 && bytes[i + 2] === 0x2d && bytes[i + 3] === 0x2d) {
      i = find(bytes, i + 4, end, COMMENT_END) + 3;
      continue;
    }
    const raw = RAW_TEXT_NAMES.find((name) => startsWithName(bytes, i + 1, name));
    if (raw !== undefined) {
      // Skip to the matching end tag: "</" followed by the name.
      let j = i + 1;
      for (;;) {
        j = find(bytes, j, end, CLOSE);
        if (j >= end || startsWithName(bytes, j + 2, raw)) break;
        j += 2;
      }
      i = j;
    }
    while (i < end && bytes[i] !== GT) i++;
    i++;
    if (!space) out[n++] = 0x20;
    space = true;
  }
  return out.subarray(0, n);
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 || bytes[i] === 0x1b) return true;
  return false;
}

/**
 * The WHATWG name of the encoding the detector finds most likely for the
 * page's text, among those this runtime can decode; null when the text gives
 * the detector nothing to go on.
 */
export function guessEncoding(bytes: Uint8Array): string | null {
  const sample = textSample(bytes);
  if (!hasHighBytes(sample)) return null;
  let matches: ReturnType<typeof analyse>;
  try {
    matches = analyse(sample);
  } catch {
    return null;
  }
  for (const match of matches) {
    if (match.confidence < MIN_CONFIDENCE) break;
    let name: string;
    try {
      name = new TextDecoder(match.name).encoding;
    } catch {
      continue; // not decodable here (ISO-2022-KR and -CN are the "replacement" encoding on the web)
    }
    // The caller has ruled UTF-8 out; UTF-16 and UTF-32 without a byte-order mark are not web encodings.
    if (name === 'utf-8' || name.startsWith('utf-16') || name.startsWith('utf-32')) continue;
    return name;
  }
  return null;
}
