/**
 * The "have we seen this before?" memory of the Slack adapter, as one small interface in a file
 * of its own (no Slack or Bolt import) so that another backing can be dropped in without
 * touching the adapter: today {@link MemorySeenKeys} (`recent-keys.ts`, one process); later a
 * store shared by several processes (PostgreSQL, see the several-machines issue), so a request
 * replayed to, or an event retried on, another process is still recognised.
 *
 * Two kinds of keys go through it: `signature:<x-slack-signature>` (replayed signed requests,
 * `request-guard.ts`) and `event:<event_id>` / `message:<channel>:<ts>` (Slack's redeliveries
 * of an event, `mention.ts`).
 */
export interface SeenKeys {
  /**
   * Records `key` and resolves true when it had not been seen within the last `ttlMs`
   * milliseconds; resolves false for a repeat (the first sighting's expiry is kept, so repeats
   * do not extend it). Must be atomic: of two concurrent calls with one key, exactly one
   * resolves true. An implementation that cannot answer rejects (the caller then fails closed).
   */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}
