/**
 * extract() in a child process, for tests of very large or very deep pages.
 *
 * One extract() call on such a page takes a second on a quiet machine and
 * several on a busy one, all of it synchronous: run in the test worker it
 * would hold the worker's event loop that long. Here the built package
 * (dist/index.js; `npm test` builds first through `pretest`) runs in a child
 * process, and the test awaits its Article without blocking.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Article, ExtractOptions, FallbackReport } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The timeout for a test that runs one such call: a second on a quiet machine,
 * but a machine shared with other CPU-bound work can make it a minute.
 */
export const HEAVY_TIMEOUT = 240_000;

/** The options a child can take: plain data (a fallback by name, not an engine object; no callbacks). */
export type ChildExtractOptions = Omit<ExtractOptions, 'fallback' | 'onFallback'> & { fallback?: 'readability' };

export interface ChildResult {
  article: Article;
  /** What onFallback received, in order. */
  reports: FallbackReport[];
}

// Infinity (a lifted limit) does not survive JSON: it travels as the string 'Infinity'.
const CHILD = `
import { readFileSync } from 'node:fs';
const { extract } = await import(process.argv[1] + 'dist/index.js');
const options = JSON.parse(process.argv[2], (_k, v) => (v === 'Infinity' ? Infinity : v));
const reports = [];
const article = extract(readFileSync(0, 'utf8'), { ...options, onFallback: (r) => reports.push(r) });
process.stdout.write(JSON.stringify({ article, reports }));
`;

/** Runs `extract(html, options)` from dist/ in a child process; rejects with its stderr if it fails. */
export function extractInChild(html: string, options: ChildExtractOptions = {}): Promise<ChildResult> {
  const json = JSON.stringify(options, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, ROOT, json], { cwd: ROOT });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`extract in a child process exited ${status}: ${stderr}`));
      else resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as ChildResult);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(html);
  });
}
