import { describe, expect, it } from 'vitest';
import { escapeLineStart, escapeMarkdown } from './markdown.js';
import { serialise } from './test-helpers.js';

const md = (input: string, baseUrl: string | null = null): string => serialise(input, { baseUrl }).markdown;

describe('markdown: blocks', () => {
  it('writes headings and paragraphs separated by blank lines', () => {
    expect(md('<h1>Title</h1><p>One</p><h3>Sub</h3><p>Two</p>')).toBe('## Title\n\nOne\n\n### Sub\n\nTwo');
  });

  it('writes bullet and ordered lists, nested lists indented', () => {
    expect(md('<ul><li>a</li><li>b<ul><li>c</li><li>d<ol><li>e</li></ol></li></ul></li></ul>')).toBe('- a\n- b\n  - c\n  - d\n    1. e');
    expect(md('<ol start="9"><li>nine</li><li>ten<ul><li>x</li></ul></li></ol>')).toBe('9. nine\n10. ten\n    - x');
  });

  it('keeps adjacent lists apart by switching the marker', () => {
    expect(md('<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>')).toBe('- a\n\n* b\n\n1. c\n\n1) d');
  });

  it('writes list items with several blocks', () => {
    expect(md('<ul><li><p>a</p><p>b</p></li><li>c</li></ul>')).toBe('- a\n\n  b\n- c');
  });

  it('writes nested blockquotes', () => {
    expect(md('<blockquote><p>a</p><blockquote><p>b</p><p>c</p></blockquote></blockquote><p>d</p>')).toBe('> a\n>\n> > b\n> >\n> > c\n\nd');
  });

  it('writes lists inside quotes and quotes inside lists', () => {
    expect(md('<blockquote><ul><li>a</li><li>b</li></ul></blockquote>')).toBe('> - a\n> - b');
    expect(md('<ul><li><blockquote>q</blockquote></li></ul>')).toBe('- > q');
  });

  it('fences code with a fence longer than any backtick run inside', () => {
    expect(md('<pre><code>let a = `x`;\n```\nend</code></pre>')).toBe('````\nlet a = `x`;\n```\nend\n````');
    expect(md('<ul><li>code:<pre>a\n  b</pre></li></ul>')).toBe('- code:\n\n  ```\n  a\n    b\n  ```');
  });

  it('writes inline code spans that survive backticks', () => {
    expect(md('<p><code>a</code> <code>x`y</code> <code>`z</code></p>')).toBe('`a` ``x`y`` `` `z ``');
  });

  it('writes emphasis, strong and links with titles', () => {
    expect(md('<p><em>a</em> <strong>b</strong> <i>c</i> <b>d</b> <a href="https://x.test/" title="Say &quot;hi&quot;">e</a></p>')).toBe(
      '*a* **b** *c* **d** [e](https://x.test/ "Say \\"hi\\"")',
    );
  });

  it('does not double emphasis markers when emphasis is nested', () => {
    expect(md('<p><em>a <i>b</i> c</em></p>')).toBe('*a b c*');
  });

  it('writes images, and links around images', () => {
    expect(md('<p><a href="https://x.test/"><img src="https://x.test/i.png" alt="The [pic]"></a></p>')).toBe(
      '[![The \\[pic\\]](https://x.test/i.png)](https://x.test/)',
    );
  });

  it('uses the angle-bracket destination for URLs with spaces or parentheses', () => {
    expect(md('<p><a href="/a b">x</a> <a href="/wiki/Foo_(bar)">y</a></p>')).toBe('[x](</a b>) [y](</wiki/Foo_(bar)>)');
  });

  it('keeps entity-like text in a destination literal', () => {
    expect(md('<p><a href="/?a=1&amp;copy;=2">x</a></p>')).toBe('[x](/?a=1\\&copy;=2)');
  });

  it('writes hard line breaks', () => {
    expect(md('<p>a<br>b</p>')).toBe('a\\\nb');
  });

  it('writes hr as ---', () => {
    expect(md('<p>a</p><hr><p>b</p>')).toBe('a\n\n---\n\nb');
  });

  it('writes figures as the image followed by the caption in italics', () => {
    expect(md('<figure><img src="/a.jpg" alt="A"><figcaption>Fire <em>crews</em> at work. <span class="credit">AP</span></figcaption></figure><p>x</p>')).toBe(
      '![A](/a.jpg)\n\n*Fire crews at work. AP*\n\nx',
    );
  });

  it('writes definition lists as bold terms and paragraphs', () => {
    expect(md('<dl><dt>Term</dt><dd>Def</dd></dl>')).toBe('**Term**\n\nDef');
  });
});

describe('markdown: what CommonMark would misread', () => {
  it('keeps intraword emphasis, drops emphasis that could not open or close (keeping its text)', () => {
    expect(md('<p>foo<em>bar</em>baz</p>')).toBe('foo*bar*baz');
    expect(md('<p>a<em>-b</em> c</p>')).toBe('a-b c');
    expect(md('<p><em>"Quoted"</em> and (<strong>bracketed</strong>).</p>')).toBe('*"Quoted"* and (**bracketed**).');
  });

  it('joins adjacent emphasis of the same kind', () => {
    expect(md('<p><em>a</em><i>b</i> <b>c</b><strong>d</strong></p>')).toBe('*ab* **cd**');
  });

  it('keeps nested and mixed emphasis readable', () => {
    expect(md('<p><em><b>a</b> b</em> <b><em>c</em>d</b></p>')).toBe('***a** b* ***c*d**');
    expect(md('<p><b><em>a</em><br>)<em>|</em></b></p>')).toBe('***a*\\\n)|**');
  });

  it('escapes a "!" that would turn a link into an image', () => {
    expect(md('<p>Wow!<a href="https://x.test/">link</a> and wow!</p>')).toBe('Wow\\![link](https://x.test/) and wow!');
  });

  it('merges adjacent code spans instead of fusing their fences', () => {
    expect(md('<p><tt>a</tt><code>b</code></p>')).toBe('`ab`');
    expect(md('<p><b><code>a</code><em><code>b</code></em></b></p>')).toBe('**`ab`**');
  });

  it('writes a rule at the start of a list item so that it is not read as a rule of its own', () => {
    expect(md('<ul><li><hr><p>x</p></li></ul>')).toBe('- ___\n\n  x');
  });

  it('puts a caption in italics without doubling emphasis inside it', () => {
    expect(md('<figure><img src="/a.jpg" alt=""><figcaption><em>Title</em>, by X</figcaption></figure>')).toBe('![](/a.jpg)\n\n*Title, by X*');
  });
});

describe('markdown: tables', () => {
  it('writes regular tables as GFM pipe tables, escaping pipes', () => {
    expect(
      md('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1|2</td><td><em>x</em></td></tr><tr><td></td><td>y</td></tr></tbody></table>'),
    ).toBe('| A | B |\n| --- | --- |\n| 1\\|2 | *x* |\n|  | y |');
  });

  it('uses th cells of the first row as header, or an empty header', () => {
    expect(md('<table><tr><th>H</th><th>I</th></tr><tr><td>a</td><td>b</td></tr></table>')).toBe('| H | I |\n| --- | --- |\n| a | b |');
    expect(md('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>')).toBe('|  |  |\n| --- | --- |\n| a | b |\n| c | d |');
  });

  it('writes the caption before the table', () => {
    expect(md('<table><caption>Cap</caption><tr><th>H</th><th>I</th></tr></table>')).toBe('Cap\n\n| H | I |\n| --- | --- |');
  });

  it('falls back to paragraphs for irregular tables', () => {
    expect(md('<table><tr><th colspan="2">Wide</th></tr><tr><td>a</td><td>b</td></tr></table>')).toBe('Wide\n\na | b');
    expect(md('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('a | b\n\nc');
    expect(md('<table><tr><td><ul><li>x</li></ul></td><td>y</td></tr></table>')).toBe('- x\n\ny');
  });
});

describe('markdown: escaping', () => {
  it('escapes characters that would change meaning in text', () => {
    expect(md('<p>a*b* _c_ snake_case `d` [e](f) &lt;g&gt; back\\slash</p>')).toBe('a\\*b\\* \\_c\\_ snake_case \\`d\\` \\[e\\](f) &lt;g> back\\\\slash');
  });

  it('escapes what would start a block at the start of a line', () => {
    expect(
      md('<p># not a heading</p><p>&gt; not a quote</p><p>- not a list</p><p>+ nor this</p><p>1. not ordered</p><p>2) nor this</p><p>---</p><p>===</p>'),
    ).toBe('\\# not a heading\n\n\\> not a quote\n\n\\- not a list\n\n\\+ nor this\n\n1\\. not ordered\n\n2\\) nor this\n\n\\---\n\n\\===');
  });

  it('escapes line starts after hard breaks too', () => {
    expect(md('<p>a<br># b<br>3. c</p>')).toBe('a\\\n\\# b\\\n3\\. c');
  });

  it('leaves harmless characters alone', () => {
    expect(md('<p>-5 degrees, 2024 was #1, a > b, C# and 3.5%</p>')).toBe('-5 degrees, 2024 was #1, a > b, C# and 3.5%');
  });

  it('escapes entity-like text so a renderer does not decode it', () => {
    expect(md('<p>&amp;copy; &amp;#169; AT&amp;T</p>')).toBe('\\&copy; \\&#169; AT&T');
  });

  it('escapes a closing sequence in a heading', () => {
    expect(md('<h2>Issue #</h2><h2>C#</h2>')).toBe('## Issue \\#\n\n## C#');
  });

  it('exposes the escapers', () => {
    expect(escapeMarkdown('*_`[]<\\')).toBe('\\*\\_\\`\\[\\]&lt;\\\\');
    expect(escapeLineStart('12. x')).toBe('12\\. x');
    expect(escapeLineStart('12.5 x')).toBe('12.5 x');
  });
});
