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

/** A value that YAML would misread unquoted (a colon and space, a leading sign or quote, outer spaces). */
const NEEDS_QUOTES = /: |\s#|^[\s\-?:,[\]{}#&*!|>'"%@`]|\s$|^(?:true|false|null|yes|no|~)$/i;

/**
 * The header `--with-metadata` puts before text and Markdown: YAML front
 * matter (as trafilatura's flag of that name writes it) with the headline,
 * byline, publication date, dateline place, source and URL the Article has;
 * empty when it has none of them.
 */
export function metadataHeader(article: Article): string {
  const source = [article.source.publisher, article.source.agency].filter((s) => s !== null && s !== '').join('; ');
  const fields: Array<[string, string | null]> = [
    ['headline', article.headline],
    ['byline', article.byline],
    ['date', article.dateline.published],
    ['place', article.dateline.place],
    ['source', source || null],
    ['url', article.source.canonicalUrl],
  ];
  const lines = fields
    .filter((f): f is [string, string] => f[1] !== null && f[1].trim() !== '')
    .map(([key, raw]) => {
      const value = raw.replace(/\s+/g, ' ').trim();
      return `${key}: ${NEEDS_QUOTES.test(value) ? JSON.stringify(value) : value}`;
    });
  return lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n`;
}

/**
 * The text `copydesk extract --format <format>` prints:
 * json: the whole Article, or its `fields` (2-space indent); text: `body.text`;
 * markdown: `# headline` (escaped) then `body.markdown`; html: `body.html`. With
 * `withMetadata`, text and Markdown begin with {@link metadataHeader}.
 */
export function render(article: Article, format: Format, fields: readonly string[] | null = null, withMetadata = false): string {
  if (withMetadata && (format === 'text' || format === 'markdown')) {
    const header = metadataHeader(article);
    const rest = render(article, format, fields);
    return header === '' ? rest : rest === '' ? header : `${header}\n${rest}`;
  }
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
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => JSON.stringify(f)).join(', ')} in --fields (fields: ${[...known].join(', ')})`,
    );
  }
}
