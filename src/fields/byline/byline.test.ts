import { describe, expect, it } from 'vitest';
import { cleanByline, cleanName, splitAuthors } from './byline.js';

describe('splitAuthors', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe'], null],
    ['By Jane Doe and John Smith', ['Jane Doe', 'John Smith'], null],
    ['Jane Doe, John Smith & Ana Lima', ['Jane Doe', 'John Smith', 'Ana Lima'], null],
    ['Jane Doe | Reuters', ['Jane Doe'], 'Reuters'],
    ['Par Claire Vasseur et AFP', ['Claire Vasseur'], 'AFP'],
    ['Von Benjamin Fischer und Marcus Theurer', ['Benjamin Fischer', 'Marcus Theurer'], null],
    ['Jane Doe, Staff Writer', ['Jane Doe'], null],
    ['Jane Doe jane@example.com @janedoe', ['Jane Doe'], null],
    ['Jane Doe, Jane Doe', ['Jane Doe'], null],
    ['BBC News', ['BBC News'], null],
  ])('splits "%s"', (input, authors, agency) => {
    const r = splitAuthors(input);
    expect(r.authors).toEqual(authors);
    expect(r.agency).toBe(agency);
  });
});

describe('cleanName and cleanByline', () => {
  it('drops locations, handles and dates', () => {
    expect(cleanName('Nick Fairbairn in Perth')).toBe('Nick Fairbairn');
    expect(cleanName('http://example.com/author/jane')).toBeNull();
    expect(cleanByline('By Jane Doe Published May 19, 2024')).toBe('Jane Doe');
    expect(cleanByline('Evan Halper Staff Writer')).toBe('Evan Halper');
    expect(cleanByline('Posted')).toBeNull();
    expect(cleanByline('Michael says')).toBeNull();
  });
});
