import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document } from 'domhandler';
import { buildTree, type BuildLimits } from './builder.js';

const NO_LIMITS: BuildLimits = { maxNodes: Infinity, maxDepth: Infinity, deadline: Infinity, now: () => 0 };

/** A structural dump of a tree (iterative), with a check of the sibling and parent links. */
function dump(doc: Document): string[] {
  const out: string[] = [];
  const stack: Array<{ node: AnyNode; depth: number }> = [];
  for (let i = doc.children.length - 1; i >= 0; i--) stack.push({ node: doc.children[i]!, depth: 0 });
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const pad = ' '.repeat(Math.min(depth, 50)) + depth;
    if ('children' in node && 'name' in node) {
      out.push(`${pad}<${node.name} ${JSON.stringify(Object.entries(node.attribs))} ${node.type}`);
      const kids = node.children;
      kids.forEach((k, i) => {
        if (k.parent !== node || k.prev !== (kids[i - 1] ?? null) || k.next !== (kids[i + 1] ?? null)) out.push('BROKEN LINKS');
      });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
    } else if ('data' in node) {
      out.push(`${pad}${node.type}:${JSON.stringify(node.data)}${'name' in node ? ` ${String(node.name)}` : ''}`);
    } else {
      out.push(`${pad}${node.type}`);
    }
  }
  return out;
}

function same(html: string): void {
  const expected = dump(parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }));
  const got = dump(buildTree(html, NO_LIMITS).document);
  expect(got).toEqual(expected);
}

const CASES: readonly string[] = [
  '',
  'plain text & more &amp; &#x41;&#65;&notanentity; &copy',
  '<!DOCTYPE html><html><head><title>T &amp; t</title><meta charset=utf-8></head><body><p>a<p>b</body></html>',
  '<DIV CLASS="x" Class="y" id=z data-a=\'1\' hidden>text</DIV>',
  '<p>one</p></p><p>two</br>three</p>',
  '<ul><li>a<li>b<ul><li>c</ul><li>d</ul>',
  '<table><tr><td>1<td>2<tr><th>3</table>',
  '<dl><dt>a<dd>b<dt>c</dl>',
  '<select><option>a<option>b<optgroup><option>c</select>',
  '<svg><path d="M0"/><circle/><title>t</title><foreignObject><p>x</p></foreignObject></svg><p>after</p>',
  '<math><mi>x</mi><mo/></math>',
  '<script>if (a < b) { document.write("</div>"); }</script><style>p > a { color: red }</style>',
  '<textarea><b>not bold</b> &amp;</textarea><title><i>x</i></title>',
  '<!-- a comment --><![CDATA[ cdata ]]><?xml version="1.0"?><!-- unclosed',
  '<div><span>a</div>b</span>c',
  '<b><i>x</b>y</i>',
  '<p>text<div',
  '<a href="x" title="a &quot;b&quot; &lt;c&gt;"',
  '<img src=a.png><br/><hr><input value=1>',
  '<div constructor="y" toString="z" hasOwnProperty=1>p</div>',
  '</div></span></p></br></li>',
  '<body><head><link rel=x><script>x</script><body>y',
  '<h1><p>a</p></h1><h2>b<h3>c',
  '<tbody><tr><td>a</td></tr><tfoot><tr><td>b',
  '<ruby>a<rt>b<rp>c</ruby>',
];

describe('buildTree builds the tree parseDocument builds', () => {
  it.each(CASES.map((c) => [c]))('%s', (html) => same(html));

  it('on every fixture page', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name, 'source.html');
      if (fs.existsSync(file)) same(fs.readFileSync(file, 'latin1'));
    }
  });

  it('on arbitrary tag soup', () => {
    const tag = fc.constantFrom(
      'div',
      'p',
      'span',
      'li',
      'ul',
      'td',
      'tr',
      'table',
      'svg',
      'path',
      'math',
      'mi',
      'title',
      'br',
      'img',
      'script',
      'textarea',
      'option',
      'select',
      'h1',
      'b',
      'dd',
      'dt',
      'body',
      'head',
      'tbody',
      'rt',
    );
    const piece = fc.oneof(
      tag.map((t) => `<${t}>`),
      tag.map((t) => `</${t}>`),
      tag.map((t) => `<${t}/>`),
      tag.map((t) => `<${t} a="1" A=2 b c='&amp;&#x22;&lt' d=&quot;>`),
      fc.constantFrom('&amp;', '&lt', '&#0;', '&#x110000;', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype x>', '<?pi?>', '<', '>', '"', "'", '/'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        (html) => same(html),
      ),
      { numRuns: 400 },
    );
  });
});

describe('buildTree limits', () => {
  it('attaches elements deeper than maxDepth at that depth and keeps their content', () => {
    const html = `${'<div>'.repeat(50)}<p>deep</p>${'</div>'.repeat(50)}<p>after</p>`;
    const { document, flattened } = buildTree(html, { ...NO_LIMITS, maxDepth: 10 });
    expect(flattened).toBe(true);
    let deepest = 0;
    const stack: Array<[AnyNode, number]> = document.children.map((c) => [c, 1]);
    while (stack.length) {
      const [node, d] = stack.pop()!;
      if (node.type === 'tag') deepest = Math.max(deepest, d);
      if ('children' in node) for (const c of node.children) stack.push([c, d + 1]);
    }
    expect(deepest).toBe(10);
    const text = dump(document)
      .filter((l) => l.includes('text:'))
      .map((l) => l.replace(/^[ \d]+text:/, ''));
    expect(text).toEqual(['"deep"', '"after"']);
    // "after" is outside every div: closing tags still match their elements.
    expect(document.children.at(-1)).toMatchObject({ name: 'p' });
  });

  it('stops at maxNodes and says so', () => {
    const result = buildTree('<p>a</p>'.repeat(100), { ...NO_LIMITS, maxNodes: 21 });
    expect(result.stoppedBy).toBe('maxNodes');
    expect(result.nodes).toBe(21);
    expect(result.document.children.length).toBe(11);
  });

  it('stops at the deadline and says so', () => {
    let t = 0;
    const result = buildTree('<p>a</p>'.repeat(10_000), { ...NO_LIMITS, deadline: 5, now: () => t++ });
    expect(result.stoppedBy).toBe('timeBudgetMs');
    expect(result.nodes).toBeLessThan(20_000);
    expect(result.nodes).toBeGreaterThan(0);
  });

  it('keeps attribute maps free of prototypes', () => {
    const { document } = buildTree('<div __proto__="polluted" constructor="c">x</div>', NO_LIMITS);
    const div = document.children[0] as unknown as { attribs: Record<string, string> };
    expect(Object.getPrototypeOf(div.attribs)).toBeNull();
    expect(div.attribs.__proto__).toBe('polluted');
    expect(div.attribs.constructor).toBe('c');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is linear on deep nesting and on stray end tags', () => {
    // Not a timing assertion: with htmlparser2's Parser these take many seconds, and the test would time out.
    const deep = buildTree(`${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}`, { ...NO_LIMITS, maxDepth: 512 });
    expect(deep.nodes).toBe(200_001);
    const stray = buildTree(`${'<div>'.repeat(50_000)}${'</span>'.repeat(200_000)}`, { ...NO_LIMITS, maxDepth: 512 });
    expect(stray.nodes).toBe(50_000);
  });
});
