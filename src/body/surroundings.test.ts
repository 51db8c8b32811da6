import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import type { BoilerplateBlock } from '../types.js';

const URL = 'https://news.example.com/2024/06/12/story/';
const BODY = [
  'The council voted on Tuesday to approve the plan, which had been delayed twice since the spring, after a long debate.',
  'Officials said the work would begin in the autumn and take about eighteen months, with most of it done at night.',
  'Residents who objected to the scheme said they would consider a legal challenge if the council did not reconsider.',
  'The budget for the project, set at 12 million pounds, includes a reserve for delays and for rising material costs.',
]
  .map((t) => `<p>${t}</p>`)
  .join('');

function account(before: string, after = '', inBody = '', limits?: { timeBudgetMs: number }): BoilerplateBlock[] {
  const html = `<!doctype html><html><head><title>Council approves the plan</title></head><body>${before}
<main><article><h1>Council approves the plan</h1><div class="entry-content">${BODY}${inBody}</div></article>${after}</main></body></html>`;
  // No time budget unless a test gives one: the accounts must not depend on the machine's speed.
  return extract(html, { url: URL, limits: limits ?? { timeBudgetMs: Infinity } }).boilerplate;
}

const kinds = (blocks: BoilerplateBlock[]) => blocks.map((b) => b.kind);

describe('boilerplate around the article', () => {
  it('labels the header, menus, sidebar, footer and cookie banner in page order', () => {
    const header =
      '<header class="site-header"><a class="logo" href="/">Example News</a><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>';
    const after = `<aside class="sidebar">
      <div class="widget"><h3>Latest Articles</h3><ul><li><a href="/a">Bridge closed indefinitely after cracks found in its pillars</a></li><li><a href="/b">Ferry fares to rise by six per cent in October</a></li></ul></div>
      <div class="ad-slot">Advertisement</div>
      <div class="newsletter-box"><h3>Sign up to our newsletter</h3><form><input type="email" name="email"><button>Sign up</button></form></div>
    </aside>
    <footer class="site-footer"><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · © 2024 Example News</footer>
    <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>`;
    const blocks = account(header, after);
    expect(kinds(blocks)).toEqual(['navigation', 'navigation', 'related', 'ad', 'newsletter', 'footer', 'cookie']);
    expect(blocks[2]!.text).toMatch(/^Latest Articles Bridge closed/);
    expect(blocks[5]!.text).toContain('© 2024 Example News');
  });

  it('tells a menu from a list of articles by the length of its links, and a share bar by its targets', () => {
    const menu = '<div class="links"><a href="/a">Home</a> <a href="/b">News</a> <a href="/c">Sport</a> <a href="/d">Weather</a></div>';
    const share =
      '<div class="x1"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">X</a> <a href="mailto:?subject=x">Email</a></div>';
    const list =
      '<div class="x2"><a href="/1">Bridge closed indefinitely after cracks found in its pillars</a> <a href="/2">Ferry fares to rise by six per cent in October</a></div>';
    expect(kinds(account(menu + share, list))).toEqual(['navigation', 'share', 'related']);
  });

  it('names forms: search, comments, newsletter', () => {
    const search = '<form role="search" action="/search"><input type="search" name="q"><button>Go</button></form>';
    const comments =
      '<div class="x"><h3>Leave a Reply</h3><form action="/wp-comments-post.php"><textarea name="comment"></textarea><input name="author"><button>Post Comment</button></form></div>';
    const newsletter =
      '<form class="box" action="/join"><p>The morning briefing, in your inbox.</p><input type="email" name="email"><button>Join</button></form>';
    expect(kinds(account(search, comments + newsletter))).toEqual(['navigation', 'comments', 'newsletter']);
  });

  it('reports a cookie or newsletter overlay that scripts show, even when the page hides it', () => {
    const hidden =
      '<div id="cookie-law-info-bar" style="display:none">We use cookies on our website. <a>Accept All</a></div><div class="mobile-menu" hidden><a href="/">Home</a></div>';
    expect(kinds(account('', hidden))).toEqual(['cookie']);
  });

  it('records a section by its label: "Related Articles" with its list, a comments heading with its thread', () => {
    const related =
      '<section class="x"><h2>Related Articles</h2><ul><li><a href="/1">Bridge closed indefinitely after cracks found in its pillars</a></li></ul></section>';
    const thread =
      '<section class="y"><h2>Comments</h2><p>Jo: I live on that street and nobody asked us about any of this before the vote.</p><p>Sam: The night works will be a nightmare for everyone nearby.</p></section>';
    const blocks = account('', related + thread);
    expect(kinds(blocks)).toEqual(['related', 'comments']);
    expect(blocks[1]!.text).toContain('Sam: The night works');
  });

  it('merges the removals inside the body region in page order', () => {
    const blocks = account(
      '<nav><a href="/">Home</a> <a href="/n">News</a></nav>',
      '<footer class="site-footer">© 2024 Example News</footer>',
      '<div class="ad-slot">- Advertisement -</div>',
    );
    expect(kinds(blocks)).toEqual(['navigation', 'ad', 'footer']);
  });

  it('leaves the headline, byline, dek and figures out of the account', () => {
    const html = `<html><head><title>Council approves the plan</title></head><body><article>
      <header><h1>Council approves the plan</h1><p class="dek">A long-delayed scheme for the riverside finally wins a vote after two years of arguments.</p>
      <div class="byline">By <a href="/jo">Jo Smith</a> · <time>12 June 2024</time></div>
      <figure><img src="/a.jpg"><figcaption>The riverside today. © Example Photos</figcaption></figure></header>
      <div class="entry-content">${BODY}</div></article></body></html>`;
    expect(extract(html, { url: URL }).boilerplate).toEqual([]);
  });

  it('accounts for the whole page when there is no article', () => {
    const html = `<html><head><title>Page not found</title></head><body><nav><a href="/">Home</a> <a href="/n">News</a></nav>
      <main><h1>Page not found</h1><p>Sorry, we could not find that page.</p></main><footer class="footer">About us · © 2024 Example News</footer></body></html>`;
    const a = extract(html, { url: URL });
    expect(a.body.text).toBe('');
    expect(kinds(a.boilerplate)).toEqual(['navigation', 'footer']);
  });

  it('keeps each record a summary of the block', () => {
    const footer = `<footer class="site-footer">${'<a href="/x">A link in the footer</a> '.repeat(200)}</footer>`;
    const text = account('', footer)[0]!.text;
    expect(text.length).toBeLessThanOrEqual(301);
    expect(text.endsWith('…')).toBe(true);
  });

  it('stays linear on deep and wide pages around the article', () => {
    const deep = `${'<div>'.repeat(20_000)}<a href="/x">Home</a>${'</div>'.repeat(20_000)}`;
    const wide = `<aside class="sidebar">${'<div class="w"><h3>Most read</h3><a href="/r">A story with a long enough headline to count</a></div>'.repeat(5000)}</aside>`;
    // About size, not time: the soft time budget is lifted so that a loaded machine cannot cut the page.
    const blocks = account(deep, wide, '', { timeBudgetMs: Infinity });
    expect(blocks.length).toBeGreaterThan(5000);
    expect(blocks.every((b) => typeof b.text === 'string')).toBe(true);
  });
});
