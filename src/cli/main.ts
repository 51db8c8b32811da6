#!/usr/bin/env node
/**
 * `copydesk`: the command-line tool (Node only). Bundled by tsup into
 * dist/cli.js together with the library it imports; the worker threads of a
 * batch run dist/worker.cjs.
 */

import { version } from '../../package.json';
import { CopydeskError } from '../errors.js';
import { resolveFallback } from '../engines/resolve.js';
import { readability } from '../readability.js';
import { parseArgs, UsageError } from './args.js';
import { runBatch } from './batch.js';
import { checkFields } from './formats.js';
import { helpText } from './help.js';
import { InputError, reasonOf } from './input.js';
import { refuseOutputOverInput } from './overwrite.js';
import { plan, type InputSpec, type Plan } from './plan.js';
import { runSingle } from './single.js';

/** One-line message on stderr. */
function fail(message: string): void {
  const oneLine = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
  process.stderr.write(`copydesk: ${oneLine}\n`);
}

/** The files a plan reads (a single page's file as a file input). */
function inputsOf(p: Plan): readonly InputSpec[] {
  if (p.mode === 'batch') return p.inputs;
  return 'file' in p.from && p.from.file !== '-' ? [{ source: 'file', kind: 'html', path: p.from.file, size: 0 }] : [];
}

/** Runs one command line; resolves to the exit status. */
async function main(argv: readonly string[]): Promise<number> {
  // `copydesk queue ...` has its own arguments and module (it loads BullMQ).
  if (argv[0] === 'queue') return (await import('./queue/main.js')).runQueue(argv.slice(1), fail);
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(helpText(version));
      return 0;
    }
    if (command.kind === 'version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    checkFields(command.fields);
    // Missing packages are a setup error, told once before any page.
    if (command.fallback === 'readability') readability.load();
    const p = await plan(command);
    if (command.outputFile !== null) await refuseOutputOverInput(command.outputFile, inputsOf(p), command.resume);
    // Batch workers are given the engine's name and load their own copy, the way
    // `fallback: 'readability'` does (process.getBuiltinModule): check that way too.
    if (command.fallback === 'readability' && p.mode !== 'single') resolveFallback('readability');
    return p.mode === 'single' ? await runSingle(command, p, version, fail) : await runBatch(command, p, version);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.showHelp) process.stderr.write(helpText(version));
      else fail(`${e.message} (see copydesk --help)`);
      return 2;
    }
    if (e instanceof InputError) {
      fail(e.message);
      return 2;
    }
    // A --fallback whose packages cannot be loaded (jsdom not installed) is a setup error.
    if (e instanceof CopydeskError && (e.code === 'ERR_MISSING_PEER_DEPENDENCY' || e.code === 'ERR_FALLBACK_UNAVAILABLE')) {
      fail(e.message);
      return 2;
    }
    throw e;
  }
}

// A closed pipe (`copydesk extract page.html | head`) is not an error; any
// other failure to write (a full disk) ends the run in one line.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  fail(`cannot write standard output: ${reasonOf(e)}`);
  process.exit(2);
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
