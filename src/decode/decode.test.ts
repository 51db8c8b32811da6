import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseEncoding, decodePage } from './decode.js';
import { guessEncoding, textSample } from './guess.js';
import { scanUtf8 } from './utf8.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Bytes of a single-byte encoding from a table of the characters used. */
function legacy(s: string, table: Record<string, number>): Uint8Array {
  return Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (table[c] ?? 0x3f))));
}
const CP1251: Record<string, number> = Object.fromEntries(
  [...'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'].map((c, i) => [c, i < 32 ? 0xe0 + i : 0xc0 + i - 32]),
);
const RUSSIAN =
  'Трамвайное депо снова принимает вагоны после двухлетнего ремонта, сообщили в городском департаменте транспорта. Реконструкция обошлась городу в большие деньги, рабочие заменили кровлю и систему отопления.';
const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodePage', () => {
  it('returns strings as they are', () => {
    expect(decodePage('<p>é</p>', undefined, 100)).toEqual({ html: '<p>é</p>', encoding: null, source: null, truncated: false });
  });

  it('honours a byte-order mark over every declaration', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...[...'<meta charset=windows-1251><p>é'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const d = decodePage(bytes, 'text/html; charset=koi8-r', 1e6);
    expect(d.encoding).toBe('utf-16le');
    expect(d.source).toBe('bom');
    expect(d.html).toContain('<p>é');
  });

  it('takes the Content-Type charset before the <meta> declaration', () => {
    const bytes = legacy(page('<meta charset="iso-8859-5">', RUSSIAN), CP1251);
    const d = decodePage(bytes, 'text/html; charset="Windows-1251"', 1e6);
    expect(d).toMatchObject({ encoding: 'windows-1251', source: 'content-type' });
    expect(d.html).toContain('Трамвайное депо');
  });

  it('reads <meta charset> and http-equiv declarations', () => {
    const bytes = legacy(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', RUSSIAN), CP1251);
    expect(decodePage(bytes, undefined, 1e6)).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
  });

  it('finds a declaration after long inline scripts', () => {
    const head = `<script>${'var x = 1;\n'.repeat(900)}</script><meta charset="windows-1251">`;
    expect(decodePage(legacy(page(head, RUSSIAN), CP1251), undefined, 1e6)).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
  });

  it('guesses the encoding of undeclared legacy bytes', () => {
    const d = decodePage(legacy(page('', RUSSIAN), CP1251), undefined, 1e6);
    expect(d).toMatchObject({ encoding: 'windows-1251', source: 'guess' });
    expect(d.html).toContain('Трамвайное депо');
  });

  it('reads unmistakable UTF-8 as UTF-8 whatever the header or <meta> says', () => {
    const bytes = utf8(page('<meta charset="iso-8859-1">', 'Die Straße ist gesperrt, sagte der Bürgermeister.'));
    expect(decodePage(bytes, undefined, 1e6)).toMatchObject({ encoding: 'utf-8', source: 'utf-8' });
    expect(decodePage(bytes, 'text/html; charset=ISO-8859-1', 1e6).html).toContain('Straße');
  });

  it('guesses when a page declared UTF-8 is not UTF-8', () => {
    const d = decodePage(legacy(page('<meta charset="utf-8">', RUSSIAN), CP1251), undefined, 1e6);
    expect(d).toMatchObject({ encoding: 'windows-1251', source: 'guess' });
  });

  it("reads the page's own declaration, not a guess, when the bytes refute a header's UTF-8", () => {
    // A short text: the statistical guess alone reads these windows-1251 bytes as another encoding (ISO-8859-8).
    const short = 'Цены растут';
    expect(decodePage(legacy(page('', short), CP1251), 'text/html; charset=utf-8', 1e6).encoding).not.toBe('windows-1251');
    for (const head of ['<meta charset="windows-1251">', '<meta http-equiv="Content-Type" content="text/html; charset=cp1251">']) {
      const d = decodePage(legacy(page(head, short), CP1251), 'text/html; charset=utf-8', 1e6);
      expect(d).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
      expect(d.html).toContain(short);
    }
    const xml = legacy(`<?xml version="1.0" encoding="windows-1251"?>${page('', short)}`, CP1251);
    expect(decodePage(xml, 'text/html; charset=UTF-8', 1e6)).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
    // A <meta> that says UTF-8 too is refuted with the header: the guess decides, as before.
    expect(decodePage(legacy(page('<meta charset="utf-8">', RUSSIAN), CP1251), 'text/html; charset=utf-8', 1e6)).toMatchObject({
      encoding: 'windows-1251',
      source: 'guess',
    });
    // Bytes that are UTF-8 keep the header's UTF-8 whatever the <meta> says.
    expect(decodePage(utf8(page('<meta charset="windows-1251">', short)), 'text/html; charset=utf-8', 1e6)).toMatchObject({
      encoding: 'utf-8',
      source: 'content-type',
    });
  });

  it('keeps UTF-8 with a few stray bytes of another encoding as UTF-8', () => {
    const text = page('', `${'Prix : 12 € — « très » cher. '.repeat(5)}`);
    const bytes = Uint8Array.from([...utf8(text), 0xa9, 0x20, 0x32, 0x30]);
    const d = decodePage(bytes, undefined, 1e6);
    expect(d.encoding).toBe('utf-8');
    expect(d.html).toContain('« très »');
  });

  it('decodes windows-1252 with its own characters for 0x80–0x9F', () => {
    const bytes = Uint8Array.from([
      ...ascii('<p>l'),
      0x92,
      ...ascii('arbre '),
      0x80,
      0x20,
      0x9c,
      0x20,
      0x85,
      0x20,
      0x93,
      0x78,
      0x94,
      0x20,
      0x81,
      ...ascii('</p>'),
    ]);
    const d = decodePage(bytes, 'text/html; charset=windows-1252', 1e6);
    expect(d.html).toBe('<p>l\u2019arbre \u20ac \u0153 \u2026 \u201cx\u201d \u0081</p>');
  });

  it('falls back to windows-1252 when nothing decides', () => {
    const bytes = Uint8Array.from([...ascii('<p>caf'), 0xe9, ...ascii('</p>')]);
    const d = decodePage(bytes, undefined, 1e6);
    expect(d.encoding).toBe('windows-1252');
    expect(d.html).toBe('<p>café</p>');
  });

  it('reads an ASCII page as UTF-8', () => {
    expect(decodePage(ascii('<p>plain</p>'), undefined, 1e6)).toMatchObject({ encoding: 'utf-8', source: 'utf-8' });
  });

  it('ignores labels no browser decodes (the "replacement" encodings) and x-user-defined', () => {
    expect(chooseEncoding(ascii('<meta charset="iso-2022-kr"><p>x</p>'), undefined).encoding).toBe('utf-8');
    expect(chooseEncoding(ascii('<p>x</p>'), 'text/html; charset=no-such-thing').encoding).toBe('utf-8');
    const bytes = Uint8Array.from([...ascii('<meta charset="x-user-defined"><p>caf'), 0xe9]);
    expect(chooseEncoding(bytes, undefined)).toEqual({ encoding: 'windows-1252', source: 'meta' });
  });

  it('recognises ISO-2022-JP by its escape sequences', () => {
    // "日本語のニュース記事です。" in ISO-2022-JP, repeated.
    const jis = [
      0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x24, 0x4e, 0x25, 0x4b, 0x25, 0x65, 0x21, 0x3c, 0x25, 0x39, 0x35, 0x2d, 0x3b, 0x76, 0x24, 0x47,
      0x24, 0x39, 0x21, 0x23, 0x1b, 0x28, 0x42,
    ];
    const bytes = Uint8Array.from([...ascii('<p>'), ...Array.from({ length: 20 }, () => jis).flat(), ...ascii('</p>')]);
    const d = decodePage(bytes, undefined, 1e6);
    expect(d.encoding).toBe('iso-2022-jp');
    expect(d.html).toContain('日本語のニュース記事です。');
  });

  it('cuts bytes at the size limit without leaving half a character', () => {
    const bytes = utf8('<p>ééééé</p>');
    const d = decodePage(bytes, undefined, 6); // "<p>é" and the first byte of the second "é"
    expect(d).toMatchObject({ html: '<p>é', encoding: 'utf-8', truncated: true });
  });

  it('cuts strings at the size limit without splitting a surrogate pair', () => {
    const d = decodePage('ab😀cd', undefined, 3);
    expect(d).toMatchObject({ html: 'ab', truncated: true });
  });

  it('never throws on arbitrary bytes and labels', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.option(fc.string({ maxLength: 30 })), fc.integer({ min: 1, max: 4000 }), (bytes, label, max) => {
        const d = decodePage(bytes, label === null ? undefined : `text/html; charset=${label}`, max);
        expect(typeof d.html).toBe('string');
        expect(d.truncated).toBe(bytes.length > max);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scanUtf8', () => {
  it('counts well-formed sequences and invalid bytes', () => {
    expect(scanUtf8(utf8('aé€😀'))).toEqual({ multiByte: 3, invalid: 0 });
    expect(scanUtf8(Uint8Array.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf5, 0xe9, 0x61]))).toMatchObject({ multiByte: 0 });
    expect(scanUtf8(Uint8Array.from([0x61, 0xe2, 0x82]))).toEqual({ multiByte: 0, invalid: 0 }); // cut off at the end
  });

  it('agrees with a fatal streaming decoder', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }).map(utf8)), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
        } catch {
          valid = false;
        }
        expect(scanUtf8(bytes).invalid === 0).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('textSample and guessEncoding', () => {
  it('keeps text and drops markup, comments, scripts and styles', () => {
    const html =
      '<html><head><style>p{x:1}</style><SCRIPT>var a = "<p>é</p>";</SCRIPT></head><body><!-- c --><p class="x">Hello  <b>world</b></p>\n<p>again</p></body>';
    expect(new TextDecoder().decode(textSample(ascii(html)))).toBe('Hello world again ');
  });

  it('has nothing to say about ASCII or empty text', () => {
    expect(guessEncoding(ascii('<p>plain text</p>'))).toBeNull();
    expect(guessEncoding(new Uint8Array(0))).toBeNull();
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const g = guessEncoding(bytes);
        expect(g === null || typeof g === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
