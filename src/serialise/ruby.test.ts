import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';

describe('ruby annotations in the body', () => {
  it('leave every form of the body with the base text only', () => {
    const para = (n: number) =>
      `<p>${n}: <ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が<ruby>子<rt>こ</rt></ruby>どもを<ruby>教育<rt>きょういく</rt></ruby>するために、たたいたりすることを禁止することになりました。これからは家でも学校でも同じ決まりになります。</p>`;
    const html = `<!doctype html><html lang="ja"><head><title>体罰を禁止する法律</title></head><body><article><h1><ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律</h1>${[1, 2, 3, 4].map(para).join('')}</article></body></html>`;
    const a = extract(html);
    expect(a.headline).toBe('体罰を禁止する法律');
    expect(a.body.text).toContain('子どもへの虐待をなくすための法律ができて、親が子どもを教育するために');
    for (const form of [a.body.text, a.body.markdown, a.body.html]) expect(form).not.toMatch(/ぎゃくたい|ほうりつ/);
  });
});
