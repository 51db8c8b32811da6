/**
 * Untrusted names cannot reach prototypes: JSON-LD keys, tag names, roles,
 * classes, ids and attribute names equal to Object.prototype's properties
 * neither pollute a prototype nor leak inherited values into the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract, type BoilerplateKind } from '../src/index.js';
import { parseArgs, UsageError } from '../src/cli/args.js';

const KINDS: ReadonlySet<BoilerplateKind> = new Set(['ad', 'comments', 'related', 'newsletter', 'share', 'navigation', 'footer', 'cookie', 'paywall', 'other']);
const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupGetter__',
  'propertyIsEnumerable',
  'toLocaleString',
];
const PARA = '<p>Paragraph text with enough words to count as prose, and a comma or two, here and there in it.</p>';

/** Own property names of the built-in prototypes, to compare before and after. */
function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');
}

let before = '';
beforeEach(() => {
  before = prototypeSnapshot();
});
afterEach(() => {
  expect(prototypeSnapshot()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function ldPage(ld: string): string {
  return `<html><head><title>A headline for the test | Site</title><script type="application/ld+json">${ld}</script></head><body><article><h1>A headline for the test</h1>${PARA.repeat(4)}</article></body></html>`;
}

describe('JSON-LD', () => {
  it('keys named __proto__, constructor and prototype are plain data', () => {
    // Written as text: a JS object literal would set the prototype instead of holding a "__proto__" key.
    const ld = `{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A headline for the test",
      "__proto__": {"polluted": "yes", "headline": "from the prototype"},
      "constructor": {"prototype": {"polluted": "yes"}},
      "@graph": [{"__proto__": {"polluted": "yes"}}, {"@type": ["__proto__", "constructor"], "mainEntity": {"constructor": {"prototype": {"polluted": 1}}}}]}`;
    expect(Object.keys(JSON.parse(ld) as object)).toContain('__proto__');
    const article = extract(ldPage(ld));
    expect(article.headline).toBe('A headline for the test');
    expect(article.body.text).toContain('Paragraph text');
  });

  it('raw JSON-LD text with prototype keys at any depth', () => {
    const key = fc.constantFrom(...PROTO_NAMES, '@graph', '@type', 'mainEntity', 'headline', 'author', 'name', 'x');
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 8 }),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const article = extract(ldPage(JSON.stringify(value)));
        expect(typeof article.body.text).toBe('string');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('markup names', () => {
  it.each(PROTO_NAMES.map((n) => [n]))('tags, roles, classes, ids and attributes named %s', (name) => {
    const html = `<html><body><article>${PARA.repeat(5)}
      <div role="${name}"><a href="/x">A short link</a></div>
      <${name} ${name}="1" class="${name}" id="${name}">${PARA}</${name}>
      <section class="${name}"><span ${name}="x">${PARA}</span></section>
      <table><tr><td ${name}="2">${PARA}</td></tr></table>
      <ul><li class="${name}">${PARA}</li></ul>
      ${PARA.repeat(3)}</article></body></html>`;
    const article = extract(html, { url: 'https://news.example/a/' });
    for (const block of article.boilerplate) expect(KINDS.has(block.kind), `kind ${String(block.kind)}`).toBe(true);
    expect(article.body.text.split('Paragraph text').length - 1).toBeGreaterThanOrEqual(10);
    // Text escapes "<", so a literal "<" starts a tag: none of them carries the name (names starting
    // with "_" are not tag names at all in HTML: they come out as escaped text).
    expect(article.body.html).not.toMatch(new RegExp(`<[^>]*[\\s<]${name}[\\s=>]`, 'i'));
  });

  it('command-line options named after prototype properties are unknown options', () => {
    for (const name of PROTO_NAMES) expect(() => parseArgs(['extract', 'page.html', `--${name}`, 'x'])).toThrow(UsageError);
  });
});
