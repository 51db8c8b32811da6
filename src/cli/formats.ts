/** Rendering an Article in the output formats of `copydesk extract`. */

import type { Article } from '../types.js';
import type { Format } from './args.js';

/** Ends a non-empty output with exactly one newline; empty stays empty. */
function line(s: string): string {
  if (s === '') return '';
  return s.endsWith('\n') ? s : `${s}\n`;
}

/**
 * The text `copydesk extract --format <format>` prints:
 * json: the whole Article (2-space indent); text: `body.text`;
 * markdown: `# headline` then `body.markdown`; html: `body.html`.
 */
export function render(article: Article, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(article, null, 2)}\n`;
    case 'text':
      return line(article.body.text);
    case 'html':
      return line(article.body.html);
    case 'markdown': {
      const headline = article.headline?.replace(/\s+/g, ' ').trim();
      const body = article.body.markdown;
      if (!headline) return line(body);
      return body.trim() === '' ? `# ${headline}\n` : `# ${headline}\n\n${line(body)}`;
    }
  }
}
