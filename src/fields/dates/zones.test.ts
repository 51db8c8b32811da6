import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLocalDayOf, preferLocalForm, zoneKind } from './zones.js';
import { resolvePublished, type DateCandidates } from './resolve.js';

describe('zoneKind', () => {
  it.each([
    ['2024-05-19', 'date'],
    ['2024-05-19T08:00:00', 'floating'],
    ['2024-05-19T08:00:00Z', 'utc'],
    ['2024-05-19T08:00:00+00:00', 'utc'],
    ['2024-05-19T08:00:00-05:00', 'offset'],
  ])('%s is %s', (iso, kind) => expect(zoneKind(iso)).toBe(kind));
});

describe('preferLocalForm', () => {
  it('takes the form with the newsroom offset of the same moment', () => {
    expect(preferLocalForm('2023-11-09T06:35:29Z', [null, '2023-11-08T22:35:29-08:00'])).toBe('2023-11-08T22:35:29-08:00');
  });
  it('keeps the UTC form when no other signal states the same moment', () => {
    expect(preferLocalForm('2023-11-09T06:35:29Z', ['2023-11-07T22:35:29-08:00', '2023-11-08'])).toBe('2023-11-09T06:35:29Z');
  });
  it('keeps a timestamp that already has an offset', () => {
    expect(preferLocalForm('2023-11-09T06:35:29+01:00', ['2023-11-09T00:35:29-05:00'])).toBe('2023-11-09T06:35:29+01:00');
  });
  it('always returns one of its inputs', () => {
    const stamp = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19));
    const iso = fc.tuple(stamp, fc.constantFrom('', 'Z', '+00:00', '-05:00', '+09:00')).map(([s, z]) => s + z);
    fc.assert(
      fc.property(iso, fc.array(fc.option(iso, { nil: null })), (d, others) => {
        const r = preferLocalForm(d, others);
        expect(r === d || others.includes(r)).toBe(true);
      }),
    );
  });
});

describe('isLocalDayOf', () => {
  it('accepts the day before for an early UTC time (western newsroom)', () => {
    expect(isLocalDayOf('2016-12-23T00:47:31Z', '2016-12-22')).toBe(true);
  });
  it('accepts the day after for a late UTC time (eastern newsroom)', () => {
    expect(isLocalDayOf('2024-05-18T23:10:00Z', '2024-05-19')).toBe(true);
  });
  it('rejects days no offset can reach', () => {
    expect(isLocalDayOf('2016-12-23T18:00:00Z', '2016-12-22')).toBe(false);
    expect(isLocalDayOf('2024-05-18T02:00:00Z', '2024-05-19')).toBe(false);
    expect(isLocalDayOf('2024-05-18T12:00:00Z', '2024-05-16')).toBe(false);
    expect(isLocalDayOf('2024-05-18T02:00:00+02:00', '2024-05-17')).toBe(false);
  });
});

const none: DateCandidates = { meta: null, genericMeta: null, ldPublished: null, ldCreated: null, microdata: null, time: null, url: null, modified: null };
const noPrinted = { near: () => null, any: () => null };

describe('resolvePublished', () => {
  it('prefers meta names, then JSON-LD, and falls back to the modification date last', () => {
    expect(resolvePublished({ ...none, meta: '2024-05-19', ldPublished: '2024-05-10' }, noPrinted)).toBe('2024-05-19');
    expect(resolvePublished({ ...none, modified: '2024-05-20' }, noPrinted)).toBe('2024-05-20');
    expect(resolvePublished({ ...none, modified: '2024-05-20' }, { near: () => null, any: () => '2024-05-18' })).toBe('2024-05-18');
  });
  it('takes the URL day over a UTC timestamp a day off, but not over one with the local offset', () => {
    expect(resolvePublished({ ...none, meta: '2016-12-20T00:08:44Z', url: '2016-12-19' }, noPrinted)).toBe('2016-12-19');
    expect(resolvePublished({ ...none, ldPublished: '2022-05-07T13:43:46-05:00', url: '2022-05-06' }, noPrinted)).toBe('2022-05-07T13:43:46-05:00');
    expect(resolvePublished({ ...none, meta: '2016-12-20T00:08:44Z', url: '2016-12-29' }, noPrinted)).toBe('2016-12-20T00:08:44Z');
  });
  it('keeps the URL filing date of a story the site re-stamped later', () => {
    expect(resolvePublished({ ...none, meta: '2019-06-17T18:28:00+02:00', url: '2017-07-12' }, noPrinted)).toBe('2017-07-12');
  });
  it('takes the local form of a UTC timestamp from another signal', () => {
    expect(resolvePublished({ ...none, meta: '2023-11-09T06:35:29+00:00', time: '2023-11-08T22:35:29-08:00' }, noPrinted)).toBe('2023-11-08T22:35:29-08:00');
  });
  it('takes the printed day under the headline when it is the local day of a UTC timestamp', () => {
    const shown = (d: string) => ({ near: () => d, any: () => d });
    expect(resolvePublished({ ...none, meta: '2016-12-23T00:47:31Z' }, shown('2016-12-22'))).toBe('2016-12-22');
    expect(resolvePublished({ ...none, meta: '2016-12-23T15:47:31Z' }, shown('2016-12-22'))).toBe('2016-12-23T15:47:31Z');
    expect(resolvePublished({ ...none, meta: '2016-12-23T00:47:31Z' }, shown('2016-12-12'))).toBe('2016-12-23T00:47:31Z');
    expect(resolvePublished({ ...none, meta: '2016-12-23T00:47:31+01:00' }, shown('2016-12-22'))).toBe('2016-12-23T00:47:31+01:00');
  });
  it('lets a bare day give way to the printed day when a timestamp says it too', () => {
    const shown = (d: string) => ({ near: () => d, any: () => d });
    expect(resolvePublished({ ...none, meta: '2019-10-18', ldPublished: '2019-10-19T03:00:00Z' }, shown('2019-10-19'))).toBe('2019-10-19T03:00:00Z');
    expect(resolvePublished({ ...none, ldPublished: '2020-07-09T10:04:04Z', url: '2020-07-08' }, shown('2020-07-09'))).toBe('2020-07-09T10:04:04Z');
    // Without a second signal, the printed day alone does not overrule the metadata.
    expect(resolvePublished({ ...none, meta: '2019-10-18' }, shown('2019-10-19'))).toBe('2019-10-18');
  });
  it('lets a generic date meta give way to the date printed under the headline', () => {
    const shown = (d: string | null) => ({ near: () => d, any: () => d });
    expect(resolvePublished({ ...none, genericMeta: '2020-02-12' }, shown('2020-02-05'))).toBe('2020-02-05');
    expect(resolvePublished({ ...none, genericMeta: '2020-02-12' }, shown(null))).toBe('2020-02-12');
    // A named publication meta keeps its rank.
    expect(resolvePublished({ ...none, meta: '2020-02-12', genericMeta: '2020-02-12' }, shown('2020-02-05'))).toBe('2020-02-12');
  });
  it('reads a timestamp without an offset as possibly UTC against the printed day', () => {
    const shown = (d: string) => ({ near: () => d, any: () => d });
    expect(resolvePublished({ ...none, meta: '2020-12-05T23:15:00' }, shown('2020-12-06'))).toBe('2020-12-06');
    expect(resolvePublished({ ...none, meta: '2020-12-05T08:15:00' }, shown('2020-12-06'))).toBe('2020-12-05T08:15:00');
    expect(resolvePublished({ ...none, meta: '2020-12-05T23:15:00' }, shown('2020-12-09'))).toBe('2020-12-05T23:15:00');
  });
});
