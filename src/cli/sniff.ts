/**
 * What a single "HTML" input plainly is instead, when no `--input` was given:
 * JSONL, or a list of paths or URLs, one a line (piped to `extract -`, or a
 * `.txt` file). Read as a page, either would give an empty article and exit
 * quietly; the user is told what to pass instead. Also why a page has no
 * article, for the one-line message of a single page.
 */

/** Bytes looked at: enough for a few lines, never the whole of a large input. */
const SAMPLE_BYTES = 64 * 1024;
/** Lines looked at. */
const SAMPLE_LINES = 20;
/** A line of a list: an http(s) URL, or a path-like word without spaces or markup. */
const URL_LINE = /^https?:\/\/[^\s<>"]+$/i;
/** Characters a path-like word never holds (white space and markup); it must hold a slash, backslash or dot. */
const NOT_IN_PATH = /[\s<>"{}]/;
function isPathLine(line: string): boolean {
  return !NOT_IN_PATH.test(line) && /[/\\.]/.test(line);
}

/** The first lines of `bytes` (blank lines and `#` comments left out). */
function sampleLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SAMPLE_BYTES)).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  // The sample's last line may be cut in the middle unless the input ends there.
  if (bytes.length > SAMPLE_BYTES) lines.pop();
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(0, SAMPLE_LINES);
}

function isJsonObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** What the input is, when it is plainly not HTML: JSONL, a list of URLs or of paths; null otherwise. */
export function sniffNonHtml(bytes: Uint8Array): 'jsonl' | 'urls' | 'paths' | null {
  const lines = sampleLines(bytes);
  if (lines.length === 0) return null;
  if (lines.every(isJsonObject)) return 'jsonl';
  if (lines.every((l) => URL_LINE.test(l))) return 'urls';
  if (lines.every((l) => URL_LINE.test(l) || isPathLine(l)) && lines.some((l) => /\.(?:html?|jsonl|ndjson|warc)(?:\.gz)?$/i.test(l))) return 'paths';
  return null;
}

/** What to pass instead, for each kind {@link sniffNonHtml} finds. */
export function sniffAdvice(kind: 'jsonl' | 'urls' | 'paths', file: string): string {
  const name = file === '-' ? 'standard input' : file;
  switch (kind) {
    case 'jsonl':
      return `${name} holds JSON lines, not an HTML page: add --input jsonl (fields id, url, html; see --html-field)`;
    case 'urls':
      return `${name} is a list of URLs, not an HTML page: add --fetch to fetch and extract each (copydesk extract --fetch ${file})`;
    case 'paths':
      return `${name} is a list of file paths, not an HTML page: pass the paths as arguments (xargs copydesk extract -o out.jsonl < ${file === '-' ? 'LIST' : file})`;
  }
}

/** Whether bytes are plainly binary (a NUL, or many control characters, near the start): no page. */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 10;
}

/** Why a single page gave no article, in a few words. */
export function noArticleReason(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the input is empty';
  if (isBinary(bytes)) return 'the input is binary data, not an HTML page';
  if (new TextDecoder('utf-8').decode(bytes.subarray(0, SAMPLE_BYTES)).trim() === '') return 'the input holds only white space';
  return 'the page holds no article text (a front page, a list, or a page its scripts fill in)';
}
