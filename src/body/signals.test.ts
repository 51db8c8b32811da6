import { describe, expect, it } from 'vitest';
import { DENSE_SCRIPT_WEIGHT, textWeight } from './signals.js';

describe('textWeight', () => {
  it('is 1 for alphabetic scripts and for text without letters', () => {
    expect(textWeight('The water board approved the plan.')).toBe(1);
    expect(textWeight('Совет одобрил план.')).toBe(1);
    expect(textWeight('12:30 — 14:00')).toBe(1);
  });
  it('reaches DENSE_SCRIPT_WEIGHT for Chinese, Japanese and Korean text', () => {
    expect(textWeight('臺中市政府經濟發展局今天宣布')).toBe(DENSE_SCRIPT_WEIGHT);
    expect(textWeight('京都市バスの運賃改定')).toBe(DENSE_SCRIPT_WEIGHT);
    expect(textWeight('부산항 컨테이너 처리량')).toBe(DENSE_SCRIPT_WEIGHT);
  });
  it('is in between for mixed text', () => {
    const w = textWeight('台中 Taichung 夜市 night market');
    expect(w).toBeGreaterThan(1);
    expect(w).toBeLessThan(DENSE_SCRIPT_WEIGHT);
  });
});
