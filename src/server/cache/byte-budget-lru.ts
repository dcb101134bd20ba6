// A map held within a byte budget that a flood of keys read once cannot empty: the page cache and the compressed-bytes cache both keep
// one per kind of page.

type TSlot<V> = { value: V; bytes: number };

/** The share of the budget that values read again may take; the rest always has room for new values. */
const REPEATED_SHARE = 0.8;

/**
 * A segmented LRU. A value starts among the values read once; read again, it moves among the repeated ones, which take at most
 * REPEATED_SHARE of the budget (their least recently used go back among the others beyond it). Over the budget, the least recently
 * used of the values read once go first. A plain LRU let any run of new keys (a crawler's searches, each asked once) push out the
 * searches people ask again and again, each of which then cost a render on its next request.
 */
export class ByteBudgetLru<V> {
  /** Each Map iterates in insertion order, so re-inserting a key makes the front the least recently used. */
  private readonly once = new Map<string, TSlot<V>>();
  private readonly repeated = new Map<string, TSlot<V>>();
  private held = 0;
  private repeatedBytes = 0;
  /** The bytes the values read again may hold: REPEATED_SHARE of the budget. */
  private readonly repeatedLimit: number;

  constructor(readonly limit: number) {
    this.repeatedLimit = limit * REPEATED_SHARE;
  }

  /** The value, now the most recently used of the values read again. */
  get(key: string): V | undefined {
    const kept = this.repeated.get(key);
    if (kept) {
      this.repeated.delete(key);
      this.repeated.set(key, kept);
      return kept.value;
    }
    const found = this.once.get(key);
    if (!found) return undefined;
    // A value past the repeated share would push every other out of it, itself last: it stays among the values read once.
    if (found.bytes > this.repeatedLimit) return found.value;
    this.once.delete(key);
    this.addRepeated(key, found);
    return found.value;
  }

  /**
   * Stores `value` as the most recently used, counting `bytes` for it, and drops the least recently used until within the budget, never
   * the new value itself while another can go. A value read again keeps its place among those (a page stored again when it is
   * regenerated is still the page people ask for); any other starts among the values read once. A value larger than the whole budget is
   * not stored.
   */
  set(key: string, value: V, bytes: number): void {
    const wasRepeated = this.repeated.has(key);
    this.delete(key);
    if (bytes > this.limit) return;
    const slot = { value, bytes };
    this.held += bytes;
    if (wasRepeated && bytes <= this.repeatedLimit) this.addRepeated(key, slot);
    else this.once.set(key, slot);
    for (const pool of [this.once, this.repeated]) {
      for (const [oldest, kept] of pool) {
        if (this.held <= this.limit) return;
        if (oldest !== key) this.drop(pool, oldest, kept);
      }
    }
  }

  delete(key: string): void {
    const pool = this.repeated.has(key) ? this.repeated : this.once;
    const slot = pool.get(key);
    if (slot) this.drop(pool, key, slot);
  }

  clear(): void {
    this.once.clear();
    this.repeated.clear();
    this.held = 0;
    this.repeatedBytes = 0;
  }

  *values(): Generator<V> {
    for (const slot of this.once.values()) yield slot.value;
    for (const slot of this.repeated.values()) yield slot.value;
  }

  /** Moves `slot` in as the most recently used of the values read again; beyond their share, their least recently used go back. */
  private addRepeated(key: string, slot: TSlot<V>): void {
    this.repeated.set(key, slot);
    this.repeatedBytes += slot.bytes;
    for (const [oldest, kept] of this.repeated) {
      if (this.repeatedBytes <= this.repeatedLimit) break;
      this.repeated.delete(oldest);
      this.repeatedBytes -= kept.bytes;
      this.once.set(oldest, kept);
    }
  }

  private drop(pool: Map<string, TSlot<V>>, key: string, slot: TSlot<V>): void {
    pool.delete(key);
    this.held -= slot.bytes;
    if (pool === this.repeated) this.repeatedBytes -= slot.bytes;
  }
}
