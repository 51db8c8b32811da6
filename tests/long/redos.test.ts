/**
 * No regular expression in copydesk is exposed to catastrophic backtracking.
 *
 * Every regular expression of the library is collected: each literal in
 * src/ (found with the TypeScript parser) and each RegExp reachable from a
 * module's exports (the pattern tables, including the ones built with
 * `new RegExp`). Each one is then
 *   1. checked by recheck (an automaton-based ReDoS checker), which must call
 *      it safe — no exponential or polynomial backtracking — unless it is on
 *      the short list of BOUNDED patterns, whose callers cap the input length;
 *   2. run on long adversarial strings: recheck's own attack string and runs
 *      of every character the pattern names, 50,000 characters long (capped
 *      at the bound for BOUNDED ones). A linear pattern takes about a
 *      millisecond on each; a quadratic one minutes, and the test times out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATELINE_PATTERNS, MAX_DATELINE_CHARS } from '../../src/fields/dateline/patterns.js';
import { TAIL_CHARS } from '../../src/fields/captions/credit.js';
import { MAX_PITCH_CHARS, NEWSLETTER_PITCH, normaliseLabel } from '../../src/body/vocabulary.js';
import { cleanByline, cleanName, MAX_NAMES_INPUT, splitAuthors } from '../../src/fields/byline/byline.js';
import { matchDateline } from '../../src/fields/dateline/dateline.js';
import { AUTHOR_SEPARATORS, BYLINE_TAIL } from '../../src/fields/byline/tables.js';
import { parseMachineDate, parseTextDate } from '../../src/fields/dates/parse.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const LONG = 50_000;
/** Lets the event loop run between adversarial inputs (each takes milliseconds on a linear pattern). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Modules not imported for their exports: the CLI entry runs on import. */
const NOT_IMPORTED = new Set(['cli/main.ts']);

interface Pattern {
  re: RegExp;
  where: string;
}

/**
 * Patterns whose callers bound the input, so that polynomial backtracking is
 * bounded too: [source, longest input, why].
 */
const BYLINE_BOUND = 'the byline clean-up (cleanName, splitAuthors, cleanByline) reads at most MAX_NAMES_INPUT characters';
const CAPTION_BOUND = 'applied to a caption credit within the caption tail, cut to TAIL_CHARS characters (fields/captions/credit.ts)';
const BOUNDED: ReadonlyArray<readonly [string, number, string]> = [
  ...DATELINE_PATTERNS.map(
    (re) => [re.source, MAX_DATELINE_CHARS + 20, 'matchDateline reads only the first MAX_DATELINE_CHARS + 20 characters of a paragraph'] as const,
  ),
  [String.raw`(?:©|\(c\)|\bcopyright\b)\s*([^©]{2,100})$`, TAIL_CHARS, CAPTION_BOUND],
  [String.raw`[,;]?\s*\b(?:photos?|photographs?|images?|pictures?|fotos?)\s*$`, 40, 'applied to the 40 characters before a © sign (fields/captions/credit.ts)'],
  [String.raw`^[("'“‘[]+|[)"'”’\],.;:]+$`, TAIL_CHARS, CAPTION_BOUND],
  [NEWSLETTER_PITCH.source, MAX_PITCH_CHARS, 'applied to blocks of under MAX_PITCH_CHARS characters (body/clean.ts)'],
  [String.raw`\s*\[[^\]]*\]$`, MAX_DATELINE_CHARS + 20, 'applied to a dateline place, cut from the first MAX_DATELINE_CHARS + 20 characters'],
  ...[
    String.raw`\([^)]*\)`,
    String.raw`<[^>]*>`,
    String.raw`\S+@\S+\.\S+`,
    String.raw`\s*(?:,|\s[-–—|]\s)\s*(.*)$`,
    String.raw`\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$`,
    String.raw`^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$`,
    String.raw`\s+([,;.])`,
    String.raw`\s*\([^)]{0,40}\)`,
    String.raw`\s*(?:,|\s[-–—|]\s)\s*([^,]*)$`,
    BYLINE_TAIL.source,
    AUTHOR_SEPARATORS.source,
    // cleanByline's separators, host names and trims (its input is cut to MAX_NAMES_INPUT; dropOutlet reads a cleaned byline).
    String.raw`(\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*)`,
    String.raw`[\p{L}\d-]{2,}\.[a-z]{2,6}(?![\p{L}\d])`,
    String.raw`\s*(?:,|\s[-–—|/]\s|\s\/|\/\s)\s*([^,|/–—]*)$`,
    String.raw`^[\s,;:|·•–—/~-]+|[\s,;:|·•–—/~-]+$`,
    String.raw`[\s,;:|·•–—/-]+$`,
  ].map((source) => [source, MAX_NAMES_INPUT, BYLINE_BOUND] as const),
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('test-helpers.ts')) out.push(p);
  }
  return out.sort();
}

/** Every regular-expression literal in the source, with its file and line. */
function literals(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ re: new RegExp(text.slice(1, slash), text.slice(slash + 1)), where: `${path.relative(SRC, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Every RegExp reachable from the modules' exports (tables of patterns, patterns built at load time). */
async function exported(): Promise<Pattern[]> {
  const out: Pattern[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file);
    if (NOT_IMPORTED.has(rel)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const seen = new Set<unknown>();
    const stack: Array<[unknown, string]> = Object.entries(mod).map(([k, v]) => [v, `${rel} export ${k}`]);
    while (stack.length) {
      const [value, where] = stack.pop()!;
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      if (value instanceof RegExp) out.push({ re: value, where });
      else if (value instanceof Map) for (const [k, v] of value) stack.push([k, where], [v, where]);
      else if (value instanceof Set || Array.isArray(value)) for (const v of value) stack.push([v, where]);
      else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
        for (const [k, v] of Object.entries(value)) stack.push([v, `${where}.${k}`]);
      }
    }
  }
  return out;
}

const all = [...literals(), ...(await exported())];
const unique = new Map<string, Pattern>();
for (const p of all) {
  const key = `/${p.re.source}/${p.re.flags}`;
  if (!unique.has(key)) unique.set(key, p);
}
const patterns = [...unique.values()];

/** Characters a pattern names literally (escapes resolved), plus a letter, a digit and spaces. */
function alphabet(re: RegExp): string[] {
  const chars = new Set<string>([' ', '\t', 'a', 'A', '0', '\u00a0']);
  const src = re.source;
  for (let i = 0; i < src.length; i++) {
    let c = src[i]!;
    if (c === '\\') {
      const next = src[++i] ?? '';
      if (next === 'u' && src[i + 1] === '{') continue;
      if (next === 'u') {
        c = String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (/[dswbDSWBpPnrtfv0-9k]/.test(next)) continue;
      else c = next;
    }
    if (!'()[]{}?*+^$|'.includes(c) || src[i - 1] === '\\') chars.add(c);
  }
  return [...chars].slice(0, 40);
}

function boundOf(re: RegExp): number {
  return BOUNDED.find(([source]) => source === re.source)?.[1] ?? LONG;
}

describe('regular expressions', () => {
  it('are collected from the source and from the pattern tables', () => {
    expect(patterns.length).toBeGreaterThan(80);
    const wheres = patterns.map((p) => p.where).join('\n');
    for (const table of ['body/patterns.ts', 'body/vocabulary.ts', 'fields/dateline/patterns.ts', 'serialise/allowlist.ts']) {
      expect(wheres).toContain(table);
    }
  });

  it.each(patterns.map((p) => [`/${p.re.source.length > 70 ? `${p.re.source.slice(0, 70)}…` : p.re.source}/${p.re.flags} (${p.where})`, p] as const))(
    '%s',
    async (_name, { re }) => {
      // check, not checkSync: it runs recheck's native agent in a child process (or a worker thread where
      // there is none), so the event loop stays free while the automaton is built.
      const verdict = await check(re.source, re.flags.replace(/[gy]/g, ''), { timeout: 5_000 });
      const bounded = BOUNDED.some(([source]) => source === re.source);
      if (!bounded) {
        // 'unknown' means recheck ran out of time (a loaded machine): not a finding. The adversarial
        // runs below still time the pattern; only a proven vulnerability fails here.
        expect(
          verdict.status,
          `${verdict.status} ${verdict.status === 'vulnerable' ? `${verdict.complexity.type}, attack ${verdict.attack.pattern}` : ''}`,
        ).not.toBe('vulnerable');
      }
      const max = boundOf(re);
      const inputs: string[] = [];
      if (verdict.status === 'vulnerable') inputs.push(verdict.attack.string.slice(0, max));
      for (const c of alphabet(re)) {
        const run = c.repeat(Math.max(1, max - 2));
        inputs.push(`${run}\u0000`, `\u0000${run}`, `${run.slice(0, run.length >> 1)}\u0000${run.slice(0, run.length >> 1)}`);
      }
      const once = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const input of inputs) {
        once.test(input);
        input.replace(global, '');
        await tick();
      }
    },
    60_000,
  );
});

describe('the callers of BOUNDED patterns bound their input', () => {
  // Each would take minutes on a megabyte without the bound (not a timing assertion: the test would time out).
  const RUNS = ['(', '<', ' ', '\t', ',', 'a@', ' in A', '-', 'a '].map((c) => c.repeat(1_000_000 / c.length));
  it('byline clean-up', () => {
    for (const run of RUNS) {
      cleanName(`${run}x`);
      splitAuthors(`Jane Doe${run}!`);
      cleanByline(`By Jane Doe${run}!`);
    }
  });

  it('dateline', () => {
    for (const run of [...RUNS, 'SEOUL'.repeat(200_000), `SEOUL [${' '.repeat(1_000_000)}`]) expect(() => matchDateline(run)).not.toThrow();
  });
});

/**
 * The fastest of five runs of `run(input)`, in CPU time (milliseconds): other
 * work on the machine does not add to this process's CPU time.
 */
async function cpuTime(run: (input: string) => unknown, input: string): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    await tick();
    const before = process.cpuUsage();
    run(input);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('the date and dateline readers are linear in their input', () => {
  // n against 4n, as in growth.test.ts: a linear reader costs about 4 times, a quadratic one 16.
  const DATE_CONTEXT = { language: 'en', referenceDate: new Date('2024-06-01T12:00:00Z') };
  const READERS: Array<[string, (input: string) => unknown, (n: number) => string]> = [
    ['matchDateline, words then agency brackets', matchDateline, (n) => `${'A'.repeat(10 * n)} ${'(Reuters '.repeat(n)}`],
    ['matchDateline, repeated places', matchDateline, (n) => 'SEOUL, '.repeat(4 * n)],
    ['parseTextDate, a run of digits', (s) => parseTextDate(s, DATE_CONTEXT), (n) => '1'.repeat(20 * n)],
    ['parseTextDate, repeated month names', (s) => parseTextDate(s, DATE_CONTEXT), (n) => 'May '.repeat(10 * n)],
    ['parseMachineDate, repeated year prefixes', (s) => parseMachineDate(s, DATE_CONTEXT), (n) => '2024-'.repeat(4 * n)],
  ];
  for (const [name, read, input] of READERS) {
    it(name, async () => {
      // n grows until the small input costs 5 ms of CPU, so that a call's fixed
      // cost does not decide the ratio, or until it is 2 million characters: a
      // reader that cuts its input stays under that at any length, and then
      // its cost is compared against at least a millisecond.
      let n = 5_000;
      while ((await cpuTime(read, input(n))) < 5 && input(n).length < 2_000_000) n *= 2;
      const small = Math.max(1, await cpuTime(read, input(n)));
      const ratio = (await cpuTime(read, input(4 * n))) / small;
      expect(ratio, `n = ${n}`).toBeLessThan(6);
    }, 60_000);
  }
});

describe('rewritten patterns match as before', () => {
  const DECORATED = fc.string({
    unit: fc.constantFrom(' ', '\t', '-', '–', '—', '•', '|', ':', '>', '»', '«', '*', '#', '!', '.', '…', 'a', 'B', 'é'),
    maxLength: 12,
  });
  it('normaliseLabel trims what the old expression trimmed', () => {
    const before = (text: string) =>
      text
        .replace(/^[\s\-–—•·|:>»«›‹*#]+|[\s\-–—•·|:>»«›‹*#!.…]+$/gu, '')
        .replace(/\s+/g, ' ')
        .toLowerCase();
    fc.assert(
      fc.property(DECORATED, (s) => {
        expect(normaliseLabel(s)).toBe(before(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('image sizes: the unit carries its own spaces', () => {
    const size = fc.string({ unit: fc.constantFrom(' ', '\t', '0', '1', '2', '.', 'p', 'x', 'P', 'X'), maxLength: 10 });
    const pairs: Array<[RegExp, RegExp]> = [
      [/^\s*[01](?:\.0*)?\s*(?:px)?\s*$/i, /^\s*[01](?:\.0*)?(?:\s*px)?\s*$/i],
      [/^\s*(\d{1,5})\s*(?:px)?\s*$/i, /^\s*(\d{1,5})(?:\s*px)?\s*$/i],
    ];
    fc.assert(
      fc.property(size, (s) => {
        for (const [old, now] of pairs) expect(now.exec(s)?.[1]).toBe(old.exec(s)?.[1]);
        for (const [old, now] of pairs) expect(now.test(s)).toBe(old.test(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('title separators: one space each side of a collapsed title', () => {
    const title = fc.string({ unit: fc.constantFrom(' ', 'a', 'b', '|', '-', '–', ':', '·', '/'), maxLength: 14 }).map((s) => s.replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(title, (t) => {
        expect(t.split(/\s[|\-–—•·»«/~:]{1,2}\s/)).toEqual(t.split(/\s+[|\-–—•·»«/~:]{1,2}\s+|\s+::\s+/));
      }),
      { numRuns: 2000 },
    );
  });
});
