import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToWan, fenToYuan, formatYuan, parseWan, parseYuan, percent, yuanToFen } from './money.ts';

const MAX = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 fen = 90,071,992,547,409.91 元

describe('yuanToFen', () => {
  it.each([
    ['5850000.00', 585_000_000],
    ['0.00', 0],
    ['0.05', 5],
    ['0.50', 50],
    ['-1.50', -150],
    ['-0.00', 0], // a plain 0, not -0 (`toBe` tells them apart)
    ['007.00', 700],
    ['90071992547409.91', MAX],
    ['-90071992547409.91', -MAX],
  ])('%s → %s', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    ['one decimal', '1.5'],
    ['three decimals', '1.234'],
    ['no decimals', '1800'],
    ['separators', '1,000.00'],
    ['a leading space', ' 1.00'],
    ['a plus sign', '+1.00'],
    ['nothing before the point', '.50'],
    ['full-width digits', '１.00'],
    ['empty', ''],
    ['2^53 fen', '90071992547409.92'],
    ['a 20-digit amount', '123456789012345678.00'],
  ])('refuses %s (%s)', (_what, yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });
});

describe('parseYuan', () => {
  it.each([
    ['5,850,000.00', 585_000_000],
    ['5850000.00', 585_000_000],
    ['3680000', 368_000_000],
    ['1,000', 100_000],
    ['1.5', 150],
    ['0', 0],
    [' 12.30 ', 1230],
    ['-1,000.00', -100_000],
    ['-0.5', -50],
    ['-0.00', 0],
    ['90,071,992,547,409.91', MAX],
  ])('%s → %s', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each([
    ['a letter O for a zero', '5,85O,000.00'],
    ['a group of four', '1,2345.00'],
    ['a group of two', '12,34'],
    ['nothing before the point', '.5'],
    ['three decimals', '1.234'],
    ['three decimals after separators', '1,000,000.000'],
    ['a bare point', '1.'],
    ['a unit', '1.00元'],
    ['a space as separator', '1 000.00'],
    ['full-width digits', '１２'],
    ['a lone minus', '-'],
    ['empty', ''],
    ['2^53 fen', '90071992547409.92'],
  ])('refuses %s (%s)', (_what, text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe('parseWan', () => {
  it.each([
    ['349.80', 349_800_000], // 349.80 万元 = 3,498,000.00 元
    ['22,614.51', 22_614_510_000],
    ['1800', 1_800_000_000],
    ['3022.49', 3_022_490_000],
    ['0.000001', 1], // one fen
    ['1.2300000', 1_230_000], // trailing zeros beyond fen precision are harmless
    ['-3.5', -3_500_000],
    ['0', 0],
  ])('%s → %s', (text, fen) => {
    expect(parseWan(text)).toBe(fen);
  });

  it.each([
    ['below fen precision', '0.0000001'],
    ['nothing before the point', '.5'],
    ['a group of four', '1,2345'],
    ['a unit', '1800万'],
    ['empty', ''],
  ])('refuses %s (%s)', (_what, text) => {
    expect(parseWan(text)).toBeNull();
  });
});

describe('fenToYuan', () => {
  it.each([
    [585_000_000, '5850000.00'],
    [0, '0.00'],
    [-0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [99, '0.99'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-99, '-0.99'],
    [-150, '-1.50'],
    [MAX, '90071992547409.91'],
    [-MAX, '-90071992547409.91'],
  ])('%s → %s', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])('throws on %s, which is no number of fen', (fen) => {
    expect(() => fenToYuan(fen)).toThrow(RangeError);
  });

  it('is the inverse of yuanToFen on every safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatYuan', () => {
  it.each([
    [585_000_000, '5,850,000.00'],
    [0, '0.00'],
    [5, '0.05'],
    [99_999, '999.99'],
    [100_000, '1,000.00'],
    [100_000_000_000, '1,000,000,000.00'],
    [-5, '-0.05'],
    [-123_456_789, '-1,234,567.89'],
    [MAX, '90,071,992,547,409.91'],
  ])('%s → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('reads back with parseYuan', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fenToWan', () => {
  it.each([
    [3_022_486_500, '3022.49'], // 30,224,865.00 元
    [3_022_485_000, '3022.49'], // exactly 3022.485 万: half up
    [3_022_484_999, '3022.48'],
    [5_000, '0.01'], // exactly 0.005 万
    [4_999, '0.00'],
    [15_000, '0.02'],
    [25_000, '0.03'],
    [1_800_000_000, '1800.00'],
    [0, '0.00'],
    [-5_000, '-0.01'], // half away from zero
    [-15_000, '-0.02'],
    [-4_999, '0.00'], // not "-0.00"
    [MAX, '9007199254.74'],
  ])('%s fen → %s 万', (fen, wan) => {
    expect(fenToWan(fen)).toBe(wan);
  });

  it('agrees with parseWan on amounts in whole hundredths of 万', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (h) => {
        const fen = h * 10_000;
        expect(parseWan(fenToWan(fen))).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('throws on a non-integer', () => {
    expect(() => fenToWan(0.5)).toThrow(RangeError);
  });
});

describe('percent', () => {
  it.each([
    [8_000_000, 23_362_500, '34.24'], // 80,000.00 of 233,625.00 元
    [1, 3, '33.33'],
    [2, 3, '66.67'],
    [3, 3, '100.00'],
    [5, 4, '125.00'],
    [0, 5, '0.00'],
    [1, 20_000, '0.01'], // exactly 0.005 %: half up
    [3, 20_000, '0.02'], // exactly 0.015 %
    [1, 40_000, '0.00'], // 0.0025 %
    [-1, 3, '-33.33'],
    [1, -3, '-33.33'],
    [-1, -3, '33.33'],
    [-1, 20_000, '-0.01'], // half away from zero, as fenToWan
    [-3, 20_000, '-0.02'],
    [-1, 40_000, '0.00'], // not "-0.00"
    [785_603_497_829, 894_102_882_637, '87.86'], // 87.8649999…: floating point division said 87.87
    [900_719_925_474_099, 900_719_925_474_100, '100.00'],
    [MAX, 1, '900719925474099100.00'],
  ])('%s of %s → %s', (part, whole, pct) => {
    expect(percent(part, whole)).toBe(pct);
  });

  it('is null of nothing', () => {
    expect(percent(1, 0)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });

  it('rounds half up (away from zero) exactly', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (part, whole) => {
        fc.pre(whole !== 0);
        // reference: the exact quotient in ten-thousandths, rounded by hand
        const num = BigInt(Math.abs(part)) * 10_000n;
        const den = BigInt(Math.abs(whole));
        const q = num / den;
        const up = (num % den) * 2n >= den ? 1n : 0n;
        const n = q + up;
        const sign = n !== 0n && part < 0 !== whole < 0 ? '-' : '';
        const s = n.toString().padStart(3, '0');
        expect(percent(part, whole)).toBe(`${sign}${s.slice(0, -2)}.${s.slice(-2)}`);
      }),
      { numRuns: 2000 },
    );
  });
});
