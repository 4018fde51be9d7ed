import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from './decode-text.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '项目名称'))).toEqual({ text: '项目名称' });
  });

  it('calls bytes with NUL binary, naming the line', () => {
    expect(decodeUtf8(bytes('a\nb\n', [0]))).toEqual({ notText: { line: 3, binary: true } });
  });

  it('names the line of the first byte that is not UTF-8 (GBK 中文)', () => {
    expect(decodeUtf8(bytes('一\n二\n', [0xd6, 0xd0, 0xce, 0xc4]))).toEqual({
      notText: { line: 3, binary: false },
    });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [bytes('abc项目'), 9],
    [bytes('ab', [0xc0, 0xaf]), 2], // overlong
    [bytes([0xed, 0xa0, 0x80]), 0], // surrogate
    [bytes('x', [0xe9, 0xa1]), 1], // truncated
    [bytes([0xf4, 0x90, 0x80, 0x80]), 0], // above U+10FFFF
    [bytes([0xf0, 0x9f, 0x98, 0x80]), 4], // 😀
  ])('finds the first bad byte in %o', (input, offset) => {
    expect(firstInvalidUtf8(input)).toBe(offset);
  });
});
