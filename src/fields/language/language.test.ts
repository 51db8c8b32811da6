import { describe, expect, it } from 'vitest';
import { normaliseLanguageTag } from './language.js';

describe('normaliseLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['de_AT', 'de-AT'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['fr-FR, en', 'fr-FR'],
    ['', null],
    ['x-default', null],
    ['english', null],
    [null, null],
  ])('%s -> %s', (input, out) => expect(normaliseLanguageTag(input)).toBe(out));
});
