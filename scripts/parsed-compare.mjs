#!/usr/bin/env node
/**
 * How many pages of an evaluation set give the same Article when read as a
 * parsed document as when read as HTML text (docs/cheerio.md quotes it).
 *
 *   npm run build && node scripts/parsed-compare.mjs [../shared/datasets/zyte]
 *
 * For each page: copydesk's decoded text is extracted as a string, as
 * htmlparser2's Document, as cheerio on htmlparser2 and as cheerio's default
 * (parse5); the Articles are compared without their `input` report (how the
 * input was read). Prints the counts and, for parse5, which fields differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { load } from 'cheerio';
import { parseDocument } from 'htmlparser2';
import { extract } from '../dist/index.js';

const setDir = path.resolve(process.argv[2] ?? '../shared/datasets/zyte');
const truth = fs
  .readFileSync(path.join(setDir, 'truth.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const limits = { timeBudgetMs: Infinity };
const strip = ({ input: _input, ...rest }) => rest;
const readers = {
  htmlparser2: (html) => parseDocument(html, { decodeEntities: true }),
  'cheerio (htmlparser2)': (html) => load(html, { xml: { xmlMode: false, decodeEntities: true } }),
  'cheerio (parse5, default)': (html) => load(html),
};
const same = Object.fromEntries(Object.keys(readers).map((k) => [k, 0]));
const differing = {};
for (const row of truth) {
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(setDir, row.file ?? `pages/${row.id}.html.gz`)));
  const options = { ...(row.url ? { url: row.url } : {}), limits };
  const encoding = extract(raw, options).input.encoding ?? 'utf-8';
  const html = new TextDecoder(encoding).decode(raw);
  const fromText = strip(extract(html, options));
  for (const [name, read] of Object.entries(readers)) {
    const fromTree = strip(extract(read(html), options));
    if (JSON.stringify(fromTree) === JSON.stringify(fromText)) {
      same[name]++;
      continue;
    }
    for (const key of Object.keys(fromText)) {
      if (JSON.stringify(fromTree[key]) !== JSON.stringify(fromText[key])) differing[`${name}: ${key}`] = (differing[`${name}: ${key}`] ?? 0) + 1;
    }
  }
}
console.log(`${path.basename(setDir)}: ${truth.length} pages`);
for (const [name, n] of Object.entries(same)) console.log(`  ${name.padEnd(28)} same Article on ${n}/${truth.length}`);
for (const [key, n] of Object.entries(differing).sort()) console.log(`    differs in ${key}: ${n}`);
