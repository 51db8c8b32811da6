import { describe, expect, it } from 'vitest';
import { cleanByline, cleanName, splitAuthors } from './byline.js';
import { BYLINE_PREFIX, LOGIN_HANDLE } from './tables.js';

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

describe('cleanByline: what is not a name', () => {
  it.each([
    ['Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)', 'Eleanor Ainge Roy'],
    ['Adrian Malloch (photography)', 'Adrian Malloch'],
    ['By April Glaser @aprilaser Dec 15, 2016', 'April Glaser'],
    ['Mike Cason | mcason@example.com', 'Mike Cason'],
    ['Bob Yirka, Phys.org', 'Bob Yirka'],
    ['Sam Diekmann, Redner bei rent-a-speaker.example.com', 'Sam Diekmann'],
    ['Written by Michael Larabel in Valve on 1 May 2019', 'Michael Larabel'],
    ['Ingo Arzt Redakteur für Wirtschaft und Umwelt', 'Ingo Arzt'],
    ['Smart Shopping Team', 'Smart Shopping Team'],
    ['Teufel Blog Redaktion', 'Teufel Blog Redaktion'],
    ['Evan Halper Staff Writer', 'Evan Halper'],
    ['~ Cem Basman', 'Cem Basman'],
    ['Itamar Turner-Trauring Last updated 12 May 2020', 'Itamar Turner-Trauring'],
    ['Jil Schuller Alle Artikel Kontakt', 'Jil Schuller'],
    ['Saibal Dasgupta / TNN /', 'Saibal Dasgupta / TNN'],
  ])('"%s" -> "%s"', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });

  it.each(['Zuletzt geändert am:', 'Alle Beiträge', 'Autor/in', 'Last updated', 'Posted on', 'Veröffentlicht am'])('"%s" is not a byline', (input) => {
    expect(cleanByline(input)).toBeNull();
  });
});

describe('cleanByline: dates and numbers', () => {
  it('ends the credit at a day-month date in several languages', () => {
    expect(cleanByline('Georg Quaas, 21. Jan. 2015')).toBe('Georg Quaas');
    expect(cleanByline('Par Claire Vasseur, 3 févr. 2021')).toBe('Claire Vasseur');
    expect(cleanByline('By April Glaser Dec 15, 2016')).toBe('April Glaser');
  });

  it('rejects what names no one in letters', () => {
    expect(cleanByline('26.')).toBeNull();
    expect(cleanName('3.17')).toBeNull();
  });
});

describe('cleanByline: particles in names', () => {
  it('keeps "le", "el", "am" inside a name, and cuts them before a date', () => {
    expect(cleanByline('Par Loïc Le Clerc')).toBe('Loïc Le Clerc');
    expect(cleanByline('Por Ana El Haddad')).toBe('Ana El Haddad');
    expect(cleanByline('Par Loïc Le Clerc le 12 mars 2019')).toBe('Loïc Le Clerc');
    expect(cleanByline('Von Jonas Klee am 3. Mai 2020')).toBe('Jonas Klee');
    expect(cleanByline('By Jane Doe on Monday')).toBe('Jane Doe');
  });
});

describe('cleanByline: prefixes, picture credits, outlets named with a weekday', () => {
  it.each([
    ['Text von Christian Berger Illustration von Markus Ross', 'Christian Berger'],
    ['Blog Beitrag von Marta Kovac', 'Marta Kovac'],
    ['Ein Gastbeitrag von Jonas Klee', 'Jonas Klee'],
    ['Text by Priya Natarajan Photos by Sam Lowe', 'Priya Natarajan'],
    ['Glen Oswald and Brenda Carr For The Mail On Sunday', 'Glen Oswald and Brenda Carr For The Mail On Sunday'],
    ['Von Jana Berg am Samstag, 19. Oktober 2019 um 11:14 Uhr', 'Jana Berg'],
    ['By Jane Doe on Sunday, May 19', 'Jane Doe'],
  ])('"%s" -> "%s"', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });

  it("does not read a picture credit as the story's byline", () => {
    expect(BYLINE_PREFIX.exec('Photos by Sam Lowe')).toBeNull();
    expect(BYLINE_PREFIX.exec('Video by Sam Lowe')).toBeNull();
  });

  it("strips a picture credit's opening from the names of a marked credit line (a gallery's photographers)", () => {
    expect(splitAuthors('Photographs by Chiara Lodi; words by Luca Ferrante').authors).toEqual(['Chiara Lodi', 'Luca Ferrante']);
  });
});

describe('account names and login handles', () => {
  it.each(['admin', 'wordpressadmin', 'WP-Admin', 'webmaster', 'Administrator'])('"%s" is not a byline', (input) => {
    expect(cleanByline(input)).toBeNull();
    expect(cleanName(input)).toBeNull();
  });

  it('keeps a printed user name that is not a default account', () => {
    expect(cleanByline('happyreader')).toBe('happyreader');
    expect(cleanByline('Adminah Rahman')).toBe('Adminah Rahman');
  });

  it('matches login handles, not names', () => {
    expect(LOGIN_HANDLE.test('christa.feldmann')).toBe(true);
    expect(LOGIN_HANDLE.test('gazette_online')).toBe(true);
    expect(LOGIN_HANDLE.test('Christa Feldmann')).toBe(false);
    expect(LOGIN_HANDLE.test('J.R. Smith')).toBe(false);
    expect(LOGIN_HANDLE.test('marc')).toBe(false);
  });
});
