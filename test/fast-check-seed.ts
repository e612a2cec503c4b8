/**
 * Every property test runs with one fixed seed, so a run is repeatable and a failure replays
 * exactly: `FC_SEED` (default {@link DEFAULT_SEED}). The global setup prints it once per run. A
 * test that passes its own `seed` keeps it (and prints it in its name).
 */
import fc from "fast-check";

/** The seed when `FC_SEED` is unset. */
export const DEFAULT_SEED = 20261203;

/** The seed of this run. */
export function fastCheckSeed(): number {
  const raw = process.env.FC_SEED;
  return raw && /^-?\d+$/.test(raw) ? Number(raw) : DEFAULT_SEED;
}

fc.configureGlobal({ seed: fastCheckSeed() });
