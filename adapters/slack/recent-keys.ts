/** Duplicate-delivery memory for Slack events (Slack retries an event it thinks was missed). */

/**
 * Remembers keys for a while, to drop redelivered events. Bounded: the oldest key goes first
 * when full, and keys expire after `ttlMs` (Slack retries within minutes, so an hour is ample).
 */
export class RecentKeys {
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** True when `key` was seen within the expiry; otherwise records it and returns false. */
  seen(key: string): boolean {
    const time = this.now();
    const at = this.keys.get(key);
    if (at !== undefined && time - at < this.ttlMs) return true;
    this.keys.delete(key);
    this.keys.set(key, time);
    // Map iteration is insertion order, so the first keys are the oldest.
    for (const [old, oldAt] of this.keys) {
      if (this.keys.size <= this.maxEntries && time - oldAt < this.ttlMs) break;
      this.keys.delete(old);
    }
    return false;
  }
}
