/**
 * `--output-dir DIR`: a batch writes one file per page, in the chosen format,
 * named by the page's id. Ids are anything (a path, a URL, a WARC record id
 * `<urn:uuid:…>`, a JSONL field), so the name is made safe on every file
 * system: letters, digits, `.`, `_` and `-` only, no leading dot, no name
 * Windows reserves, at most 120 characters; an id that had to change gets a
 * short hash of itself, so that two ids never share a file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from './args.js';

/** File name extension of each format. */
export const EXTENSIONS: Readonly<Record<Format, string>> = { json: 'json', text: 'txt', markdown: 'md', html: 'html' };

/** Longest stem kept from an id (file systems allow 255 bytes; the hash and extension follow). */
const MAX_STEM = 120;
/** Names Windows will not open as files, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable tag for an id. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The stem without leading and trailing dots, dashes and underscores (a scan, not an end-anchored regex: linear on any run). */
function trimPunctuation(stem: string): string {
  const edge = (ch: string | undefined) => ch === '.' || ch === '_' || ch === '-';
  let start = 0;
  let end = stem.length;
  while (start < end && edge(stem[start])) start++;
  while (end > start && edge(stem[end - 1])) end--;
  return stem.slice(start, end);
}

/** A safe file name stem for a page id (see the module comment). */
export function fileStem(id: string): string {
  let stem = id
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '') // a URL's scheme says nothing
    .replace(/\.(?:html?|xhtml)(?:\.gz)?$/i, '') // nor a page file's extension: the format's own follows
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  stem = trimPunctuation(stem).slice(0, MAX_STEM);
  if (stem === '' || RESERVED.test(stem.split('.')[0]!)) stem = `page_${stem}`;
  return stem === id ? stem : `${stem}-${hashOf(id)}`;
}

/** Writes pages into one folder; the same id twice gets `-2`, `-3`. */
export class PageFiles {
  readonly #dir: string;
  readonly #extension: string;
  readonly #used = new Set<string>();
  #made = false;

  constructor(dir: string, format: Format) {
    this.#dir = dir;
    this.#extension = EXTENSIONS[format];
  }

  /** The path the page of `id` goes to (each call a new, unused name). */
  nameFor(id: string): string {
    const stem = fileStem(id);
    let name = `${stem}.${this.#extension}`;
    for (let n = 2; this.#used.has(name.toLowerCase()); n++) name = `${stem}-${n}.${this.#extension}`;
    this.#used.add(name.toLowerCase());
    return path.join(this.#dir, name);
  }

  /** Writes one page's text; resolves to its path. */
  async write(id: string, text: string): Promise<string> {
    if (!this.#made) {
      await mkdir(this.#dir, { recursive: true });
      this.#made = true;
    }
    const file = this.nameFor(id);
    await writeFile(file, text);
    return file;
  }
}
