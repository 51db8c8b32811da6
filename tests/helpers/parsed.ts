/**
 * Helpers for the tests of parsed-document input: the page as copydesk
 * decodes it, the same page parsed by htmlparser2 or by cheerio, and the part
 * of an Article both inputs must agree on.
 */
import fs from 'node:fs';
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';
import { load, type CheerioAPI } from 'cheerio';
import { extract } from '../../src/index.js';
import type { Article, ExtractOptions } from '../../src/types.js';

/** Results that never depend on the machine's speed. */
export const NO_BUDGET: ExtractOptions['limits'] = { timeBudgetMs: Infinity };

/** A page's bytes decoded as copydesk decodes them, so that every parser reads the same text. */
export function decodedPage(file: string): string {
  const bytes = fs.readFileSync(file);
  const encoding = extract(bytes, { limits: NO_BUDGET }).input.encoding ?? 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** htmlparser2's document, as a crawler using it directly holds it. */
export function htmlparser2Document(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

/** cheerio on htmlparser2 (crawlee's CheerioCrawler, `load(html, { xml: { xmlMode: false } })`). */
export function cheerioOnHtmlparser2(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/** cheerio's default (parse5, the HTML standard's tree builder). */
export function cheerioDefault(html: string): CheerioAPI {
  return load(html);
}

/** The Article less its `input` report (which says how the input was read: a string and a tree differ there). */
export function withoutInputReport(article: Article): Omit<Article, 'input'> {
  const { input: _input, ...rest } = article;
  return rest;
}
