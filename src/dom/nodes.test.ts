import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { collapse, descendants, isInside, isInsideAnyOf, isStrictlyInside, someInSubtree, textOf } from './nodes.js';

const root = (html: string): Element => parseDocument(html).children[0] as Element;

describe('someInSubtree', () => {
  const box = root('<figure><div><table><tr><td>1</td></tr></table></div><figcaption><ul><li>x</li></ul></figcaption></figure>');

  it('finds an element inside, not the root itself', () => {
    expect(someInSubtree(box, (n) => n.name === 'table', 100)).toBe(true);
    expect(someInSubtree(box, (n) => n.name === 'figure', 100)).toBe(false);
  });

  it('does not look inside what `enter` refuses, and stops at the limit', () => {
    expect(
      someInSubtree(
        box,
        (n) => n.name === 'ul',
        100,
        (n) => n.name !== 'figcaption',
      ),
    ).toBe(false);
    expect(someInSubtree(box, (n) => n.name === 'ul', 100)).toBe(true);
    expect(someInSubtree(box, (n) => n.name === 'td', 2)).toBe(false);
  });
});

describe('textOf', () => {
  it('reads an element of one text node like any other (the fast path)', () => {
    expect(textOf(root('<p>  One   line\u00a0of text </p>'))).toBe('One line of text');
    expect(textOf(root('<p>One <b>line</b>  of text</p>'))).toBe('One line of text');
    const p = root('<p>skipped</p>');
    expect(textOf(p, { skip: new Set([p.children[0]!]) })).toBe('');
  });
});

describe('ruby annotations', () => {
  it('are not read as text: the base characters are, without their readings', () => {
    const p = root('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p>');
    expect(textOf(p)).toBe('子どもへの虐待をなくす');
  });
});

describe('collapse', () => {
  /** The definition: every run of whitespace or zero-width spaces to one space, trimmed. */
  const reference = (text: string) => text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
  const WHITESPACE = [
    ' ',
    '  ',
    '\t',
    '\n',
    '\r',
    '\v',
    '\f',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u200a',
    '\u200b',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
    '\u3000',
    '\ufeff',
    '\u200c',
    '\u180e',
  ];

  it('equals the definition on any mix of words and whitespace (every \\s character included)', () => {
    const piece = fc.oneof(fc.constantFrom(...WHITESPACE), fc.string({ maxLength: 4 }), fc.constantFrom('word', 'é', '字'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(collapse(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (collapse(`a${ch}b${ch}`) !== reference(`a${ch}b${ch}`) || collapse(`${ch}a`) !== reference(`${ch}a`)) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it('returns text that needs nothing unchanged', () => {
    const text = 'Already collapsed text, with one space between words.';
    expect(collapse(text)).toBe(text);
  });
});

describe('is inside', () => {
  const doc = parseDocument('<div id="a"><p id="b"><span id="c">x</span></p></div><p id="d"></p>');
  const byId = (id: string) => descendants(doc).find((e) => e.attribs.id === id)!;
  it('isInside counts the node itself, isStrictlyInside does not', () => {
    expect(isInside(byId('c'), byId('a'))).toBe(true);
    expect(isInside(byId('a'), byId('a'))).toBe(true);
    expect(isStrictlyInside(byId('a'), byId('a'))).toBe(false);
    expect(isStrictlyInside(byId('c'), byId('b'))).toBe(true);
    expect(isInside(byId('d'), byId('a'))).toBe(false);
  });
  it('isInsideAnyOf finds the node or an ancestor in the set', () => {
    expect(isInsideAnyOf(byId('c'), new Set([byId('a')]))).toBe(true);
    expect(isInsideAnyOf(byId('d'), new Set([byId('a'), byId('c')]))).toBe(false);
    expect(isInsideAnyOf(byId('d'), new Set())).toBe(false);
  });
});
