/**
 * Every fixture page, read as HTML text and as a parsed document: a tree
 * htmlparser2 built (directly or under cheerio, as crawlee's CheerioCrawler
 * builds it) gives the very same Article; parse5's tree (cheerio's default)
 * is the HTML standard's, and gives the same article on most pages (the
 * count is checked against a floor; docs/cheerio.md explains the difference).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { NO_BUDGET, cheerioDefault, cheerioOnHtmlparser2, decodedPage, htmlparser2Document, withoutInputReport } from '../helpers/parsed.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const PAGES = fs
  .readdirSync(FIXTURES)
  .filter((name) => fs.existsSync(path.join(FIXTURES, name, 'source.html')))
  .map((name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as { url?: string };
    return { name, html: decodedPage(path.join(FIXTURES, name, 'source.html')), url: expected.url };
  });
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('extract() on a parsed document, over every fixture', () => {
  it('gives the same Article for htmlparser2 trees as for the HTML', async () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(12);
    for (const { name, html, url } of PAGES) {
      const options = { url, limits: NO_BUDGET };
      const fromText = withoutInputReport(extract(html, options));
      expect(withoutInputReport(extract(htmlparser2Document(html), options)), name).toEqual(fromText);
      expect(withoutInputReport(extract(cheerioOnHtmlparser2(html), options)), name).toEqual(fromText);
      await yieldToLoop();
    }
  });

  it('gives the same headline on every page and the same Article on most pages for parse5 trees', async () => {
    let same = 0;
    for (const { name, html, url } of PAGES) {
      const options = { url, limits: NO_BUDGET };
      const fromText = extract(html, options);
      const fromParse5 = extract(cheerioDefault(html), options);
      if (JSON.stringify(withoutInputReport(fromParse5)) === JSON.stringify(withoutInputReport(fromText))) same++;
      expect(fromParse5.headline, name).toBe(fromText.headline);
      await yieldToLoop();
    }
    // 32 of 32 today (docs/cheerio.md); the standard's tree may differ on a page added later.
    expect(same / PAGES.length).toBeGreaterThanOrEqual(0.9);
  });
});
