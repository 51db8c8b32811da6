/**
 * The source tree's shape: no import cycle between files (type imports
 * included), and folders that depend on each other one way only, in the
 * pipeline's order. Imports are read from the source text (static imports,
 * re-exports and `import()` with a relative specifier), so the test needs no
 * build and no extra dependency.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(): string[] {
  return (fs.readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(SRC, f));
}

/** The file a relative specifier names ('./x.js' is './x.ts' in the source). */
function resolveSpecifier(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const deps = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveSpecifier(file, (m[1] ?? m[2]) as string);
      if (target) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk (each reported from where the walk closed it). */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    // iterative DFS: a stack of [node, index of the next dependency]
    const stack: Array<[string, number]> = [[start, 0]];
    const onPath: string[] = [start];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const deps = graph.get(top[0]) ?? [];
      if (top[1] >= deps.length) {
        state.set(top[0], 'done');
        stack.pop();
        onPath.pop();
        continue;
      }
      const next = deps[top[1]++] as string;
      const seen = state.get(next);
      if (seen === 'open') found.push([...onPath.slice(onPath.indexOf(next)), next]);
      else if (seen === undefined) {
        state.set(next, 'open');
        stack.push([next, 0]);
        onPath.push(next);
      }
    }
  }
  return found.map((c) => c.map((f) => path.relative(SRC, f)));
}

/** The top-level unit a file belongs to: its folder, or the file's own name at the top. */
function unitOf(file: string): string {
  const rel = path.relative(SRC, file);
  return rel.includes(path.sep) ? (rel.split(path.sep)[0] as string) : rel.replace(/\.ts$/, '');
}

/**
 * Pairs of top-level folders (or files) that import each other today, against
 * the pipeline's one-way order (decode -> parse -> page index -> metadata ->
 * body -> fields -> serialise -> extract -> node -> cli). This list may only
 * shrink: a new pair fails the test.
 */
const KNOWN_MUTUAL_PAIRS = new Set([
  'body <-> fields', // the cleaner reads caption and dek tests from fields/
  'body <-> metadata', // the page index lives in body/features.ts
  'engines <-> extract', // the fallback re-enters extraction
  'engines <-> options', // options resolve the fallback engine; the drop-in normalises options
  'engines <-> types', // types.ts names the Readability engine's public type
]);

describe('source architecture', () => {
  const graph = importGraph();

  it('reads a non-trivial import graph', () => {
    expect(graph.size).toBeGreaterThan(50);
    const edges = [...graph.values()].reduce((n, d) => n + d.length, 0);
    expect(edges).toBeGreaterThan(graph.size);
  });

  it('has no import cycle between source files (type imports included)', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one (the walk works)', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    const c = path.join(SRC, 'c.ts');
    const fake = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
    ]);
    expect(cycles(fake)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('adds no pair of folders that import each other', () => {
    const folderEdges = new Set<string>();
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        const from = unitOf(file);
        const to = unitOf(dep);
        if (from !== to) folderEdges.add(`${from} -> ${to}`);
      }
    }
    const mutual = new Set<string>();
    for (const edge of folderEdges) {
      const [from, to] = edge.split(' -> ') as [string, string];
      if (folderEdges.has(`${to} -> ${from}`)) mutual.add([from, to].sort().join(' <-> '));
    }
    const unexpected = [...mutual].filter((pair) => !KNOWN_MUTUAL_PAIRS.has(pair));
    expect(unexpected).toEqual([]);
  });
});
