import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFromUrl, leadingDate, parseMachineDate, parseRelativeDate, parseTextDate } from './parse.js';

const ctx = { language: 'en', referenceDate: new Date('2024-06-01T12:00:00Z') };
const de = { ...ctx, language: 'de' };

describe('parseMachineDate', () => {
  it.each([
    ['2024-05-19T08:00:00+09:00', '2024-05-19T08:00:00+09:00'],
    ['2024-05-19T08:00:00.000Z', '2024-05-19T08:00:00Z'],
    ['2024-05-19 08:00', '2024-05-19T08:00:00'],
    ['2024-05-19', '2024-05-19'],
    ['2024/05/19', '2024-05-19'],
    ['20240519', '2024-05-19'],
    ['1716105600', '2024-05-19T08:00:00Z'],
    ['Sun, 19 May 2024 08:00:00 GMT', '2024-05-19T08:00:00Z'],
  ])('reads %s', (input, out) => expect(parseMachineDate(input, ctx)).toBe(out));

  it.each(['2024-13-01', '2024-02-30', '1990-01-01', '2030-01-01', 'not a date', ''])('rejects %s', (input) => {
    expect(parseMachineDate(input, ctx)).toBeNull();
  });
});

describe('parseTextDate', () => {
  it.each([
    ['Sunday, May 19, 2024', ctx, '2024-05-19'],
    ['May 19th 2024', ctx, '2024-05-19'],
    ['19 May 2024', ctx, '2024-05-19'],
    ['19. Mai 2024', de, '2024-05-19'],
    ['Veröffentlicht am 19.05.2024, 08:00 Uhr', de, '2024-05-19'],
    ['19 mai 2024', { ...ctx, language: 'fr' }, '2024-05-19'],
    ['19 de mayo de 2024', { ...ctx, language: 'es' }, '2024-05-19'],
    ['19 maggio 2024', { ...ctx, language: 'it' }, '2024-05-19'],
    ['19 de maio de 2024', { ...ctx, language: 'pt' }, '2024-05-19'],
    ['19 mei 2024', { ...ctx, language: 'nl' }, '2024-05-19'],
    ['19 мая 2024', { ...ctx, language: 'ru' }, '2024-05-19'],
    ['05/19/2024', ctx, '2024-05-19'],
    ['04/05/2024', ctx, '2024-04-05'],
    ['04/05/2024', de, '2024-05-04'],
  ])('reads "%s"', (input, c, out) => expect(parseTextDate(input, c)).toBe(out));

  it('reads relative dates against the reference date only when asked', () => {
    expect(parseTextDate('3 hours ago', ctx)).toBe('2024-06-01');
    expect(parseTextDate('vor 2 Tagen', de)).toBe('2024-05-30');
    expect(parseTextDate('Today', ctx, false)).toBeNull();
    expect(parseRelativeDate('yesterday', ctx)).toBe('2024-05-31');
  });

  // Linear time on such inputs is checked in tests/long/redos.test.ts (n against 4n, in CPU time).
  it('reads no date from long adversarial text', () => {
    expect(parseTextDate('1'.repeat(100_000), ctx)).toBeNull();
    expect(parseTextDate('May '.repeat(50_000), ctx)).toBeNull();
    expect(parseMachineDate('2024-'.repeat(20_000), ctx)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://example.com/world/2024/05/19/story/', '2024-05-19'],
    ['https://example.com/2024-05-19-story.html', '2024-05-19'],
    ['https://example.com/news/20240519/story', '2024-05-19'],
    ['https://example.com/news/story-12345', null],
    ['not a url', null],
  ])('reads %s', (url, out) => expect(dateFromUrl(url, ctx)).toBe(out));
});

describe('parseTextDate (CJK)', () => {
  it.each([
    ['2024年5月19日', '2024-05-19'],
    ['2024年05月19日 08:00', '2024-05-19'],
    ['2024년 5월 19일', '2024-05-19'],
    ['投稿日：2024年5月19日', '2024-05-19'],
  ])('reads "%s"', (input, out) => expect(parseTextDate(input, ctx)).toBe(out));
  it('rejects an impossible day', () => expect(parseTextDate('2024年2月30日', ctx)).toBeNull());
});

describe('leadingDate', () => {
  it.each([
    ['01.02.2024 „Der Arbeitsmarkt ist gut in das Jahr gestartet“, sagte die Vorständin.', de, '2024-02-01'],
    ['Karlsruhe, (12.05.2024). Traditionell gedenken die Gemeinden am Sonntag der Verstorbenen.', de, '2024-05-12'],
    ['PARIS – 19 mai 2024 – Le conseil a voté mardi le nouveau plan de transport.', { ...ctx, language: 'fr' }, '2024-05-19'],
    ['May 19, 2024 — The council voted on Tuesday to approve the budget after a long debate.', ctx, '2024-05-19'],
    ['Berlin (dpa) - 19.05.2024, 14:30 Uhr: Die Koalition hat sich auf den Haushalt geeinigt.', de, '2024-05-19'],
    ['Pressemitteilung vom 19. Mai 2024 | Berlin – Die künftige Zusammenarbeit mit dem Programm wird ausgebaut.', de, '2024-05-19'],
    ['Published on May 19, 2024 — The council voted on Tuesday to approve the budget after a debate.', ctx, '2024-05-19'],
  ])('reads the date "%s" opens with', (text, c, out) => expect(leadingDate(text, c)).toBe(out));

  it.each([
    'The council voted on 19.05.2024 to approve the budget after a debate.',
    '2024 was a year of records for the harbour, with 19 ships a day in May.',
    '19.05.2024 was the day the council voted, members said afterwards.',
    'Am 19. Mai 2024 hat der Rat den Haushalt beschlossen.',
    'Pressemitteilung zum Haushalt vom 19. Mai 2024 | Berlin – Der Rat hat beschlossen.',
  ])('ignores a date inside the sentence: "%s"', (text) => expect(leadingDate(text, ctx)).toBeNull());

  it('returns null or a valid calendar date for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const d = leadingDate(text, ctx);
        expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
      }),
    );
  });
});
