#!/usr/bin/env node
// How many pages of an evaluation set carry a caption string in body.text.
//
//   node scripts/caption-leaks.mjs [--set zyte] [--dist dist/index.js] [--show]
//
// The caption strings of a page are read from its markup, independently of
// copydesk: the text of every <figcaption>; of every element whose class, id
// or itemprop names a caption or cutline (`wp-caption-text`, `image-caption`,
// `itemprop=caption`...) and holds no image; and of every short block (at most
// MAX_SIBLING_CHARS, no links) that directly follows a block holding only an
// image (empty blocks between are passed over) and is either set entirely in
// <em>/<i>/<small> or carries a credit word (photo, ©, credit, Getty...). Strings shorter
// than MIN_CHARS are ignored (a bare "AFP" is found in running text too), and
// so is any string that the set's truth body contains: the zyte truth bodies
// leave captions out, so a "caption" the annotators kept is body text marked
// up oddly, not a caption. A page counts when body.text contains at least one
// of its caption strings (whitespace-collapsed, case-sensitive).
//
// --dist runs another build (for a before/after comparison, copy dist/ of the
// base commit somewhere inside the repository, so that its imports resolve).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'htmlparser2';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_CHARS = 25;
const CAPTION_CLASS = /caption|cutline|bildunterschrift|legende/i;
const CAPTION_ITEMPROP = /\bcaption\b/i;
const MAX_SIBLING_CHARS = 300;
const CREDIT_WORD = /\b(?:photo|photograph|picture|image|credit|foto|bild)s?\b|©|getty images|reuters|\bafp\b|\bap\b|\bepa\b|shutterstock/i;
const EMPHASIS = new Set(['em', 'i', 'small']);
const BLOCKS = new Set(['p', 'div', 'figure', 'section', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'center']);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'button', 'select', 'textarea']);

function parseArgs(argv) {
  const args = { set: 'zyte', dist: path.join(ROOT, 'dist', 'index.js'), show: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--set') args.set = argv[++i];
    else if (a === '--dist') args.dist = path.resolve(argv[++i]);
    else if (a === '--show') args.show = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

const collapse = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Visible text of a subtree (iterative). */
function textOf(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.type === 'text') out.push(n.data);
    else if (n.children && !(n.name && INVISIBLE.has(n.name))) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      if (n.name === 'br' || n.name === 'p' || n.name === 'div') out.push(' ');
    }
  }
  return collapse(out.join(''));
}

function holdsImage(el) {
  const stack = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop();
    if (n.name === 'img' || n.name === 'picture' || n.name === 'amp-img') return true;
    if (n.children) stack.push(...n.children);
  }
  return false;
}

function holdsLink(el) {
  const stack = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop();
    if (n.name === 'a') return true;
    if (n.children) stack.push(...n.children);
  }
  return false;
}

/** True when every non-blank text of the block sits inside an emphasis element. */
function allEmphasised(el) {
  const stack = el.children.map((c) => [c, false]);
  let any = false;
  while (stack.length) {
    const [n, em] = stack.pop();
    if (n.type === 'text') {
      if (n.data.trim() === '') continue;
      if (!em) return false;
      any = true;
    } else if (n.children && !INVISIBLE.has(n.name)) {
      for (const c of n.children) stack.push([c, em || EMPHASIS.has(n.name)]);
    }
  }
  return any;
}

/** The block sibling before `el` that holds text or an image (empty blocks are passed over). */
function previousBlock(el) {
  for (let s = el.prev; s; s = s.prev) {
    if (s.type === 'text' && s.data.trim() === '') continue;
    if (s.type !== 'tag') return null;
    if (textOf(s) === '' && !holdsImage(s) && s.name !== 'img') continue;
    return s;
  }
  return null;
}

/** A short block right after an image-only block, emphasised or credited: a caption without markup. */
function isSiblingCaption(el) {
  if (!BLOCKS.has(el.name) || holdsImage(el) || holdsLink(el)) return false;
  const prev = previousBlock(el);
  if (!prev || !(prev.name === 'img' || holdsImage(prev)) || textOf(prev) !== '') return false;
  const t = textOf(el);
  return t.length > 0 && t.length <= MAX_SIBLING_CHARS && (allEmphasised(el) || CREDIT_WORD.test(t));
}

/** The caption strings of a page. */
function captionStrings(html) {
  const doc = parseDocument(html);
  const found = new Set();
  const stack = [doc];
  while (stack.length) {
    const n = stack.pop();
    if (!n.children) continue;
    if (n.type === 'tag') {
      if (INVISIBLE.has(n.name)) continue;
      const a = n.attribs ?? {};
      const named = CAPTION_CLASS.test(`${a.class ?? ''} ${a.id ?? ''}`) || CAPTION_ITEMPROP.test(a.itemprop ?? '');
      if (n.name === 'figcaption' || (named && !holdsImage(n)) || isSiblingCaption(n)) {
        const t = textOf(n);
        if (t.length >= MIN_CHARS && t.length <= 1000) found.add(t);
      }
    }
    for (const c of n.children) stack.push(c);
  }
  return [...found];
}

function decode(bytes) {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  return utf8.includes('\ufffd') ? new TextDecoder('windows-1252').decode(bytes) : utf8;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = process.env.COPYDESK_DATASETS ? path.resolve(process.env.COPYDESK_DATASETS) : path.resolve(ROOT, '..', 'shared', 'datasets');
  const setDir = path.join(dir, args.set);
  const truth = fs
    .readFileSync(path.join(setDir, 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const { extract } = await import(pathToFileURL(args.dist).href);
  let withCaptions = 0;
  let leakingPages = 0;
  let leaked = 0;
  let total = 0;
  for (const row of truth) {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(setDir, row.file)));
    const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    const truthBody = collapse(row.body ?? '');
    const captions = captionStrings(decode(bytes)).filter((c) => !truthBody.includes(c));
    if (captions.length === 0) continue;
    withCaptions++;
    total += captions.length;
    const text = collapse(extract(bytes, row.url ? { url: row.url } : {}).body.text);
    const hits = captions.filter((c) => text.includes(c));
    if (hits.length === 0) continue;
    leakingPages++;
    leaked += hits.length;
    if (args.show) {
      console.log(`${row.id} ${row.url}`);
      for (const h of hits) console.log(`    "${h.length > 140 ? `${h.slice(0, 140)}…` : h}"`);
    }
  }
  console.log(`${args.set}: ${truth.length} pages, ${withCaptions} with caption strings (${total} strings, not in the truth body)`);
  console.log(`  pages with a caption string in body.text: ${leakingPages} (${leaked} strings)   [${path.relative(ROOT, args.dist)}]`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
