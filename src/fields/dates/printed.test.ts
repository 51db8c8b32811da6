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

  it('skips a line that only gives the update', () => {
    expect(published('', '<p class="date">Updated: May 18, 2024</p>')).toBeNull();
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
    expect(published('', '<div><dl><dd>Registriert: 18.09.2008, 05:56</dd></dl><p><span>Beitrag vom </span>21.01.2009, 05:42</p></div>', 'de')).toBe('2009-01-21');
  });

  it('takes a date labelled as the publication before an unlabelled one', () => {
    expect(published('', '<div><span>Next meeting: 22.05.2024</span></div><div><span>Posted on 17.05.2024</span></div>', 'de')).toBe('2024-05-17');
  });

  it('reads the date the first paragraph opens with, as press releases print it', () => {
    const html = page('', '', 'de').replace('<p>The council', '<p>Hafenstadt, (17.05.2024). The council');
    expect(extract(html, opts).dateline.published).toBe('2024-05-17');
  });
});
