import type { Article, ExtractOptions } from './types.js';

/** Extracts the article of a news page. (Stub: being written.) */
export function extract(input: string | Uint8Array, options: ExtractOptions = {}): Article {
  void input; void options;
  return {
    headline: null, dek: null,
    dateline: { published: null, modified: null, place: null, text: null },
    byline: null, authors: [],
    body: { html: '', text: '', markdown: '' },
    captions: [], images: [], leadImage: null,
    source: { publisher: null, agency: null, canonicalUrl: null, sourceUrl: null },
    language: null, section: null, tags: [], boilerplate: [],
  };
}
