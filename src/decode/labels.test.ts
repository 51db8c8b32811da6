import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { labelToName } from './labels.js';

const require = createRequire(import.meta.url);
// whatwg-encoding is what encoding-sniffer imports under Node; the bundle swaps in labels.ts.
const reference = require('whatwg-encoding') as { labelToName(label: string): string | null };
const LABELS = Object.keys(require('whatwg-encoding/lib/labels-to-names.json') as Record<string, string>);

describe('labelToName (the browser-safe stand-in for whatwg-encoding)', () => {
  it('names every WHATWG label as whatwg-encoding does, where this runtime can decode it', () => {
    let decodable = 0;
    for (const label of LABELS) {
      const ours = labelToName(label);
      const theirs = reference.labelToName(label);
      if (ours === null) {
        // Only encodings TextDecoder lacks here (ISO-8859-16 in ICU).
        expect(() => new TextDecoder(label)).toThrow();
        continue;
      }
      decodable++;
      expect(ours.toLowerCase()).toBe(theirs!.toLowerCase());
    }
    expect(decodable).toBeGreaterThan(200);
  });

  it('spells the names the sniffer compares as the standard does, and keeps x-user-defined', () => {
    expect(labelToName(' UTF8 ')).toBe('UTF-8');
    expect(labelToName('utf-16')).toBe('UTF-16LE');
    expect(labelToName('unicodefffe')).toBe('UTF-16BE');
    expect(labelToName('x-user-defined')).toBe('x-user-defined');
    expect(labelToName('latin1')).toBe('windows-1252');
  });

  it('returns null for anything that is not a label, without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const name = labelToName(s);
        const expected = reference.labelToName(s);
        if (expected === null) expect(name).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
