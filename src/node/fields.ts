/**
 * Choosing the fields written for a page (`copydesk --fields`) and writing a
 * page's JSONL line. Pure, no Node built-ins: the worker and the CLI share it.
 */
import type { Article } from '../types.js';
import type { PageId } from './types.js';

/** The error part of an error line, as the CLI writes it. */
export interface LineError {
  kind: string;
  message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every field path an Article has: its keys, and `key.sub` for the keys of its
 * nested objects (`body.text`, `dateline.published`). Read off an Article so
 * that a field added to the type is selectable without a change here.
 */
export function fieldPaths(sample: Article): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(sample)) {
    paths.push(key);
    if (isPlainObject(value)) for (const sub of Object.keys(value)) paths.push(`${key}.${sub}`);
  }
  return paths;
}

/**
 * The chosen fields of `article`, nested as in the Article
 * (`["headline", "body.text"]` gives `{ headline, body: { text } }`), in the
 * order asked. A whole object (`body`) wins over its parts (`body.text`).
 * Paths that the Article lacks are left out.
 */
export function pickFields(article: Article, fields: readonly string[]): Record<string, unknown> {
  const source = article as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const whole = new Set(fields.filter((f) => !f.includes('.')));
  for (const field of fields) {
    const dot = field.indexOf('.');
    if (dot < 0) {
      if (field in source) out[field] = source[field];
      continue;
    }
    const key = field.slice(0, dot);
    const sub = field.slice(dot + 1);
    const parent = source[key];
    if (whole.has(key) || !isPlainObject(parent) || !(sub in parent)) continue;
    const part = (out[key] ?? {}) as Record<string, unknown>;
    part[sub] = parent[sub];
    out[key] = part;
  }
  return out;
}

/**
 * One JSONL line (without the newline) for a page: `id` and `url` first (a
 * resumed run reads them back), then the Article or its chosen fields.
 */
export function articleLine(id: PageId, url: string | null, article: Article, fields: readonly string[] | null): string {
  const body = fields === null ? article : pickFields(article, fields);
  return JSON.stringify({ id, url, ...body });
}

/** One JSONL line (without the newline) for a page that failed. */
export function errorLine(id: PageId, url: string | null, error: LineError): string {
  return JSON.stringify({ id, url, error: { kind: error.kind, message: error.message } });
}
