import { afterEach, describe, expect, it } from 'vitest';
import { CopydeskError, FallbackUnavailableError, MissingPeerDependencyError } from '../../errors.js';
import { loadFromRuntime, loadReadabilityLibraries, runtimeRequire, type RequireFunction } from './load.js';

const notFound = (name: string): Error =>
  Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /app/index.js`), { code: 'MODULE_NOT_FOUND' });
const jsdom = { JSDOM: class {}, VirtualConsole: class {} };
const readability = { Readability: class {} };
const fakeRequire =
  (mods: Record<string, unknown>): RequireFunction =>
  (id) => {
    if (id in mods) {
      const m = mods[id];
      if (m instanceof Error) throw m;
      return m;
    }
    throw notFound(id);
  };

describe('loadReadabilityLibraries', () => {
  it('loads both packages', () => {
    const libs = loadReadabilityLibraries(fakeRequire({ jsdom, '@mozilla/readability': readability }));
    expect(libs.jsdom).toBe(jsdom);
    expect(libs.readability).toBe(readability);
  });

  it('names every missing package in a typed error', () => {
    const both = (() => {
      try {
        loadReadabilityLibraries(fakeRequire({}));
      } catch (e) {
        return e;
      }
    })();
    expect(both).toBeInstanceOf(MissingPeerDependencyError);
    expect(both).toBeInstanceOf(CopydeskError);
    expect(both).toMatchObject({ code: 'ERR_MISSING_PEER_DEPENDENCY', packages: ['jsdom', '@mozilla/readability'] });
    expect((both as Error).message).toContain('npm install jsdom @mozilla/readability');
    expect(() => loadReadabilityLibraries(fakeRequire({ jsdom }))).toThrow(/@mozilla\/readability, which is not installed: npm install @mozilla\/readability/);
  });

  it('tells a package that fails to load from one that is missing', () => {
    // jsdom is there, but one of its own dependencies is not: not a missing peer.
    const broken = fakeRequire({ jsdom: notFound('tough-cookie'), '@mozilla/readability': readability });
    expect(() => loadReadabilityLibraries(broken)).toThrow(FallbackUnavailableError);
    const wrong = fakeRequire({ jsdom: { JSDOM: 1 }, '@mozilla/readability': readability });
    expect(() => loadReadabilityLibraries(wrong)).toThrow(/no JSDOM\/VirtualConsole/);
  });
});

describe('runtimeRequire', () => {
  const proc = process as { getBuiltinModule?: unknown };
  const original = proc.getBuiltinModule;
  afterEach(() => {
    proc.getBuiltinModule = original;
  });

  it('finds a require in this Node (process.getBuiltinModule)', () => {
    expect(typeof runtimeRequire()).toBe('function');
    expect(() => loadFromRuntime()).not.toThrow();
  });

  it('says clearly when the runtime has none', () => {
    proc.getBuiltinModule = undefined;
    expect(runtimeRequire()).toBeNull();
    expect(() => loadFromRuntime()).toThrow(FallbackUnavailableError);
    expect(() => loadFromRuntime()).toThrow(/copydesk\/readability/);
  });
});
