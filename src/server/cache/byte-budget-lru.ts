// A map held within a byte budget, least recently used dropped first: the page cache and the compressed-bytes cache both keep one per kind of page.

export class ByteBudgetLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;

  constructor(readonly limit: number) {}

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    // A Map iterates in insertion order, so re-inserting makes the front the least recently used.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.value;
  }

  /**
   * Stores `value` as the most recently used, counting `bytes` for it, and drops the least recently used until within the budget. A value
   * larger than the whole budget is not stored (it would evict everything, itself last).
   */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.limit) return;
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.held <= this.limit) break;
      this.entries.delete(oldest);
      this.held -= entry.bytes;
    }
  }

  delete(key: string): void {
    const previous = this.entries.get(key);
    if (!previous) return;
    this.entries.delete(key);
    this.held -= previous.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  *values(): Generator<V> {
    for (const entry of this.entries.values()) yield entry.value;
  }
}
