/**
 * `copydesk`: the command-line tool (Node only). Bundled by tsup into
 * dist/cli.js together with the library it imports.
 */

import { version } from '../../package.json';
import { extract } from '../index.js';
import type { ExtractOptions } from '../types.js';
import { parseArgs, UsageError } from './args.js';
import { render } from './formats.js';
import { helpText } from './help.js';
import { InputError, readInput } from './input.js';

/** One-line message on stderr. */
function fail(message: string): void {
  const oneLine = message.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  process.stderr.write(`copydesk: ${oneLine}\n`);
}

/** Runs one command line; resolves to the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.showHelp) process.stderr.write(helpText(version));
    else fail(`${e.message} (see copydesk --help)`);
    return 2;
  }

  if (command.kind === 'help') {
    process.stdout.write(helpText(version));
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readInput(command.file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    fail(e.message);
    return 2;
  }

  const options: ExtractOptions = {};
  if (command.url !== null) options.url = command.url;
  if (command.contentType !== null) options.contentType = command.contentType;

  let output: string;
  try {
    output = render(extract(bytes, options), command.format);
  } catch (e) {
    fail(`extraction failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  process.stdout.write(output);
  return 0;
}

// A closed pipe (`copydesk extract page.html | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
