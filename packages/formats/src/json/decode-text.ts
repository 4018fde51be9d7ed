/**
 * Input bytes to text. Disclosures are UTF-8; anything else (a PDF or Excel file renamed, a GBK
 * export) is refused with the line of the first byte that is not text, rather than read as garbage.
 */

/** Why the bytes are not UTF-8 text, and where. */
export interface NotText {
  line: number;
  /** NUL bytes: binary, not text in any encoding */
  binary: boolean;
}

/** Decodes UTF-8 (dropping a byte-order mark), or says where the bytes stop being text. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { notText: NotText } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { notText: { line: lineAt(bytes, nul), binary: true } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { notText: { line: lineAt(bytes, bad), binary: false } };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
