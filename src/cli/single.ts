/** One page: read (or fetched), extracted in this thread, printed with `--format`. */

import { writeFile } from 'node:fs/promises';
import { extract } from '../extract.js';
import { readability } from '../readability.js';
import type { ExtractOptions } from '../types.js';
import type { RunCommand } from './args.js';
import { defaultUserAgent, fetchPage } from './fetch.js';
import { render } from './formats.js';
import { InputError, readInput, reasonOf, TooLargeError } from './input.js';
import type { SinglePlan } from './plan.js';

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
  }

  // The engine object (not the string): it loads jsdom with createRequire, on every Node.
  if (command.fallback === 'readability') options.fallback = readability;
  let output: string;
  try {
    output = render(extract(bytes, options), plan.format, command.fields);
  } catch (e) {
    fail(`extraction failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (command.outputFile === null) {
    process.stdout.write(output);
    return 0;
  }
  try {
    await writeFile(command.outputFile, output);
  } catch (e) {
    throw new InputError(`cannot write ${command.outputFile}: ${reasonOf(e)}`);
  }
  return 0;
}
