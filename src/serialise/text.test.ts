import { describe, expect, it } from 'vitest';
import { serialise } from './test-helpers.js';

const text = (input: string): string => serialise(input).text;

describe('text: blocks', () => {
  it('separates blocks with exactly one blank line', () => {
    expect(text('<p>a</p><p>b</p>')).toBe('a\n\nb');
    expect(text('<h2>Head</h2><div>x</div><blockquote><p>q1</p><p>q2</p></blockquote><p>z</p>')).toBe('Head\n\nx\n\nq1\n\nq2\n\nz');
  });

  it('puts list items on their own lines, the list as one block', () => {
    expect(text('<p>Intro</p><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><p>After</p>')).toBe('Intro\n\none\ntwo\nnested\n\nAfter');
  });

  it('separates blocks inside a list item by a newline', () => {
    expect(text('<ul><li><p>a</p><p>b</p></li><li>c</li></ul>')).toBe('a\nb\nc');
  });

  it('joins the cells of a row with " | ", rows as blocks, empty cells left out', () => {
    expect(text('<table><caption>Prices</caption><tr><th>Region</th><th>Price</th></tr><tr><td>North</td><td></td><td>12</td></tr></table>')).toBe(
      'Prices\n\nRegion | Price\n\nNorth | 12',
    );
  });

  it('flattens block content inside a cell onto the row line', () => {
    expect(text('<table><tr><td><p>a</p><p>b</p></td><td>c<br>d</td></tr><tr><td>e</td><td>f</td></tr></table>')).toBe('a b | c d\n\ne | f');
  });

  it('writes dt and dd as blocks', () => {
    expect(text('<dl><dt>Term</dt><dd>Def</dd></dl>')).toBe('Term\n\nDef');
  });

  it('keeps pre content verbatim', () => {
    expect(text('<p>Code:</p><pre>\n  if (a) {\n    b();\n\n\n  }\n</pre><p>done</p>')).toBe('Code:\n\n  if (a) {\n    b();\n\n\n  }\n\ndone');
  });

  it('writes hr as a block break only', () => {
    expect(text('<p>a</p><hr><p>b</p>')).toBe('a\n\nb');
  });
});

describe('text: captions', () => {
  it('leaves figure captions out', () => {
    expect(text('<p>Before</p><figure><img src="/a.jpg" alt="alt"><figcaption>The caption</figcaption></figure><p>After</p>')).toBe('Before\n\nAfter');
  });

  it('leaves caption- and credit-classed elements of a figure out', () => {
    expect(text('<figure><img src="/a.jpg"><p class="wp-caption-text">Caption</p><small class="credit">AFP</small></figure><p>Body</p>')).toBe('Body');
  });

  it('keeps other text of a figure and table captions', () => {
    expect(text('<figure><blockquote>Pull quote</blockquote></figure><table><caption>Table cap</caption><tr><td>a</td><td>b</td></tr></table>')).toBe(
      'Pull quote\n\nTable cap\n\na | b',
    );
  });

  it('does not treat caption classes outside figures as captions', () => {
    expect(text('<div class="caption">Visible</div>')).toBe('Visible');
  });
});

describe('text: inline content and whitespace', () => {
  it('never glues words across tags, never invents spaces', () => {
    expect(text('<p>foo<em>bar</em> baz</p>')).toBe('foobar baz');
    expect(text('<p>foo <em>bar</em>baz</p>')).toBe('foo barbaz');
    expect(text('<div><span>a</span><div>b</div>c</div>')).toBe('a\n\nb\n\nc');
    expect(text('<table><tr><td>x</td><td>y</td></tr></table>')).toBe('x | y');
  });

  it('turns br into a newline and a double br into a block break', () => {
    expect(text('<p>a<br>b<br><br>c</p>')).toBe('a\nb\n\nc');
  });

  it('collapses whitespace and trims the result', () => {
    expect(text('  <p>  a \t\n b  </p>  <p>\u00a0c\u00a0\u00a0d </p> ')).toBe('a b\n\nc d');
  });

  it('does not leave double spaces where an image was', () => {
    expect(text('<p>a <img src="/x.png"> b</p>')).toBe('a b');
  });

  it('writes q in double quotes', () => {
    expect(text('<p>He said <q>yes</q>.</p>')).toBe('He said "yes".');
  });

  it('is empty when nothing survives', () => {
    expect(text('<script>x</script><p> </p>')).toBe('');
  });
});
