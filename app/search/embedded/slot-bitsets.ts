/**
 * One bitset per facet value over document slots (small integers the corpus hands out and
 * reuses). Filters become ORs and ANDs of bitsets and facet counts become popcounts, which keeps
 * both fast over tens of thousands of documents: walking that many separate objects costs more
 * than the arithmetic.
 */

const BITS_PER_WORD = 32;

/** Words past a bitset's end have no slot set: reads below take them as 0. */
export type Bitset = Uint32Array;

export function hasSlot(bits: Bitset, slot: number): boolean {
  return ((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
}

export function addSlot(bits: Bitset, slot: number): void {
  bits[slot >>> 5] = (bits[slot >>> 5] ?? 0) | (1 << (slot & 31));
}

function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The slots set in a bitset, lowest first. */
export function slotsIn(bits: Bitset): number[] {
  const slots: number[] = [];
  for (let i = 0; i < bits.length; i++) {
    let word = bits[i] ?? 0;
    while (word !== 0) {
      // The lowest set bit: its index is 31 minus the zeros above it once it stands alone.
      const lowest = word & -word;
      slots.push(i * BITS_PER_WORD + 31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
  return slots;
}

/** How many slots are set in both bitsets. */
export function countShared(a: Bitset, b: Bitset): number {
  let count = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const shared = (a[i] ?? 0) & (b[i] ?? 0);
    if (shared !== 0) count += popcount(shared);
  }
  return count;
}

export class SlotBitsets {
  private words = 64;
  private readonly byFacet = new Map<string, Map<string, Bitset>>();

  /** A bitset with no slot set, as long as the others. */
  empty(): Bitset {
    return new Uint32Array(this.words);
  }

  bits(facet: string, value: string): Bitset | undefined {
    return this.byFacet.get(facet)?.get(value);
  }

  valuesOf(facet: string): ReadonlyMap<string, Bitset> {
    return this.byFacet.get(facet) ?? new Map();
  }

  /** The union of the bitsets of these values. */
  anyOf(facet: string, values: readonly string[]): Bitset {
    const union = this.empty();
    for (const value of values) {
      const bits = this.bits(facet, value);
      if (!bits) continue;
      for (let i = 0; i < union.length; i++) union[i] = (union[i] ?? 0) | (bits[i] ?? 0);
    }
    return union;
  }

  add(slot: number, facet: string, value: string): void {
    this.ensureCapacity(slot);
    let values = this.byFacet.get(facet);
    if (!values) this.byFacet.set(facet, (values = new Map()));
    let bits = values.get(value);
    if (!bits) values.set(value, (bits = this.empty()));
    addSlot(bits, slot);
  }

  remove(slot: number, facet: string, value: string): void {
    const bits = this.bits(facet, value);
    if (bits) bits[slot >>> 5] = (bits[slot >>> 5] ?? 0) & ~(1 << (slot & 31));
  }

  private ensureCapacity(slot: number): void {
    if (slot < this.words * BITS_PER_WORD) return;
    while (slot >= this.words * BITS_PER_WORD) this.words *= 2;
    for (const values of this.byFacet.values()) {
      for (const [value, bits] of values) {
        const grown = this.empty();
        grown.set(bits);
        values.set(value, grown);
      }
    }
  }
}
