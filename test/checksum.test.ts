import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Checksum, checksum } from "../src/checksum.js";

describe("checksum", () => {
  it("GIVEN the same bytes as a string or a buffer THEN the digest is the same 16 hex digits", () => {
    const text = "Пекин–Moscow line, 14 March 2008";
    expect(checksum(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(checksum(Buffer.from(text, "utf8"))).toBe(checksum(text));
  });

  it("GIVEN one bit changed anywhere, or a byte added THEN the digest changes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.nat(7),
        (bytes, at, bit) => {
          const flipped = Uint8Array.from(bytes);
          const i = at % bytes.length;
          flipped[i] = (flipped[i] ?? 0) ^ (1 << bit);
          expect(checksum(flipped)).not.toBe(checksum(bytes));
          expect(checksum(Uint8Array.from([...bytes, 0]))).not.toBe(checksum(bytes));
        },
      ),
    );
  });

  it("GIVEN runs of zero bytes of different lengths THEN each has its own digest", () => {
    const digests = Array.from({ length: 12 }, (_, n) => checksum(new Uint8Array(n)));
    expect(new Set(digests).size).toBe(12);
  });

  it("GIVEN a buffer that starts at an odd offset of a larger one THEN only its own bytes count", () => {
    const whole = Buffer.from("xxthe corpus file");
    expect(checksum(whole.subarray(2))).toBe(checksum("the corpus file"));
  });

  it("GIVEN pieces given one by one THEN the digest depends on the pieces in order", () => {
    const ab = new Checksum().update("a\0").update("b\0").digest();
    expect(new Checksum().update("a\0").update("b\0").digest()).toBe(ab);
    expect(new Checksum().update("b\0").update("a\0").digest()).not.toBe(ab);
  });
});
