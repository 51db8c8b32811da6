/** Rendering an Article in the output formats of a single page, and checking `--fields`. */

import { extract } from '../extract.js';
import { fieldPaths, pickFields } from '../node/fields.js';
import { markdownHeading } from '../serialise/markdown.js';
import type { Article } from '../types.js';
import { UsageError, type Format } from './args.js';

/** Ends a non-empty output with exactly one newline; empty stays empty. */
function line(s: string): string {
  if (s === '') return '';
  return s.endsWith('\n') ? s : `${s}\n`;
}

/**
 * The text `copydesk extract --format <format>` prints:
 * json: the whole Article, or its `fields` (2-space indent); text: `body.text`;
 * markdown: `# headline` (escaped) then `body.markdown`; html: `body.html`.
 */
export function render(article: Article, format: Format, fields: readonly string[] | null = null): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(fields === null ? article : pickFields(article, fields), null, 2)}\n`;
    case 'text':
      return line(article.body.text);
    case 'html':
      return line(article.body.html);
    case 'markdown': {
      // The headline is page text like any other: escaped, so that `<img onerror>` or `[x](javascript:)` in it stays text.
      const heading = markdownHeading(article.headline ?? '');
      const body = article.body.markdown;
      if (heading === '') return line(body);
      return body.trim() === '' ? `${heading}\n` : `${heading}\n\n${line(body)}`;
    }
  }
}

/** Every field `--fields` accepts, read off a real Article so that new fields are known at once. */
export function knownFields(): string[] {
  return fieldPaths(extract(''));
}

/** Throws {@link UsageError} for a `--fields` name that is not an Article field. */
export function checkFields(fields: readonly string[] | null): void {
  if (fields === null) return;
  const known = new Set(knownFields());
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw new UsageError(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => JSON.stringify(f)).join(', ')} in --fields (fields: ${[...known].join(', ')})`);
  }
}
