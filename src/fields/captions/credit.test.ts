import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_FORMS, cleanCredit, splitCredit } from './credit.js';

describe('splitCredit: every credit form of the table', () => {
  // [caption as printed, text, credit, form]
  const cases: Array<[string, string, string, string]> = [
    [
      'North Korean leader Kim Jong-un (R) with Russian President Vladimir Putin in Vladivostok, Russia, in April 2019. — AFP',
      'North Korean leader Kim Jong-un (R) with Russian President Vladimir Putin in Vladivostok, Russia, in April 2019.',
      'AFP',
      'dash',
    ],
    ['A police officer at the scene - Reuters', 'A police officer at the scene', 'Reuters', 'dash'],
    ['Cranes at the terminal on Tuesday. (AFP)', 'Cranes at the terminal on Tuesday.', 'AFP', 'bracket'],
    [
      'A volunteer clears mud from a bakery on Via Roma. (AP Photo/Marco Belloni)',
      'A volunteer clears mud from a bakery on Via Roma.',
      'AP Photo/Marco Belloni',
      'bracket',
    ],
    [
      'Workers raise the new flood wall in March. (Image: Marta Kowalczyk / Getty Images)',
      'Workers raise the new flood wall in March.',
      'Marta Kowalczyk / Getty Images',
      'bracket',
    ],
    ['Staff kept full pay (Getty Images/iStockphoto)', 'Staff kept full pay', 'Getty Images/iStockphoto', 'bracket'],
    ['The Pier 9 lot on a weekday morning. (Photo by the author)', 'The Pier 9 lot on a weekday morning.', 'Photo by the author', 'bracket'],
    ['Terraced houses in Salford. Photo: Shutterstock', 'Terraced houses in Salford.', 'Shutterstock', 'label'],
    [
      'Waves crash over the promenade as the storm arrives. Photograph: Dan Carrow/PA',
      'Waves crash over the promenade as the storm arrives.',
      'Dan Carrow/PA',
      'label',
    ],
    [
      'President Biden at the White House on Monday. Credit...Doug Mills/The New York Times',
      'President Biden at the White House on Monday.',
      'Doug Mills/The New York Times',
      'label',
    ],
    [
      'An automated straddle carrier on trial last year. Image: Felixport Harbour Board',
      'An automated straddle carrier on trial last year.',
      'Felixport Harbour Board',
      'label',
    ],
    ['Seit 1974 lernen Kinder hier schwimmen. Foto: Thomas Berger', 'Seit 1974 lernen Kinder hier schwimmen.', 'Thomas Berger', 'label'],
    ['Spodumene is mined in Western Australia © Bloomberg', 'Spodumene is mined in Western Australia', 'Bloomberg', 'copyright'],
    ['Jewels after Jewels, installation views, photos © Inexhibit, 2018', 'Jewels after Jewels, installation views', 'Inexhibit, 2018', 'copyright'],
    ['The river at its peak last June. Owen Hale | Getty Images', 'The river at its peak last June.', 'Owen Hale | Getty Images', 'pipe'],
    ['Lava flows near the town on Sunday | AFP', 'Lava flows near the town on Sunday', 'AFP', 'pipe'],
    [
      'Buckets catch water in a hallway in April. Gazette photo by Maria Santos',
      'Buckets catch water in a hallway in April.',
      'Gazette photo by Maria Santos',
      'photo-by',
    ],
    [
      'A worker walks past containers in Busan, March 14, 2024. REUTERS/Park Soo-min/File Photo',
      'A worker walks past containers in Busan, March 14, 2024.',
      'REUTERS/Park Soo-min/File Photo',
      'slash',
    ],
    ['Le lit asséché de la Têt, le 21 mai 2024. JEAN-LOUIS ABADIE / AFP', 'Le lit asséché de la Têt, le 21 mai 2024.', 'JEAN-LOUIS ABADIE / AFP', 'slash'],
    [
      'An engineer inspects a breached embankment. Stefano Rinaldi/AFP via Getty Images',
      'An engineer inspects a breached embankment.',
      'Stefano Rinaldi/AFP via Getty Images',
      'slash',
    ],
    ['Fare gates held open on Tuesday. Sam Whitaker for The Civic Stack', 'Fare gates held open on Tuesday.', 'Sam Whitaker for The Civic Stack', 'for'],
    ['Christopher Battin Submitted photo', 'Christopher Battin', 'Submitted photo', 'attribution'],
    ['Kim Jong-un in Pyongyang in 2019. AFP', 'Kim Jong-un in Pyongyang in 2019.', 'AFP', 'agency'],
  ];
  for (const [input, text, credit, form] of cases) {
    it(`${form}: "${input.slice(-45)}"`, () => {
      expect(splitCredit(input)).toEqual({ text, credit, form });
    });
  }

  it('has a test for every form of the table', () => {
    const tested = new Set(cases.map((c) => c[3]));
    expect(CREDIT_FORMS.map((f) => f.name).filter((n) => !tested.has(n))).toEqual([]);
  });

  it('drops a "FILE PHOTO:" or "FILE -" prefix from the text', () => {
    expect(splitCredit('FILE PHOTO: Residents wade through Mill Street on June 14, 2023. REUTERS/Daniel Osei/File Photo')).toEqual({
      text: 'Residents wade through Mill Street on June 14, 2023.',
      credit: 'REUTERS/Daniel Osei/File Photo',
      form: 'slash',
    });
    expect(splitCredit('FILE - A worker walks past containers at a port.').text).toBe('A worker walks past containers at a port.');
  });

  it('reads a credit in brackets at the start', () => {
    expect(splitCredit('(Photo: Jane Doe) Crowds at the opening.')).toEqual({ text: 'Crowds at the opening.', credit: 'Jane Doe', form: 'leading-bracket' });
  });
});

describe('splitCredit: captions without a credit are kept whole', () => {
  const whole = [
    'Children play in the snow.',
    'The mayor (left) speaks with residents (file)',
    'Players celebrate — Manchester United v Chelsea',
    'Protesters in Paris — Saturday, May 4',
    'The new logo: a red circle',
    'Sandbags still line the doorway of the Mill Street bakery.',
    'Kim Jong-un (R) with Vladimir Putin in Vladivostok',
    'What happens next?',
  ];
  for (const caption of whole) {
    it(`"${caption}"`, () => {
      expect(splitCredit(caption)).toEqual({ text: caption, credit: null, form: null });
    });
  }
});

describe('cleanCredit', () => {
  it('strips labels, brackets and a final full stop', () => {
    expect(cleanCredit('(Getty Images/iStockphoto)')).toBe('Getty Images/iStockphoto');
    expect(cleanCredit('Photo: Photo: Mike Christy, AP')).toBe('Mike Christy, AP');
    expect(cleanCredit('Credit...Doug Mills/The New York Times')).toBe('Doug Mills/The New York Times');
    expect(cleanCredit('© Bloomberg.')).toBe('Bloomberg');
    expect(cleanCredit('Photograph: J. Smith Inc.')).toBe('J. Smith Inc.');
  });
  it('returns null for nothing and for a paragraph', () => {
    expect(cleanCredit('  ')).toBeNull();
    expect(cleanCredit('Photo:')).toBeNull();
    expect(cleanCredit('word '.repeat(100))).toBeNull();
  });
});

describe('splitCredit: properties', () => {
  const captionChar = fc.constantFrom(
    'a',
    'B',
    ' ',
    '.',
    ',',
    '(',
    ')',
    '[',
    ']',
    '/',
    '|',
    '-',
    '—',
    '–',
    ':',
    '…',
    '©',
    'Photo',
    'Image',
    'Credit',
    'AFP',
    'Getty Images',
    'REUTERS',
    ' by ',
    ' for ',
    'FILE PHOTO:',
    '\n',
    '\u00a0',
    'é',
    '?',
  );
  const caption = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.array(captionChar, { maxLength: 40 }).map((a) => a.join('')),
  );

  it('never throws; the credit is short and absent from the text; the text is the caption less the credit', () => {
    fc.assert(
      fc.property(caption, (raw) => {
        const r = splitCredit(raw);
        expect(typeof r.text).toBe('string');
        if (r.credit === null) {
          expect(r.form).toBeNull();
          return;
        }
        expect(r.credit.length).toBeGreaterThan(0);
        expect(r.credit.length).toBeLessThanOrEqual(200);
        expect(r.credit).toBe(r.credit.trim());
        expect(r.text.length).toBeLessThan(raw.replace(/\s+/g, ' ').length);
      }),
      { numRuns: 2000 },
    );
  });

  // Speed is measured by `npm run bench`; here a quadratic pattern would show as the test's timeout.
  it('completes on long adversarial captions (no backtracking blow-up)', () => {
    const inputs = [
      '('.repeat(50_000),
      ' - '.repeat(30_000),
      'a '.repeat(50_000),
      'Photo: '.repeat(10_000),
      '©'.repeat(50_000),
      `${'x'.repeat(100_000)} — AFP`,
      `${'. '.repeat(40_000)}REUTERS/Name`,
      ' '.repeat(100_000) + 'x',
      '|'.repeat(60_000),
      'A'.repeat(100_000) + ' (AFP)',
      'photo by '.repeat(10_000),
    ];
    for (const input of inputs) {
      expect(typeof splitCredit(input).text).toBe('string');
      expect(cleanCredit(input) === null || typeof cleanCredit(input) === 'string').toBe(true);
    }
  });
});
