import { describe, expect, it } from 'vitest';
import { extract } from '../../index.js';

const page = (head: string, header: string, lang = 'en'): string =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body><main><article><h1>Harbour ferry timetable changes next month</h1>${header}` +
  '<p>The council voted on Tuesday to approve the new timetable, after a debate that lasted most of the evening and ran late.</p>' +
  '<p>Members said the plan would add two early crossings and a late sailing on Fridays over the next three years.</p></article></main></body></html>';
const opts = { url: 'https://news.example/ferry-timetable', referenceDate: new Date('2024-06-01T12:00:00Z') };
const published = (head: string, header: string, lang?: string): string | null => extract(page(head, header, lang), opts).dateline.published;

describe('printed publication dates', () => {
  it('reads the written date of a line that also carries the update', () => {
    expect(published('', '<p class="date">Written: 2024-05-17 15:03<span> / </span>Updated: 2024-05-18 09:30</p>')).toBe('2024-05-17');
    expect(published('', '<p class="date">Updated May 18, 2024 — published May 17, 2024</p>')).toBe('2024-05-17');
  });

  it('skips a line that only gives the update, unless nothing else dates the page', () => {
    expect(published('', '<p class="date">Updated: May 18, 2024</p><p>May 17, 2024</p>')).toBe('2024-05-17');
    expect(published('', '<p class="date">Updated: May 18, 2024</p>')).toBe('2024-05-18');
  });

  it('reads Chinese, Japanese and Korean year-month-day dates', () => {
    expect(published('', '<span class="entry-time">2024年05月17日</span>', 'ja')).toBe('2024-05-17');
    expect(published('', '<span class="date">2024년 5월 17일</span>', 'ko')).toBe('2024-05-17');
  });

  it('prefers the printed day under the headline over a UTC stamp a day later', () => {
    const head = '<meta property="article:published_time" content="2024-05-18T01:30:00Z">';
    expect(published(head, '<p class="byline">Published: May 17, 2024, 7:30 p.m.</p>')).toBe('2024-05-17');
    // A day no time zone can reach from the stamp is another date (a related story), not the local day.
    expect(published(head, '<p class="byline">Published: May 15, 2024</p>')).toBe('2024-05-18T01:30:00Z');
  });

  it('starts from the h2 that reads as the headline when the page has no h1', () => {
    const related = Array.from({ length: 3 }, (_, i) => `<div class="row"><h3>Weitere Meldung ${i}</h3><span>1${i}.04.2024 14:47</span></div>`).join('');
    const html = `<!doctype html><html lang="de"><head><title>Neuer Fahrplan für die Hafenfähre | Stadtanzeiger</title>
      <meta property="og:title" content="Neuer Fahrplan für die Hafenfähre"></head><body>${related}
      <main><h2>Neuer Fahrplan für die Hafenfähre</h2><div class="row"><small>Erstellt am: 17.05.2024 18:36</small></div>
      <p>Der Stadtrat hat am Dienstag den neuen Fahrplan beschlossen, nach einer Debatte, die fast den ganzen Abend dauerte.</p>
      <p>Die Mitglieder sagten, der Plan bringe zwei frühe Überfahrten und eine späte Fahrt am Freitag in den nächsten drei Jahren.</p></main></body></html>`;
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });

  it('reads a microdata publication date on a page whose body carries a consent state class', () => {
    const html = page('', '<p class="date" itemprop="datePublished" content="2024-05-17 10:31:00">Mai 2024</p>').replace('<body>', '<body class="no-cookie">');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17T10:31:00');
  });

  it("skips a member's registration date on a forum post", () => {
    expect(published('', '<div><dl><dd>Registriert: 18.09.2008, 05:56</dd></dl><p><span>Beitrag vom </span>21.01.2009, 05:42</p></div>', 'de')).toBe(
      '2009-01-21',
    );
  });

  it('takes a date labelled as the publication before an unlabelled one', () => {
    expect(published('', '<div><span>Next meeting: 22.05.2024</span></div><div><span>Posted on 17.05.2024</span></div>', 'de')).toBe('2024-05-17');
  });

  it('takes the date printed under the headline over a generic date meta', () => {
    expect(published('<meta name="date" content="2024-05-24">', '<div class="info">17.05.2024 <span>- Redaktion</span></div>', 'de')).toBe('2024-05-17');
    expect(published('<meta property="article:published_time" content="2024-05-24">', '<div class="info">17.05.2024</div>', 'de')).toBe('2024-05-24');
  });

  it('reads a bare date by the label in the element before it', () => {
    const header = '<div class="box"><span>Erschienen am:</span><h2>17.05.2024</h2></div>';
    const footer = '<div class="stamp"><h4>Zuletzt geändert am:</h4><ul class="timestamp-list"><li class="timestamp">24.05.2024</li></ul></div>';
    // The modification date comes first in the classed search, but its label puts it out.
    expect(published('<meta name="date" content="2024-05-24">', footer + header, 'de')).toBe('2024-05-17');
    expect(published('', '<dl><dt>Updated</dt><dd class="date">May 24, 2024</dd><dt>Published</dt><dd>May 17, 2024</dd></dl>')).toBe('2024-05-17');
  });

  it('takes an update date as the last resort when nothing else dates the page', () => {
    const html = page('', '', 'de').replace('</article>', '</article><footer><p><b>Aktualisiert am </b>17.05.2024.</p></footer>');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });

  it("reads the date line in the headline's own header box", () => {
    const html = page('', '')
      .replace('<h1>', '<header class="post-header"><h1>')
      .replace('</h1>', '</h1><span class="meta">May 17, 2024</span></header>')
      .replace('<head>', '<head><meta property="article:published_time" content="2024-05-18T03:37:37+00:00">');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });

  it('skips the <time> of an embedded post and of teasers, and reads one beside the headline in a banner', () => {
    const embed =
      '<blockquote class="instagram-media"><p>A post shared by someone on <time datetime="2023-03-12T19:30:12+00:00">Mar 12, 2023</time></p></blockquote>';
    const html = page('', '<p class="date">17.05.2024</p>' + embed, 'de');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
    const banner = '<div class="news-banner"><span>Pressemitteilung</span><time datetime="2024-05-17 12:22">17.05.2024 12:22</time></div>';
    const teasers =
      '<ul>' +
      ['Wieviel Haus kann ich mir noch leisten?', 'Vorsicht vor falschen Urlaubsangeboten']
        .map((t, i) => `<li><time datetime="2024-04-1${i} 11:05">1${i}.04.2024</time><a href="/news/${i}">${t}</a></li>`)
        .join('') +
      '</ul>';
    const withBanner = page('', '', 'de').replace('<main>', `<main>${banner}`).replace('</article>', `</article>${teasers}`);
    expect(extract(withBanner, opts).dateline.published).toBe('2024-05-17T12:22:00');
  });

  it("reads a publication flag on one <time> only; repeated on a list, the nearest <time> is the article's", () => {
    const list = ['2024-03-01', '2024-03-02'].map((d) => `<li><time pubdate datetime="${d}T10:00:00Z">${d}</time> Leserkommentar</li>`).join('');
    const html = page('', '<p><time datetime="2024-05-17T13:49:45Z">17 mai 2024</time></p>', 'fr').replace('</article>', `</article><ol>${list}</ol>`);
    expect(extract(html, opts).dateline.published).toBe('2024-05-17T13:49:45Z');
    const one = page('', '<p><time datetime="2024-05-17T13:49:45Z">17 mai 2024</time></p>', 'fr').replace(
      '</h1>',
      '</h1><time pubdate datetime="2024-05-16T08:00:00Z">16 mai</time>',
    );
    expect(extract(one, opts).dateline.published).toBe('2024-05-16T08:00:00Z');
  });

  it('reads the date the first paragraph opens with, as press releases print it', () => {
    const html = page('', '', 'de').replace('<p>The council', '<p>Hafenstadt, (17.05.2024). The council');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });

  it('starts from the article body when no heading titles the story, past the dated teasers of the menu', () => {
    const menu = ['Heizung selbst prüfen', 'Die Rückkehr des Preisprotests', 'Neue Umlagen im Winter']
      .map((t, i) => `<li><div class="item"><a href="/news/${i}">${t}</a><span class="item-time">${29 - i * 3}.05.2024</span></div></li>`)
      .join('');
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/rubrik/${i}">Rubrik ${i}</a></li>`).join('');
    const html = `<!doctype html><html lang="de"><head><title>Stadtanzeiger | Hafen</title></head><body><div class="top"><ul>${menu}${links}</ul></div>
      <div class="content"><div class="title-box">Neuer Fahrplan für die Hafenfähre</div>
      <p>(17. Mai 2024) Der Stadtrat hat am Dienstag den neuen Fahrplan beschlossen, nach einer Debatte, die fast den ganzen Abend dauerte.</p>
      <p>Die Mitglieder sagten, der Plan bringe zwei frühe Überfahrten und eine späte Fahrt am Freitag in den nächsten drei Jahren.</p>
      <p>Die Fähre fährt künftig auch sonntags, teilte die Verwaltung mit, und die Preise bleiben für Pendler bis zum Herbst stabil.</p></div></body></html>`;
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });

  it('reads the date line right under the headline in a box named like a sidebar, as the local day of a UTC stamp', () => {
    const head = '<meta property="article:published_time" content="2024-05-18T01:30:00Z">';
    const html = page(
      head,
      '<div class="layout-sidebar"><div class="sidebar__main"><span class="meta-date"><time class="date">17 de mayo de 2024</time><time>21:25</time></span></div></div>',
      'es',
    );
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });
});
