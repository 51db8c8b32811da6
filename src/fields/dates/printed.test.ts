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
});
