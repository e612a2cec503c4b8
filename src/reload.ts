/**
 * A {@link Hotline} whose corpus can be reloaded while the bot runs (`hotline start` reloads on
 * `SIGHUP`). Adapters hold the holder, so a reload takes effect for the next event without
 * restarting connections. A reload that fails keeps serving the corpus already loaded.
 */
import { describeError } from "./errors.js";
import type { Hotline } from "./hotline-api.js";

/** The outcome of {@link ReloadableHotline.reload}: expected failures are returned, not thrown. */
export type ReloadResult = { ok: true } | { ok: false; error: { code: string; message: string } };

/** A Hotline that delegates to the current instance, plus `reload()`. */
export interface ReloadableHotline extends Hotline {
  /**
   * Calls the loader again. On success the new instance answers every later call; on failure
   * (e.g. a corrupt corpus file) the old one keeps answering and the error is returned.
   */
  reload(): ReloadResult;
}

/**
 * Loads once with `load` (an error here propagates: a bot that cannot start should not start)
 * and returns a holder. `onReload`, when given, hears every reload outcome (for logging).
 */
export function createReloadableHotline(
  load: () => Hotline,
  onReload?: (result: ReloadResult) => void,
): ReloadableHotline {
  let current = load();
  return {
    ask: (question) => current.ask(question),
    when: (event) => current.when(event),
    timeline: () => current.timeline(),
    today: (monthDay) => current.today(monthDay),
    sources: () => current.sources(),
    suggest: (text, limit) => current.suggest(text, limit),
    reload() {
      let result: ReloadResult;
      try {
        current = load();
        result = { ok: true };
      } catch (error) {
        result = { ok: false, error: describeError(error) };
      }
      onReload?.(result);
      return result;
    },
  };
}
