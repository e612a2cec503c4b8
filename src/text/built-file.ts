/**
 * Reading the small files the build writes beside compiled modules (word lists, tables), so a
 * command does not load the large package each comes from. Run from source (tests), where the
 * file is absent, the same content is computed from the package instead.
 */
import { readFileSync } from "node:fs";

/**
 * `parse` of the file at `file`, or `compute()` when it cannot be read or parsed. The build
 * writes what `compute` returns, so both give the same content.
 */
export function builtOr<T>(file: URL, parse: (text: string) => T, compute: () => T): T {
  try {
    return parse(readFileSync(file, "utf8"));
  } catch {
    return compute();
  }
}

/** Orders strings by code unit, as `<` compares them: the order a binary search of a list needs. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
