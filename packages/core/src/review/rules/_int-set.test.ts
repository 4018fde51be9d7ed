import { describe, expect, it } from 'vitest';
import { IntSet } from './_int-set.ts';

describe('IntSet', () => {
  it('agrees with a Set through additions, growth and clearing', () => {
    const ints = new IntSet(4); // small: it must grow
    const reference = new Set<number>();
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 1;
      return seed % 2000; // collisions and repeats
    };
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 300; k++) {
        const key = next() * 0x7200 + (k % 7); // bigram-like codes, clustered
        ints.add(key);
        reference.add(key);
      }
      expect(ints.size).toBe(reference.size);
      for (const key of reference) expect(ints.has(key)).toBe(true);
      for (let k = 0; k < 300; k++) {
        const key = next() * 0x7200 + 8; // never added
        expect(ints.has(key)).toBe(false);
      }
      ints.clear();
      reference.clear();
      expect(ints.size).toBe(0);
      expect(ints.has(0)).toBe(false);
    }
  });
});
