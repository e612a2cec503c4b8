/** The in-memory {@link SeenKeys} of one process: Slack redeliveries and replayed signatures. */

import type { SeenKeys } from "./seen-keys.js";

/** Options of {@link MemorySeenKeys}. */
export interface MemorySeenKeysOptions {
  /**
   * Most keys kept; past it the oldest is forgotten first, even before it expires (so memory
   * stays bounded under a flood, at the price of forgetting early). Default 50,000 (8 MB of heap measured with signature keys).
   */
  maxEntries?: number | undefined;
  /** Clock in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * Remembers keys until they expire, bounded. Keys are only ever added after a request's
 * signature is verified, so an unauthenticated sender cannot fill it.
 */
export class MemorySeenKeys implements SeenKeys {
  /** Key → expiry time; Map iteration is insertion order, so the first keys are the oldest. */
  private readonly keys = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemorySeenKeysOptions = {}) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** Number of keys held (expired ones included until they are swept). */
  get size(): number {
    return this.keys.size;
  }

  /** See {@link SeenKeys.firstSeen}. Synchronous inside, hence atomic in one process. */
  firstSeen(key: string, ttlMs: number): Promise<boolean> {
    return Promise.resolve(this.firstSeenNow(key, ttlMs));
  }

  private firstSeenNow(key: string, ttlMs: number): boolean {
    const time = this.now();
    const expires = this.keys.get(key);
    if (expires !== undefined && time < expires) return false;
    this.keys.delete(key);
    this.keys.set(key, time + ttlMs);
    // Sweep from the oldest: expired keys, and any past the bound.
    for (const [old, oldExpires] of this.keys) {
      if (this.keys.size <= this.maxEntries && time < oldExpires) break;
      this.keys.delete(old);
    }
    return true;
  }
}
