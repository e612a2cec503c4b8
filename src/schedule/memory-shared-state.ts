/**
 * The one-process {@link SharedState}: seen keys and rate-limit windows in two Maps, each
 * bounded. Used with the SQLite store (one process serves the bot); several processes need the
 * PostgreSQL one (`pg-store.ts`), since memory is not shared between them.
 */
import type { SharedState } from "./store.js";

/** Options of {@link createMemorySharedState}. */
export interface MemorySharedStateOptions {
  /**
   * Most live entries kept per kind (seen keys, rate windows). Default 100,000 (a few MB).
   * When full, expired entries go first, then the oldest: a flood of new keys can then make
   * the oldest seen key count as new again, which bounds memory at the cost of a rare repeat.
   */
  maxEntries?: number;
}

/** Creates an in-memory SharedState; see {@link MemorySharedStateOptions} for its bounds. */
export function createMemorySharedState(options: MemorySharedStateOptions = {}): SharedState {
  const maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 100_000));
  // Insertion order is age order: a Map iterates its keys in the order they were set, and every
  // (re)insert below deletes first, so the first key is always the oldest.
  const seen = new Map<string, number>();
  const windows = new Map<string, { count: number; expiresAt: number }>();

  const makeRoom = <V>(map: Map<string, V>, expiresAt: (value: V) => number, now: number) => {
    if (map.size < maxEntries) return;
    for (const [key, value] of map) if (expiresAt(value) <= now) map.delete(key);
    while (map.size >= maxEntries) {
      const oldest = map.keys().next().value as string;
      map.delete(oldest);
    }
  };

  return {
    async firstSeen(key, ttlMs, at) {
      const now = at.getTime();
      const expiresAt = seen.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      seen.delete(key);
      makeRoom(seen, (value) => value, now);
      seen.set(key, now + ttlMs);
      return true;
    },
    async hit(key, windowMs, at) {
      const now = at.getTime();
      const start = Math.floor(now / windowMs) * windowMs;
      const id = `${start}\u0000${key}`;
      const window = windows.get(id);
      if (window) return ++window.count;
      makeRoom(windows, (value) => value.expiresAt, now);
      windows.set(id, { count: 1, expiresAt: start + windowMs });
      return 1;
    },
    async cleanup(at) {
      const now = at.getTime();
      let removed = 0;
      for (const [key, expiresAt] of seen) {
        if (expiresAt <= now) {
          seen.delete(key);
          removed++;
        }
      }
      for (const [id, window] of windows) {
        if (window.expiresAt <= now) {
          windows.delete(id);
          removed++;
        }
      }
      return removed;
    },
  };
}
