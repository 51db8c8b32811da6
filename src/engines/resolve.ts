/**
 * Turning `ExtractOptions.fallback` into a ready engine, or a typed error
 * before any work is done (so that a missing package fails on the first page,
 * not only on the first page that needs the fallback).
 */
import { InvalidArgumentError } from '../errors.js';
import { loadFromRuntime } from './readability/load.js';
import { createReadabilityEngine } from './readability/run.js';
import type { ReadabilityEngine } from './readability/types.js';

/** The engine `fallback: 'readability'` uses: the peers are loaded through the runtime's `require` (see `load.ts`). */
const RUNTIME_READABILITY: ReadabilityEngine = createReadabilityEngine(loadFromRuntime);

/** True for an object shaped like a {@link ReadabilityEngine}. */
export function isReadabilityEngine(value: unknown): value is ReadabilityEngine {
  const v = value as Partial<ReadabilityEngine> | null;
  return typeof v === 'object' && v !== null && v.name === 'readability' && typeof v.run === 'function' && typeof v.load === 'function';
}

/**
 * The engine for a `fallback` option value, with its packages loaded.
 * @throws {@link InvalidArgumentError} for a value that is no engine.
 * @throws {@link MissingPeerDependencyError} when jsdom or @mozilla/readability is not installed.
 * @throws {@link FallbackUnavailableError} when they cannot be loaded in this runtime.
 */
export function resolveFallback(value: unknown): ReadabilityEngine {
  const engine = value === 'readability' ? RUNTIME_READABILITY : value;
  if (!isReadabilityEngine(engine)) {
    throw new InvalidArgumentError('options.fallback', "extract: options.fallback must be 'readability' or the engine exported by 'copydesk/readability'");
  }
  engine.load();
  return engine;
}
