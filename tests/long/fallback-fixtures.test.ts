/**
 * The Readability fallback forced on for every fixture: the chosen body stays
 * coherent (confidence in range, no dateline or boilerplate block left in the
 * body). Moved here from tests/fallback.test.ts: jsdom on every fixture takes
 * several seconds, and a busy machine many more.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { readability } from '../../src/readability.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Lets the event loop run between fixtures (each takes a few hundred milliseconds in jsdom). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Readability on jsdom (real packages), every fixture', () => {
  it('keeps every fixture coherent with the fallback forced on', async () => {
    const dir = path.join(ROOT, 'fixtures');
    for (const name of fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.html')))) {
      await tick();
      const bytes = fs.readFileSync(path.join(dir, name, 'source.html'));
      const { url } = JSON.parse(fs.readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as { url: string };
      const a = extract(bytes, { url, fallback: readability, fallbackThreshold: 1 });
      expect(a.confidence, name).toBeGreaterThanOrEqual(0);
      expect(a.confidence, name).toBeLessThanOrEqual(1);
      if (a.dateline.text) expect(a.body.text.startsWith(a.dateline.text), name).toBe(false);
      const body = a.body.text.replace(/\s+/g, ' ');
      for (const b of a.boilerplate) {
        const t = b.text.replace(/\s+/g, ' ').trim();
        if (t.length >= 60) expect(body.includes(t), `${name}: boilerplate block in the body: "${t.slice(0, 80)}"`).toBe(false);
      }
    }
  });
});
