/**
 * From a command to a plan: one page (printed with `--format`) or a batch
 * (written as JSONL), and for a batch the inputs it reads, with folders walked
 * and globs expanded. The only module of the CLI that looks at the file system
 * before the run.
 */

import { stat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { glob, isDynamicPattern } from 'tinyglobby';
import { inputKindOf, UsageError, type Format, type InputKind, type RunCommand } from './args.js';
import { InputError, reasonOf } from './input.js';
import { folderTotals, isUnder } from './walk.js';

/** What one input of a batch holds. */
export type SourceKind = InputKind | 'urls';

/**
 * A folder of a batch, walked when the run reaches it (see `walk.ts`): its
 * files of `kinds`, less those an earlier input already gave (files named
 * before it, folders walked before it).
 */
export interface FolderSpec {
  source: 'folder';
  path: string;
  /** The kind of every file (`--input`, `--fetch`), or null to tell each file's kind by its name. */
  kind: SourceKind | null;
  kinds: readonly SourceKind[];
  /** Folders walked before this one (resolved): files under them are not read twice. */
  skipFolders: readonly string[];
  /** Files named before this folder (resolved). */
  skipFiles: readonly string[];
}

/** One input of a batch. */
export type InputSpec =
  | { source: 'file'; kind: SourceKind; path: string; size: number }
  | FolderSpec
  | { source: 'stdin'; kind: SourceKind }
  | { source: 'args'; urls: string[] };

/** A single page, printed with `--format`. */
export interface SinglePlan {
  mode: 'single';
  /** A file, `-` for standard input, or a URL to fetch. */
  from: { file: string } | { url: string };
  format: Format;
}

/** Many pages (or `--output jsonl`), written one JSONL line each. */
export interface BatchPlan {
  mode: 'batch';
  inputs: InputSpec[];
  /** Bytes (or URLs) to read in all, for the progress bar; null when standard input is read. */
  total: number | null;
  /** The format of the files `--output-dir` writes (json when not given). */
  format: Format;
}

export type Plan = SinglePlan | BatchPlan;

/**
 * The extensions a folder's files are taken by (each also with `.gz`). A
 * folder walk keeps the files of the asked input kind, or of any kind when
 * `--input` is not given; a file named on the command line is always taken.
 */
export const EXTENSIONS: Record<SourceKind, readonly string[]> = {
  html: ['.html', '.htm', '.xhtml', '.xht', '.shtml'],
  jsonl: ['.jsonl', '.ndjson'],
  warc: ['.warc'],
  urls: ['.txt', '.urls'],
};

function takenInFolder(file: string, kinds: readonly SourceKind[]): boolean {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return kinds.some((k) => EXTENSIONS[k].some((ext) => name.endsWith(ext)));
}

/** File sizes read at once when a glob is expanded. */
const STAT_CONCURRENCY = 32;

async function statOrNull(p: string) {
  try {
    return await stat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new InputError(`cannot read ${p}: ${reasonOf(e)}`);
  }
}

/** Which files of a folder's walk are read (see {@link FolderSpec}). */
export function folderTake(spec: FolderSpec): (file: string) => boolean {
  const skipFiles = new Set(spec.skipFiles);
  return (file) => {
    if (!takenInFolder(file, spec.kinds)) return false;
    if (skipFiles.size === 0 && spec.skipFolders.length === 0) return true;
    const key = path.resolve(file);
    return !skipFiles.has(key) && !spec.skipFolders.some((d) => isUnder(key, d));
  };
}

/**
 * The inputs of a batch, in command-line order: `-` is standard input, a file
 * is itself, a folder is its files (recursive), anything else that looks like
 * a glob is its matches. Throws {@link InputError} for a path that names
 * nothing or a glob that matches nothing (the run has not started: exit 2).
 */
export async function expandInputs(
  command: Pick<RunCommand, 'kind' | 'paths' | 'fetchLists' | 'input'>,
): Promise<{ inputs: InputSpec[]; total: number | null }> {
  if (command.kind === 'fetch') return { inputs: [{ source: 'args', urls: command.paths }], total: command.paths.length };
  const kindOf = (file: string): SourceKind => (command.fetchLists ? 'urls' : (command.input ?? inputKindOf(file)));
  const folderKinds: SourceKind[] = command.fetchLists ? ['urls'] : command.input ? [command.input] : ['html', 'jsonl', 'warc'];
  const inputs: InputSpec[] = [];
  // What earlier inputs gave, so that no page is read twice: the files named (few) and the folders walked.
  const named = new Set<string>();
  const walked: string[] = [];
  let total: number | null = 0;
  const addFiles = async (files: readonly string[], sizes?: readonly number[]) => {
    const fresh = files.filter((file) => {
      const key = path.resolve(file);
      if (named.has(key) || walked.some((d) => isUnder(key, d))) return false;
      named.add(key);
      return true;
    });
    // Sizes for the progress bar's ETA; many at once, as a glob can match many files.
    const bytes = sizes ?? (await pMap(fresh, async (f) => (await statOrNull(f))?.size ?? 0, { concurrency: STAT_CONCURRENCY }));
    fresh.forEach((file, i) => {
      inputs.push({ source: 'file', kind: kindOf(file), path: file, size: bytes[i]! });
      if (total !== null) total += bytes[i]!;
    });
  };

  for (const p of command.paths) {
    if (p === '-') {
      inputs.push({ source: 'stdin', kind: command.fetchLists ? 'urls' : (command.input ?? 'html') });
      total = null;
      continue;
    }
    const info = await statOrNull(p);
    if (info?.isDirectory()) {
      const folder: FolderSpec = {
        source: 'folder',
        path: p,
        kind: command.fetchLists ? 'urls' : (command.input ?? null),
        kinds: folderKinds,
        skipFolders: [...walked],
        skipFiles: [...named],
      };
      // One walk ahead of the run adds up the sizes for the ETA, holding no list of the files.
      const { bytes } = await folderTotals(p, folderTake(folder)).catch((e: unknown) => {
        throw new InputError(`cannot read ${p}: ${reasonOf(e)}`);
      });
      if (total !== null) total += bytes;
      inputs.push(folder);
      walked.push(path.resolve(p));
    } else if (info) {
      await addFiles([p], [info.size]);
    } else if (isDynamicPattern(p)) {
      const matches = (await glob(p, { onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(p) })).sort();
      if (matches.length === 0) throw new InputError(`no files match ${p}`);
      await addFiles(matches);
    } else {
      throw new InputError(`cannot read ${p}: no such file`);
    }
  }
  return { inputs, total };
}

/**
 * One page or a batch. One page: a single file (or `-`) of HTML, or a single
 * URL to fetch, without `--output`. Everything else is a batch: several
 * paths, a folder, a glob, JSONL, WARC, URL lists, or `--output jsonl`.
 * Throws {@link UsageError} for options that do not fit the mode.
 */
export async function plan(command: RunCommand): Promise<Plan> {
  let single: SinglePlan['from'] | null = null;
  if (command.output === null && command.outputDir === null && command.paths.length === 1) {
    const p = command.paths[0]!;
    if (command.kind === 'fetch') single = { url: p };
    else if (!command.fetchLists && (command.input ?? (p === '-' ? 'html' : inputKindOf(p))) === 'html') {
      const info = p === '-' ? null : await statOrNull(p);
      if (p === '-' || (info !== null && !info.isDirectory())) single = { file: p };
    }
  }
  if (single) {
    if (command.resume) throw new UsageError('--resume works on a batch written as JSONL: add --output jsonl');
    if (command.url !== null && 'url' in single) throw new UsageError('--url is for pages read from a file; fetch knows the URL');
    return { mode: 'single', from: single, format: command.format ?? 'json' };
  }
  if (command.format !== null && command.outputDir === null) {
    throw new UsageError(
      `--format prints a single page; a batch is written as JSONL (choose what it holds with --fields), or one file per page in that format with --output-dir DIR`,
    );
  }
  if (command.url !== null) throw new UsageError('--url is for a single page; in a batch each page has its own URL');
  const { inputs, total } = await expandInputs(command);
  // An output that is an input (by name, by link, in a folder) is refused in overwrite.ts, on real paths.
  if (command.outputDir !== null) {
    const dir = path.resolve(command.outputDir);
    const walked = inputs.find(
      (i): i is Extract<InputSpec, { source: 'folder' }> => i.source === 'folder' && (dir + path.sep).startsWith(path.resolve(i.path) + path.sep),
    );
    if (walked) throw new UsageError(`the output folder ${command.outputDir} is inside the input folder ${walked.path}: its files would be read as pages`);
  }
  // A folder's walk passes over the output file: the run writes it, possibly inside that folder.
  const outFile = command.outputFile === null ? null : path.resolve(command.outputFile);
  const read = outFile === null ? inputs : inputs.map((i) => (i.source === 'folder' ? { ...i, skipFiles: [...i.skipFiles, outFile] } : i));
  return { mode: 'batch', inputs: read, total, format: command.format ?? 'json' };
}
