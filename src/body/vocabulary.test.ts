import { describe, expect, it } from 'vitest';
import { labelKind } from './vocabulary.js';

describe('labelKind', () => {
  it.each([
    ['- Advertisement -', 'ad'],
    ['Anzeige', 'ad'],
    ['Advert', 'ad'],
    ['[PR]', 'ad'],
    ['【PR】', 'ad'],
    ['Related Articles', 'related'],
    ['Please enter your comment!', 'comments'],
    ['Kommentar verfassen', 'comments'],
    ['Schreibe einen Kommentar', 'comments'],
    ['Lascia un commento', 'comments'],
    ['Deixe uma resposta', 'comments'],
    ['War der Artikel nützlich?', 'other'],
    ['What do you think?', 'comments'],
    ['Über den Autor', 'other'],
    ['About the author', 'other'],
  ] as const)('names %j a %s label', (text, kind) => {
    expect(labelKind(text)).toBe(kind);
  });

  it.each(['PR', 'Press release', 'PR-Abteilung', 'The comment the minister made'])('does not take %j for an ad label', (text) => {
    expect(labelKind(text)).not.toBe('ad');
  });
});
