/**
 * Loading jsdom and @mozilla/readability lazily, synchronously, and only on
 * request. The core never imports them (a bundler building the browser
 * version sees no reference to follow); a loader receives a `require`
 * function from whoever can provide one:
 *
 * - `copydesk/readability` (Node only) uses `module.createRequire`;
 * - `extract(..., { fallback: 'readability' })` asks the runtime for one
 *   through `process.getBuiltinModule` (Node ≥ 20.16 and ≥ 22.3, which every
 *   Node that jsdom 27+ supports has), without importing any Node module.
 */
import { FallbackUnavailableError, MissingPeerDependencyError } from '../../errors.js';
import type { JsdomModule, ReadabilityLibraries, ReadabilityModule } from './types.js';

/** A CommonJS `require`. */
export type RequireFunction = (id: string) => unknown;

/** The optional peer dependencies the Readability engine needs, in the order the error names them. */
export const READABILITY_PACKAGES = ['jsdom', '@mozilla/readability'] as const;

/** True when `error` says that `name` itself (not one of its own dependencies) cannot be found. */
function isMissing(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || (e.code !== 'MODULE_NOT_FOUND' && e.code !== 'ERR_MODULE_NOT_FOUND')) return false;
  const message = typeof e.message === 'string' ? e.message : '';
  return message.includes(`'${name}'`) || message.includes(`"${name}"`);
}

/**
 * Loads both packages with `req`.
 * @throws {@link MissingPeerDependencyError} naming every package that is not installed.
 * @throws {@link FallbackUnavailableError} when a package is installed but fails to load.
 */
export function loadReadabilityLibraries(req: RequireFunction): ReadabilityLibraries {
  const loaded: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of READABILITY_PACKAGES) {
    try {
      loaded[name] = req(name);
    } catch (error) {
      if (isMissing(error, name)) missing.push(name);
      else
        throw new FallbackUnavailableError(`copydesk: ${name} is installed but failed to load: ${String((error as Error)?.message ?? error)}`, {
          cause: error,
        });
    }
  }
  if (missing.length) throw new MissingPeerDependencyError(missing);
  const jsdom = loaded.jsdom as Partial<JsdomModule> | undefined;
  const readability = loaded['@mozilla/readability'] as Partial<ReadabilityModule> | undefined;
  if (typeof jsdom?.JSDOM !== 'function' || typeof jsdom.VirtualConsole !== 'function') {
    throw new FallbackUnavailableError('copydesk: the installed jsdom exports no JSDOM/VirtualConsole constructors');
  }
  if (typeof readability?.Readability !== 'function') {
    throw new FallbackUnavailableError('copydesk: the installed @mozilla/readability exports no Readability class');
  }
  return { jsdom: jsdom as JsdomModule, readability: readability as ReadabilityModule };
}

/** Where this module lives, for resolving packages from it: its URL (ES module) or file name (CommonJS build). */
function moduleLocation(): string | null {
  // In the CommonJS build esbuild leaves `import.meta` empty; `__filename` is then defined.
  const url = (import.meta as { url?: unknown }).url;
  if (typeof url === 'string') return url;
  return typeof __filename === 'string' ? __filename : null;
}

/**
 * A synchronous `require` from the runtime, without importing a Node module:
 * `process.getBuiltinModule('node:module').createRequire`. Null where the
 * runtime has none (browsers, workers, Node before 20.16).
 */
export function runtimeRequire(): RequireFunction | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return null;
  const mod = proc.getBuiltinModule('node:module') as { createRequire?: (from: string) => RequireFunction } | undefined;
  const from = moduleLocation();
  if (typeof mod?.createRequire !== 'function' || from === null) return null;
  return mod.createRequire(from);
}

/**
 * Loads both packages through {@link runtimeRequire}.
 * @throws {@link FallbackUnavailableError} when the runtime offers no synchronous loader.
 * @throws {@link MissingPeerDependencyError} when a package is not installed.
 */
export function loadFromRuntime(): ReadabilityLibraries {
  const req = runtimeRequire();
  if (!req) {
    throw new FallbackUnavailableError(
      "copydesk: fallback 'readability' cannot load jsdom in this runtime (it needs process.getBuiltinModule: Node >= 20.16 or >= 22.3). " +
        "On other Node versions pass the engine instead: import { readability } from 'copydesk/readability'; extract(html, { fallback: readability }).",
    );
  }
  return loadReadabilityLibraries(req);
}
