import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, fastCheckSeed } from "../fast-check-seed.js";

describe("property test seed", () => {
  it("GIVEN the suite's setup THEN every property runs with the fixed seed, the same on every run", () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSeed());
    const draw = () => fc.sample(fc.integer(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });

  it("GIVEN FC_SEED unset or not a number THEN the default seed; GIVEN a number THEN that one", () => {
    const saved = process.env.FC_SEED;
    try {
      delete process.env.FC_SEED;
      expect(fastCheckSeed()).toBe(DEFAULT_SEED);
      process.env.FC_SEED = "abc";
      expect(fastCheckSeed()).toBe(DEFAULT_SEED);
      process.env.FC_SEED = "42";
      expect(fastCheckSeed()).toBe(42);
    } finally {
      if (saved === undefined) delete process.env.FC_SEED;
      else process.env.FC_SEED = saved;
    }
  });
});
