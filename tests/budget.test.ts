/**
 * The time budget after parsing: the walks of every stage check it, and an
 * Article whose stages stopped at it says so. No timed assertion: a budget of
 * a millisecond cannot cover a page of megabytes on any machine, and an
 * unlimited budget never stops anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { Deadline, now } from '../src/limits.js';
import { indexPage } from '../src/body/features.js';
import { parseHtml } from '../src/parse/parse.js';
import { serialiseBody } from '../src/serialise/index.js';

const PARA = '<p>The council voted on Tuesday to approve the budget, after a long debate about the harbour wall.</p>';
const page = (paragraphs: number) =>
  `<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>${PARA.repeat(paragraphs)}</article></body></html>`;

describe('Deadline', () => {
  it('never passes without a deadline', () => {
    const d = new Deadline(Infinity);
    for (let i = 0; i < 10_000; i++) expect(d.passed()).toBe(false);
    expect(d.passedNow()).toBe(false);
    expect(d.ranOut).toBe(false);
  });

  it('passes once the deadline is behind, and stays passed', () => {
    const d = new Deadline(-1);
    let calls = 0;
    while (!d.passed()) calls++;
    // The clock is read every few checks, not on each.
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(1000);
    expect(d.passed()).toBe(true);
    expect(d.ranOut).toBe(true);
    expect(new Deadline(-1).passedNow()).toBe(true);
  });
});

describe('timeBudgetMs after parsing', () => {
  it('reports a budget that ran out, and still returns a well-formed Article', () => {
    // 400 kB of paragraphs: parsing alone cannot finish within a millisecond.
    const a = extract(page(4000), { limits: { timeBudgetMs: 1 } });
    expect(a.input.limits).toContain('timeBudgetMs');
    expect(a.input.truncated).toBe(true);
    expect(a.input.limits.filter((l) => l === 'timeBudgetMs')).toHaveLength(1);
    expect(typeof a.body.text).toBe('string');
    expect(a.body.text.length).toBeLessThan(PARA.length * 4000);
  });

  it('leaves an ordinary page untouched when the budget is lifted', () => {
    const a = extract(page(200), { limits: { timeBudgetMs: Infinity } });
    expect(a.input.limits).toEqual([]);
    expect(a.input.truncated).toBe(false);
    expect(a.body.text.split('\n\n')).toHaveLength(200);
  });
});

describe('the walks after parsing stop at the deadline', () => {
  const parsed = () => parseHtml(page(2000), { maxNodes: Infinity, maxDepth: 256, deadline: Infinity, now }).document;

  it('indexing stops, keeping what it indexed', () => {
    const full = indexPage(parsed());
    const cut = indexPage(parsed(), new Deadline(-1));
    expect(full.elements.length).toBeGreaterThan(2000);
    expect(cut.elements.length).toBeLessThan(full.elements.length);
    expect(cut.budget.ranOut).toBe(true);
  });

  it('serialising stops, and the body ends with what was written', () => {
    const doc = parsed();
    const full = serialiseBody(doc.children, { baseUrl: null });
    const cut = serialiseBody(doc.children, { baseUrl: null, budget: new Deadline(-1) });
    expect(full.text.length).toBeGreaterThan(100_000);
    expect(cut.text.length).toBeLessThan(full.text.length);
    expect(full.text.startsWith(cut.text.slice(0, 50))).toBe(true);
  });
});

describe('an unlimited budget', () => {
  // Every point of the budget (parse share, refinement, hard and serialiser deadlines) is a
  // multiple of it: with Infinity each must stay Infinity (Infinity - Infinity is NaN, and a
  // comparison with NaN is false: the learned refinement once never ran without a budget).
  it('gives the same Article as a generous finite one', () => {
    const dir = fileURLToPath(new URL('../fixtures', import.meta.url));
    const names = fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, 'source.html')))
      .sort()
      .slice(0, 8);
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) {
      const html = fs.readFileSync(path.join(dir, name, 'source.html'));
      const options = { referenceDate: '2024-06-01' };
      const unlimited = extract(html, { ...options, limits: { timeBudgetMs: Infinity } });
      const generous = extract(html, { ...options, limits: { timeBudgetMs: 600_000 } });
      expect(unlimited, name).toEqual(generous);
    }
  });
});
