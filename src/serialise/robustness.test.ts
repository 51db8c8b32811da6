import render from 'dom-serializer';
import { Element, Text, type AnyNode, type ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { serialiseBody } from './index.js';
import { htmlProblems, serialise } from './test-helpers.js';

const RICH_PAGE = `
<article class="story" data-id="1">
  <h1 id="t">Headline <span>here</span></h1>
  <p style="color:red" onclick="x()">Lead <a href="/rel?a=1&amp;b=2" target="_blank">link</a> and <em>emphasis</em>.</p>
  <figure class="lead"><picture><source srcset="/a.webp 800w, /b.webp 1600w"><img src="/blank.gif" data-src="/lazy.jpg" alt="Alt"></picture>
    <noscript><img src="/lazy.jpg"></noscript><figcaption>Caption <span class="credit">AFP</span></figcaption></figure>
  <div>Loose text<br><br>more loose text<ul><li>one</li><li>two<ol start="4"><li>three</li></ol></li></ul></div>
  <table><caption>Cap</caption><tr><th>A</th><th>B</th></tr><tr><td colspan="2">c</td></tr><tr><td></td><td></td></tr></table>
  <table><tr><td><p>layout cell</p></td></tr></table>
  <blockquote><p>Quote</p><blockquote>Nested</blockquote></blockquote>
  <pre>\n  code &lt;x&gt;\n</pre>
  <script>alert(1)</script><style>p{}</style><form><input></form>
  <a href="javascript:alert(1)">bad</a><img src="https://t.test/p.gif" width="1" height="1">
  <ul>stray<li>x</li></ul><li>orphan</li>
</article>`;

/** Freezes every node, attribute map and child list, so that any write throws (modules run in strict mode). */
function deepFreeze(root: AnyNode): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('attribs' in node) Object.freeze(node.attribs);
    if ('children' in node) {
      stack.push(...(node as ParentNode).children);
      Object.freeze((node as ParentNode).children);
    }
    Object.freeze(node);
  }
}

describe('the input tree is never modified', () => {
  it('serialises to the same markup before and after', () => {
    const doc = parseDocument(RICH_PAGE);
    const before = render(doc);
    const out = serialiseBody(doc.children, { baseUrl: 'https://news.test/a/' });
    expect(out.html).not.toBe('');
    expect(render(doc)).toBe(before);
    // Sibling links and parents are intact too.
    const article = doc.children.find((n): n is Element => n.type === 'tag')!;
    article.children.forEach((child, i) => {
      expect(child.parent).toBe(article);
      expect(child.prev).toBe(article.children[i - 1] ?? null);
      expect(child.next).toBe(article.children[i + 1] ?? null);
    });
  });

  it('works on a frozen tree', () => {
    const doc = parseDocument(RICH_PAGE);
    deepFreeze(doc);
    expect(() => serialiseBody(doc.children, { baseUrl: 'https://news.test/a/' })).not.toThrow();
    expect(() => serialiseBody(doc.children, { baseUrl: null })).not.toThrow();
  });
});

describe('roots and skipped nodes', () => {
  it('keeps separate roots in separate blocks', () => {
    const doc = parseDocument('<span>a</span><span>b</span>text');
    expect(serialiseBody(doc.children, { baseUrl: null }).text).toBe('a\n\nb\n\ntext');
  });

  it('leaves skipped nodes out with their content', () => {
    const doc = parseDocument('<div><p>keep</p><div class="ad"><p>ad</p></div><p>also <b>keep</b> <span>this</span></p></div>');
    const outer = doc.children[0] as Element;
    const ad = outer.children[1]!;
    const span = (outer.children[2] as Element).children[3] as Element;
    const out = serialiseBody([outer], { baseUrl: null, skip: new Set<AnyNode>([ad, span]) });
    expect(out.html).toBe('<p>keep</p>\n<p>also <b>keep</b></p>');
    expect(out.text).toBe('keep\n\nalso keep');
  });

  it('accepts a document node, an empty list and text nodes', () => {
    const doc = parseDocument('<p>x</p>');
    expect(serialiseBody([doc], { baseUrl: null }).html).toBe('<p>x</p>');
    expect(serialiseBody([], { baseUrl: null })).toEqual({ html: '', text: '', markdown: '' });
    expect(serialiseBody([new Text('  hi  ')], { baseUrl: null }).html).toBe('<p>hi</p>');
  });

  it('treats an invalid base URL as none', () => {
    expect(serialise('<a href="/x">a</a>', { baseUrl: 'not a url' }).html).toBe('<p><a href="/x">a</a></p>');
  });
});

describe('deep trees', () => {
  it('handles 100,000 nested divs', () => {
    // The tree htmlparser2 builds for `<div>` x 100,000, `deep <b>text</b>`, the closing tags and `<p>after</p>`,
    // built by hand: the parser takes seconds on this depth (more on a busy machine), and it is not what is tested.
    const depth = 100_000;
    const adopt = (parent: Element, children: AnyNode[]): Element => {
      for (const child of children) child.parent = parent;
      parent.children.push(...children);
      return parent;
    };
    let deepest: Element = adopt(new Element('div', {}), [new Text('deep '), adopt(new Element('b', {}), [new Text('text')])]);
    for (let i = 1; i < depth; i++) deepest = adopt(new Element('div', {}), [deepest]);
    const after = adopt(new Element('p', {}), [new Text('after')]);
    const out = serialiseBody([deepest, after], { baseUrl: null });
    expect(out).toEqual({ html: '<p>deep <b>text</b></p>\n<p>after</p>', text: 'deep text\n\nafter', markdown: 'deep **text**\n\nafter' });
  });

  it('handles 100,000 nested quotes, lists, links and emphasis', () => {
    // Built by hand (htmlparser2 takes seconds on this depth): a chain cycling through containers and inline elements.
    const names = ['blockquote', 'ul', 'li', 'em', 'a', 'table', 'tr', 'td', 'figure', 'span', 'p', 'pre', 'strong'];
    const root = new Element('div', {});
    let current: Element = root;
    for (let i = 0; i < 100_000; i++) {
      const name = names[i % names.length]!;
      const child = new Element(name, name === 'a' ? { href: `https://x.test/${i}` } : {});
      const text = new Text(`t${i} `);
      child.parent = current;
      text.parent = current;
      current.children.push(text, child);
      current = child;
    }
    const out = serialiseBody([root], { baseUrl: null });
    expect(htmlProblems(out.html)).toEqual([]);
    expect(out.text.startsWith('t0')).toBe(true);
    expect(out.text).toContain('t99999');
    expect(out.markdown).toContain('t99999');
  });
});
