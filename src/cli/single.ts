/** One page: read (or fetched), extracted in this thread, printed with `--format`. */

import { writeFile } from 'node:fs/promises';
import { extract } from '../extract.js';
import { readability } from '../readability.js';
import type { ExtractOptions } from '../types.js';
import { UsageError, type RunCommand } from './args.js';
import { defaultUserAgent, fetchPage } from './fetch.js';
import { render } from './formats.js';
import { InputError, readInput, reasonOf, TooLargeError } from './input.js';
import type { SinglePlan } from './plan.js';
import { noArticleReason, sniffAdvice, sniffNonHtml } from './sniff.js';

/** Exit status of a single page that holds no article (documented in `--help`). */
export const EXIT_NO_ARTICLE = 3;

/** Runs one page; resolves to the exit status. `fail` prints a one-line message. */
export async function runSingle(command: RunCommand, plan: SinglePlan, version: string, fail: (m: string) => void): Promise<number> {
  let bytes: Uint8Array;
  const options: ExtractOptions = {};
  if ('url' in plan.from) {
    const fetched = await fetchPage(plan.from.url, {
      userAgent: command.fetch.userAgent ?? defaultUserAgent(version),
      timeoutMs: command.fetch.timeoutMs,
      maxBytes: command.maxBytes,
      maxRedirects: command.fetch.maxRedirects,
      allowPrivateNetwork: command.fetch.allowPrivateNetwork,
    });
    if ('error' in fetched) {
      fail(`cannot fetch ${plan.from.url}: ${fetched.error.message} (${fetched.error.kind})`);
      return 1;
    }
    bytes = fetched.bytes;
    options.url = fetched.url;
    if (fetched.contentType) options.contentType = fetched.contentType;
    else if (command.contentType !== null) options.contentType = command.contentType;
  } else {
    try {
      bytes = await readInput(plan.from.file, command.maxBytes);
    } catch (e) {
      if (e instanceof TooLargeError) {
        fail(`${plan.from.file === '-' ? 'standard input' : plan.from.file}: ${e.message}`);
        return 1;
      }
      throw e;
    }
    if (command.url !== null) options.url = command.url;
    if (command.contentType !== null) options.contentType = command.contentType;
    // Without --input, JSONL or a list read as one page would give nothing, silently.
    const other = command.input === null ? sniffNonHtml(bytes) : null;
    if (other !== null) throw new UsageError(sniffAdvice(other, plan.from.file));
  }
  const name = 'url' in plan.from ? plan.from.url : plan.from.file === '-' ? 'standard input' : plan.from.file;

  // The engine object (not the string): it loads jsdom with createRequire, on every Node.
  if (command.fallback === 'readability') options.fallback = readability;
  if (command.timeBudgetMs !== null) options.limits = { timeBudgetMs: command.timeBudgetMs };
  let output: string;
  let found: boolean;
  try {
    const article = extract(bytes, options);
    found = article.body.text !== '';
    output = render(article, plan.format, command.fields, command.withMetadata);
  } catch (e) {
    fail(`extraction failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (command.outputFile === null) {
    process.stdout.write(output);
  } else {
    try {
      await writeFile(command.outputFile, output);
    } catch (e) {
      throw new InputError(`cannot write ${command.outputFile}: ${reasonOf(e)}`);
    }
  }
  // The (empty) Article is written all the same: its metadata and boilerplate account may still serve.
  if (found) return 0;
  fail(`no article in ${name}: ${noArticleReason(bytes)}`);
  return EXIT_NO_ARTICLE;
}
