import { describe, expect, it } from 'vitest';
import { matchDateline } from './dateline.js';

describe('matchDateline', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ['SEOUL, May 21 (Reuters) - South Korea said on Tuesday', 'SEOUL, May 21 (Reuters) -', 'SEOUL', 'Reuters'],
    ['LONDON/NEW YORK, Jan 3 (Reuters) - Oil prices rose', 'LONDON/NEW YORK, Jan 3 (Reuters) -', 'LONDON/NEW YORK', 'Reuters'],
    ['WASHINGTON (AP) — The Senate voted', 'WASHINGTON (AP) —', 'WASHINGTON', 'AP'],
    ['FERGUSON, Mo. (AP) — Protesters gathered', 'FERGUSON, Mo. (AP) —', 'FERGUSON, Mo.', 'AP'],
    ['Paris (AFP) - Le gouvernement a annoncé', 'Paris (AFP) -', 'Paris', 'AFP'],
    ['PARIS, 19 mai 2024 (AFP) - Le gouvernement', 'PARIS, 19 mai 2024 (AFP) -', 'PARIS', 'AFP'],
    ['Madrid, 3 jun (EFE).- España recibió', 'Madrid, 3 jun (EFE).-', 'Madrid', 'EFE'],
    ['MADRID, 26 Abr. (EUROPA PRESS) - El Gobierno', 'MADRID, 26 Abr. (EUROPA PRESS) -', 'MADRID', 'Europa Press'],
    ['Berlin (dpa) - Die Bundesregierung', 'Berlin (dpa) -', 'Berlin', 'dpa'],
    ['TOKYO (Kyodo) -- Japan will', 'TOKYO (Kyodo) --', 'TOKYO', 'Kyodo'],
    ['BEIJING, May 19 (Xinhua) -- China', 'BEIJING, May 19 (Xinhua) --', 'BEIJING', 'Xinhua'],
    ['MOSCOW, May 19. /TASS/. Russia', 'MOSCOW, May 19. /TASS/.', 'MOSCOW', 'TASS'],
    ['New Delhi [India], May 19 (ANI): The government', 'New Delhi [India], May 19 (ANI):', 'New Delhi', 'ANI'],
    ['(ANSA) - ROMA, 26 APR - Il governo', '(ANSA) - ROMA, 26 APR -', 'ROMA', 'ANSA'],
    ['(Bloomberg) -- Stocks fell', '(Bloomberg) --', null, 'Bloomberg'],
    ['WASHINGTON — The president said', 'WASHINGTON —', 'WASHINGTON', null],
    ['MILLBROOK -- The Millbrook Board of Education voted', 'MILLBROOK --', 'MILLBROOK', null],
  ];
  for (const [input, text, place, agency] of cases) {
    it(`reads "${text}"`, () => {
      const m = matchDateline(input);
      expect(m).not.toBeNull();
      expect(m!.text).toBe(text);
      expect(m!.place).toBe(place);
      expect(m!.agency).toBe(agency);
      expect(input.slice(m!.length)).toMatch(/^\S/);
    });
  }

  const sentences = [
    'The president said on Tuesday that talks would continue.',
    'WHO said the outbreak was contained.',
    'BREAKING: Parliament dissolved',
    'UPDATE 1-Oil rises on supply worries',
    'NASA and ESA will launch the probe in 2026.',
    'In Paris (and in Lyon) - prices rose',
    'Sources told Reuters - on condition of anonymity - that',
    'SEOUL',
    'A',
    '',
  ];
  for (const s of sentences) {
    it(`leaves "${s}" alone`, () => {
      expect(matchDateline(s)).toBeNull();
    });
  }

  // Linear time on such inputs is checked in tests/long/redos.test.ts (n against 4n, in CPU time).
  it('finds no dateline in long adversarial input', () => {
    expect(matchDateline(`${'A'.repeat(50_000)} ${'(Reuters '.repeat(5_000)}`)).toBeNull();
    expect(matchDateline(`${'SEOUL, '.repeat(20_000)}`)).toBeNull();
  });
});
