/**
 * One pass over bytes that says how much of them is UTF-8: the number of
 * well-formed multi-byte sequences and of bytes that cannot be UTF-8, by the
 * WHATWG decoder's rules (no overlong forms, no surrogates, nothing above
 * U+10FFFF). An incomplete sequence at the very end is not counted as invalid:
 * a download cut short ends that way.
 */

/** What {@link scanUtf8} found. */
export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes. */
  multiByte: number;
  /** Bytes that start no well-formed sequence (each bad sequence counts once). */
  invalid: number;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes in one pass. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    for (; k <= need && i + k < n; k++) {
      const c = bytes[i + k]!;
      if (c < lower || c > upper) break;
      lower = 0x80;
      upper = 0xbf;
    }
    if (k > need) {
      multiByte++;
      i += k;
    } else if (i + k >= n) {
      // Cut off at the end of the input: neither valid nor invalid.
      break;
    } else {
      invalid++;
      i += k;
    }
  }
  return { multiByte, invalid };
}
