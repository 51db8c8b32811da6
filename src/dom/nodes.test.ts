import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { someInSubtree, textOf } from './nodes.js';

const root = (html: string): Element => parseDocument(html).children[0] as Element;

describe('someInSubtree', () => {
  const box = root('<figure><div><table><tr><td>1</td></tr></table></div><figcaption><ul><li>x</li></ul></figcaption></figure>');

  it('finds an element inside, not the root itself', () => {
    expect(someInSubtree(box, (n) => n.name === 'table', 100)).toBe(true);
    expect(someInSubtree(box, (n) => n.name === 'figure', 100)).toBe(false);
  });

  it('does not look inside what `enter` refuses, and stops at the limit', () => {
    expect(someInSubtree(box, (n) => n.name === 'ul', 100, (n) => n.name !== 'figcaption')).toBe(false);
    expect(someInSubtree(box, (n) => n.name === 'ul', 100)).toBe(true);
    expect(someInSubtree(box, (n) => n.name === 'td', 2)).toBe(false);
  });
});

describe('textOf', () => {
  it('reads an element of one text node like any other (the fast path)', () => {
    expect(textOf(root('<p>  One   line\u00a0of text </p>'))).toBe('One line of text');
    expect(textOf(root('<p>One <b>line</b>  of text</p>'))).toBe('One line of text');
    const p = root('<p>skipped</p>');
    expect(textOf(p, new Set([p.children[0]!]))).toBe('');
  });
});

describe('ruby annotations', () => {
  it('are not read as text: the base characters are, without their readings', () => {
    const p = root('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p>');
    expect(textOf(p)).toBe('子どもへの虐待をなくす');
  });
});
