import { describe, expect, it } from "vitest";
import { isArtifact } from "../../src/text/artifacts.js";

describe("isArtifact", () => {
  it.each(["phone", "phones", "teleprinters", "satellite", "equipment"])(
    "GIVEN %j, a made thing in its commonest sense THEN true",
    (word) => {
      expect(isArtifact(word)).toBe(true);
    },
  );

  it.each(["call", "visit", "statement", "agreement", "hotlinez"])(
    "GIVEN %j, an act, a message or no noun at all THEN false",
    (word) => {
      expect(isArtifact(word)).toBe(false);
    },
  );
});
