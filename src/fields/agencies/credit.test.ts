import { describe, expect, it } from 'vitest';
import { agencyFromRights, agencyFromSignOff, creditedAgency } from './credit.js';

describe('agency sign-offs at the end of a story', () => {
  it.each([
    ['The ministry said talks would resume in June. (Reuters)', 'Reuters'],
    ['Les négociations reprendront en juin. — AFP', 'AFP'],
    ['Die Gespräche sollen im Juni weitergehen. /dpa', 'dpa'],
    ['Las negociaciones se reanudarán en junio.\n\nAgencia EFE', 'EFE'],
    ['I negoziati riprenderanno a giugno.\n\nANSA', 'ANSA'],
    ['Talks will resume in June. (AP)', 'AP'],
    ['Переговоры возобновятся в июне. (ТАСС)', 'TASS'],
    ['Talks will resume in June. (Reuters/Jane Doe)', 'Reuters'],
  ])('reads "%s" as %s', (text, agency) => expect(agencyFromSignOff(text)).toBe(agency));

  it.each(['He said the agency (AP) had not replied, and talks would resume.', 'Talks will resume in June.', 'The ap said so', 'Read more at Reuters.com'])(
    'finds none in "%s"',
    (text) => expect(agencyFromSignOff(text)).toBeNull(),
  );
});

describe('agency rights lines', () => {
  it.each([
    ['© 2024 The Associated Press. All rights reserved.', 'AP'],
    ['Copyright 2024 Reuters. All rights reserved.', 'Reuters'],
    ['<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>', 'Yonhap'],
    ['© AFP 2024', 'AFP'],
  ])('reads "%s" as %s', (line, agency) => expect(agencyFromRights(line)).toBe(agency));

  it("names none in a site's own rights line", () => {
    expect(agencyFromRights('© 2024 The Millbrook Gazette. All rights reserved.')).toBeNull();
  });

  it('prefers the sign-off to the rights line', () => {
    expect(creditedAgency('Talks will resume. (AFP)', ['© 2024 Reuters'])).toBe('AFP');
    expect(creditedAgency('Talks will resume.', ['© 2024 Reuters'])).toBe('Reuters');
  });
});
