/**
 * The headline and the site-name clean-up of titles (src/fields/headline/):
 * authored titles and pages, and properties of `stripSiteAffix` over any title.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../index.js';
import { similarity, stripSiteAffix, titleParts, wordCount } from './affix.js';
import { isLogoHeading } from './headline.js';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

/** A page with the given head and body, and enough article text to be an article. */
function page(head: string, body: string): string {
  const para =
    '<p>The council met on Tuesday evening to discuss the proposal, which has divided residents for months. ' +
    'Supporters say the plan will bring jobs and new homes, while opponents worry about traffic and the loss of green space.</p>';
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}<article>${para.repeat(6)}</article></body></html>`;
}

describe('stripSiteAffix', () => {
  it('drops a stated site name after a separator, spaced or not', () => {
    expect(stripSiteAffix('Ferry timetable changes from May | Harbour Post', ['Harbour Post'])).toBe('Ferry timetable changes from May');
    expect(stripSiteAffix('港の新しい時刻表が発表された：港湾新聞デジタル', ['港湾新聞デジタル'])).toBe('港の新しい時刻表が発表された');
    expect(stripSiteAffix('Harbour Post: Ferry timetable changes from May', ['Harbour Post'])).toBe('Ferry timetable changes from May');
  });

  it('keeps the headline whole once a stated site name is dropped (no second cut)', () => {
    expect(stripSiteAffix('Airline orders soar after the slump - and suppliers profit | Industry Weekly', ['Industry Weekly'])).toBe(
      'Airline orders soar after the slump - and suppliers profit',
    );
  });

  it('does not take a word joined by an unspaced hyphen for a separator', () => {
    expect(stripSiteAffix('Campaigners launch the Anti-Harbour Post', ['Harbour Post'])).toBe('Campaigners launch the Anti-Harbour Post');
    expect(stripSiteAffix('Readers write to the Harbour Post', ['Harbour Post'])).toBe('Readers write to the Harbour Post');
  });

  it('cuts at a site part in the middle: what follows is the tagline', () => {
    expect(stripSiteAffix('Winter pike on the lake | pike-news.example | Your angling magazine', [], ['pike-news.example', 'pike-news'])).toBe(
      'Winter pike on the lake',
    );
  });

  it('takes what follows a leading site part, up to the next one', () => {
    expect(stripSiteAffix('Harbour Post | Ferry timetable changes from May | Harbour Post', ['Harbour Post'])).toBe('Ferry timetable changes from May');
  });

  it('drops a bracketed site tag of two words or more, keeps a one-word label', () => {
    expect(stripSiteAffix('The lighthouse keeper - Chapter 3 - Ocean Tales [Story Archive Online]', [])).toBe('The lighthouse keeper - Chapter 3');
    expect(stripSiteAffix('Storm damage along the coast [Video]', [])).toBe('Storm damage along the coast [Video]');
  });

  it('splits on bars without spaces and on underscores next to Chinese text', () => {
    expect(stripSiteAffix('EASY NEWS|港の新しい時刻表が発表された', ['EASY NEWS'])).toBe('港の新しい時刻表が発表された');
    expect(titleParts('这个软件想帮你找到合适的对象_科技_新闻日报')).toEqual(['这个软件想帮你找到合适的对象', '科技', '新闻日报']);
    expect(titleParts('snake_case naming in Python')).toEqual(['snake_case naming in Python']);
  });

  it('counts Chinese and Japanese text by characters when judging a short brand part', () => {
    expect(wordCount('港湾新聞')).toBe(2);
    expect(wordCount('Windows 10にサインイン')).toBe(2 + 3);
    // the last part is short, the rest is a headline: the last part is the brand
    expect(stripSiteAffix('港の新しい時刻表が発表された｜港湾新聞', [])).toBe('港の新しい時刻表が発表された');
  });

  it('does not take a document number that starts with the host name for the site name', () => {
    expect(stripSiteAffix('VULNDB-2024-000123 - Vulnerability Notes - Database', [], ['vulndb.example.org', 'vulndb'])).toBe(
      'VULNDB-2024-000123 - Vulnerability Notes',
    );
    expect(stripSiteAffix('Why we moved to Rust | Jane Doe Writes', [], ['janedoe.example', 'janedoe'])).toBe('Why we moved to Rust');
  });

  it('property: never throws, returns a non-empty part of a non-empty title', () => {
    const sep = fc.constantFrom(' | ', '|', ' - ', ' – ', ' : ', '：', '_', '｜', ' » ', ' [', ']', ' ');
    const word = fc.constantFrom('Harbour', 'Post', 'ferry', 'timetable', '港湾', '新聞', '2024', 'x', 'Anti-Harbour', '-', '¶');
    const title = fc.array(fc.oneof(sep, word), { minLength: 1, maxLength: 24 }).map((a) => a.join(''));
    const sites = fc.array(fc.constantFrom('Harbour Post', '港湾新聞', 'Post', 'x', ''), { maxLength: 3 });
    const hosts = fc.array(fc.constantFrom('harbour.example', 'harbour', 'post'), { maxLength: 2 });
    fc.assert(
      fc.property(fc.oneof(title, fc.string({ maxLength: 80 })), sites, hosts, (t, s, h) => {
        const out = stripSiteAffix(t, s, h);
        const collapsed = t.replace(/\s+/g, ' ').trim();
        if (collapsed === '') return out === '';
        return out.length > 0 && out.length <= collapsed.length && out === out.trim();
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on long runs of separators and spaces', () => {
    const long = `${'a | '.repeat(20_000)}${' '.repeat(50_000)}_${'港'.repeat(20_000)}`;
    expect(typeof stripSiteAffix(long, ['a'], ['a'])).toBe('string');
  });
});

describe('similarity', () => {
  it('compares Chinese and Japanese titles on character pairs', () => {
    // one phrase reworded: most pairs are shared (word tokens would share one of two)
    expect(similarity('港の新しい時刻表が発表された！ 夏の増便も決定', '港の新しい時刻表が発表された！ 増便も夏に決定')).toBeGreaterThanOrEqual(0.75);
    expect(similarity('港の新しい時刻表が発表された', '市議会が予算案を可決した')).toBeLessThan(0.2);
  });
});

describe('headline of a page', () => {
  it('leaves out an h1 that is the site logo (a link to the home page)', () => {
    const html = page(
      '<title>The lighthouse keeper - Chapter 3 - Ocean Tales | Sea Stories | Coast Fiction [Story Archive Online]</title>',
      '<header><h1 class="heading"><a href="/"><span>Story Archive Online</span> <sup>beta</sup></a></h1></header>',
    );
    expect(extract(html, { url: 'https://ficarchive.example/works/12/chapters/3' }).headline).toBe(
      'The lighthouse keeper - Chapter 3 - Ocean Tales | Sea Stories',
    );
  });

  it('recognises a logo h1 inside a home link, and not a headline linking to its own article', () => {
    const doc = parseDocument('<a href="https://news.example/"><h1>News Example</h1></a><h1><a href="/2024/05/story">A story</a></h1>');
    const h1s = (doc.children as Element[]).flatMap((n) => (n.name === 'a' ? [n.children[0] as Element] : [n]));
    expect(isLogoHeading(h1s[0]!, 'https://news.example/2024/05/story')).toBe(true);
    expect(isLogoHeading(h1s[1]!, 'https://news.example/2024/05/story')).toBe(false);
  });

  it('takes the one h1 that prints the start of the title, however long the rest', () => {
    const html = page(
      '<title>Small sheep breeds explained | Baa Blog, the little sheep from the hills</title>',
      '<h1>Small sheep breeds explained</h1><h2>Most read</h2>',
    );
    expect(extract(html, { url: 'https://baa.example/breeds/' }).headline).toBe('Small sheep breeds explained');
  });

  it('takes the h1 printing the start of a timestamped title among other h1s', () => {
    const html = page(
      '<title>Heavy rain floods the valley : 31.10.2023, 10.19 Uhr</title><meta property="og:site_name" content="Valley News">',
      '<h1>Heavy rain floods the valley</h1><aside><h1>Most read</h1><h1>RSS feeds</h1></aside>',
    );
    expect(extract(html, { url: 'https://valley.example/news?id=1' }).headline).toBe('Heavy rain floods the valley');
  });

  it('drops the permalink mark documentation generators print after a heading', () => {
    const html = page(
      '<title>Installing the toolkit — Toolkit 2.1 documentation</title>',
      '<h1>Installing the toolkit<a class="headerlink" href="#installing">¶</a></h1>',
    );
    expect(extract(html).headline).toBe('Installing the toolkit');
  });

  it('follows a Japanese h1 that rewords one phrase of the title', () => {
    const html = page(
      '<title>港の新しい時刻表が発表された！ 夏の増便も決定 | 港湾新聞</title><meta property="og:site_name" content="港湾新聞">',
      '<h1><a href="/">港湾新聞</a></h1><h1>港の新しい時刻表が発表された！ 増便も夏に決定</h1>',
    );
    expect(extract(html, { url: 'https://kowan.example/a/1' }).headline).toBe('港の新しい時刻表が発表された！ 増便も夏に決定');
  });
});

describe('metadata titles cut by the page', () => {
  it('restores a title that an unescaped quote in og:title cut short, from the <title>', () => {
    const head = '<title>Senator calls the plan "unworkable"</title><meta property="og:title" content="Senator calls the plan "unworkable"">';
    expect(
      extract(page(head, '<div class="logo"><h1><a href="/"><img src="/logo.svg" alt="Daily"></a></h1></div>'), { url: 'https://daily.example/a' }).headline,
    ).toBe('Senator calls the plan "unworkable"');
  });
});
