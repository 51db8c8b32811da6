import { describe, expect, it } from 'vitest';
import { crossValidate, foldOf, siteOf, splitFolds } from '../scripts/lib/folds.mjs';
import { formatChanges, refusedChanges, updatedFloors } from '../scripts/lib/floors.mjs';

describe('eval floors', () => {
  const old = { zyte: { 'body.f1': 0.979 }, wcxb: { 'title.accuracy': 0.86 } };
  it('raises floors and pins new sets (wordBody.f1 included)', () => {
    const { floors, changes } = updatedFloors(old, { zyte: { body: { f1: 0.98123 } }, naeb: { wordBody: { f1: 0.9289 }, title: { accuracy: 0.9 } } });
    expect(floors.zyte).toEqual({ 'body.f1': 0.981 });
    expect(floors.naeb).toEqual({ 'wordBody.f1': 0.928, 'title.accuracy': 0.9 });
    expect(floors.wcxb).toEqual(old.wcxb);
    expect(refusedChanges(changes)).toEqual([]);
  });
  it('refuses to lower or drop a floor unless allowLower', () => {
    const results = { wcxb: { title: { accuracy: 0.85 } }, zyte: { title: { accuracy: 0.5 } } };
    const refused = updatedFloors(old, results);
    expect(refused.floors.wcxb!['title.accuracy']).toBe(0.86);
    expect(refused.floors.zyte!['body.f1']).toBe(0.979);
    expect(refusedChanges(refused.changes).map((c) => `${c.set} ${c.metric}`)).toEqual(['wcxb title.accuracy', 'zyte body.f1']);
    expect(formatChanges(refused.changes, 'floors.json')).toContain('REFUSED');
    const allowed = updatedFloors(old, results, { allowLower: true });
    expect(allowed.floors.wcxb!['title.accuracy']).toBe(0.85);
    expect(allowed.floors.zyte).toEqual({ 'title.accuracy': 0.5 });
    expect(allowed.changes.map((c) => c.kind).sort()).toEqual(['DROPPED', 'LOWERED', 'new']);
  });
});

describe('folds by site', () => {
  it('groups pages by registered domain', () => {
    expect(siteOf('https://news.example.co.uk/a/b')).toBe('example.co.uk');
    expect(siteOf('http://www.Example.com/x')).toBe('example.com');
    expect(siteOf('http://fakehost/test/page.html')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
    expect(foldOf({ id: 'a', url: 'https://a.example.com/1' })).toBe(foldOf({ id: 'b', url: 'https://www.example.com/2' }));
  });
  it('is deterministic and keeps each site in one fold', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: String(i), url: `https://s${i % 37}.example${i % 37}.org/p${i}` }));
    const folds = splitFolds(rows, 5);
    expect(folds.flat().length).toBe(200);
    expect(splitFolds(rows, 5)).toEqual(folds);
    const foldOfSite = new Map<string, number>();
    folds.forEach((f, k) => {
      for (const r of f) {
        const s = siteOf(r.url)!;
        expect(foldOfSite.get(s) ?? k).toBe(k);
        foldOfSite.set(s, k);
      }
    });
    expect(folds.filter((f) => f.length > 0).length).toBeGreaterThan(2);
  });
  it('scores each fold and summarises the figures', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: String(i), url: `https://site${i}.com/` }));
    const score = (part: typeof rows) => ({ ok: { accuracy: part.filter((r) => Number(r.id) % 2 === 0).length / part.length } });
    const cv = crossValidate(rows, null, score, (r) => ({ 'ok.accuracy': r.ok.accuracy }), 5);
    expect(cv.folds.reduce((a, f) => a + f.pages, 0)).toBe(50);
    const s = cv.figures['ok.accuracy']!;
    expect(s.min).toBeLessThanOrEqual(s.mean);
    expect(s.max).toBeGreaterThanOrEqual(s.mean);
  });
});
