/**
 * A set of small non-negative integers (character bigram codes) that is emptied in O(1) and
 * reused from project to project: rules that compare bigrams would otherwise build and drop a
 * `Set` per project, thousands a second. Open addressing over typed arrays; an entry belongs to the
 * set when its stamp is the current generation.
 */
export class IntSet {
  private keys: Int32Array;
  private stamps: Uint32Array;
  private mask: number;
  /** 32 − log2(capacity): the hash's top bits pick the slot */
  private shift: number;
  private gen = 1;
  size = 0;

  constructor(capacity = 256) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  /** Empties the set. */
  clear(): void {
    this.size = 0;
    if (++this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
  }

  has(key: number): boolean {
    const stamps = this.stamps;
    const gen = this.gen;
    for (let h = slotOf(key, this.shift); stamps[h] === gen; h = (h + 1) & this.mask) {
      if (this.keys[h] === key) return true;
    }
    return false;
  }

  add(key: number): void {
    const stamps = this.stamps;
    const gen = this.gen;
    let h = slotOf(key, this.shift);
    for (; stamps[h] === gen; h = (h + 1) & this.mask) if (this.keys[h] === key) return;
    stamps[h] = gen;
    this.keys[h] = key;
    if (++this.size * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const { keys, stamps, gen } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.gen = 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (stamps[i] === gen) this.add(keys[i] ?? 0);
  }
}

/** Fibonacci hashing: bigram codes are clustered, the multiply spreads them over the table. */
function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}
