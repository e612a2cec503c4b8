import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { SLACK_SPLIT } from "../../adapters/slack/message.js";
import { cutText, splitText } from "../../src/present/split.js";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function sentence(n: number): string {
  return `Sentence number ${n} says that the hotline between Beijing and Moscow carried a call about matters of state.`;
}

describe("splitText", () => {
  test("GIVEN any text and limit THEN chunks fit, keep every word in order, and cut no word that fits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z.!?]{1,12}$/), { maxLength: 200 }),
        fc.array(fc.constantFrom(" ", "\n", "\n\n", "  "), { maxLength: 200 }),
        fc.integer({ min: 12, max: 300 }),
        (ws, seps, max) => {
          const text = ws.map((w, i) => `${w}${seps[i] ?? " "}`).join("");
          const chunks = splitText(text, max);
          for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(max);
          expect(chunks.flatMap(words)).toEqual(words(text));
        },
      ),
    );
  });

  test("GIVEN two paragraphs that do not fit together THEN the cut is at the paragraph break", () => {
    const first = "First paragraph. ".repeat(20).trim();
    const second = "Second paragraph. ".repeat(20).trim();
    expect(splitText(`${first}\n\n${second}`, first.length + 40)).toEqual([first, second]);
  });

  test("GIVEN one long paragraph THEN cuts fall after sentence ends", () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    const chunks = splitText(text, 1000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk).toMatch(/\.$/);
  });

  test("GIVEN a single word longer than the limit THEN it is cut and nothing is lost", () => {
    const url = `https://example.org/${"x".repeat(250)}`;
    const chunks = splitText(url, 100);
    expect(chunks.join("")).toBe(url);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(100);
  });
});

describe("splitText with SLACK_SPLIT (escaped mrkdwn)", () => {
  it("GIVEN text shorter than the limit THEN it is one chunk", () => {
    expect(splitText("Short text.", 100)).toEqual(["Short text."]);
  });

  it("GIVEN long prose THEN chunks respect the limit, end at sentence ends, and lose no word", () => {
    const sentence = "The hotline was used for the first time on a Friday morning. ";
    const text = sentence.repeat(200).trim();
    const chunks = splitText(text, 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3000);
      expect(chunk.endsWith(".")).toBe(true);
    }
    expect(chunks.join(" ").split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it("GIVEN words without sentence ends THEN it never cuts a word", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z&;]{1,20}$/), { minLength: 1, maxLength: 400 }),
        (list) => {
          const text = list.join(" ");
          const chunks = splitText(text, 100);
          for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(100);
          expect(chunks.join(" ").split(" ")).toEqual(list);
        },
      ),
    );
  });

  it("GIVEN a cut that would fall inside a link THEN the link moves whole to the next chunk", () => {
    const link = "<https://example.org/a|A title with spaces>";
    const text = `${"word ".repeat(15)}${link} after`;
    const chunks = splitText(text, 100, SLACK_SPLIT);
    expect(chunks.some((c) => c.includes(link))).toBe(true);
  });

  it("GIVEN a word longer than the limit THEN it is cut, but never inside an entity", () => {
    const chunks = splitText(`${"x".repeat(98)}&amp;${"y".repeat(50)}`, 100, SLACK_SPLIT);
    expect(chunks[0]).toBe("x".repeat(98));
    expect(chunks[1]?.startsWith("&amp;")).toBe(true);
  });
});

describe("cutText", () => {
  it("GIVEN text that fits THEN it is returned unchanged", () => {
    expect(cutText("Short text.", 11)).toBe("Short text.");
  });

  it("GIVEN text too long THEN it is cut at a word and ends in an ellipsis within the limit", () => {
    const cut = cutText("The Beijing Moscow hotline opened in 2008", 20);
    expect(cut).toBe("The Beijing Moscow…");
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it("GIVEN a sentence end within reach THEN the cut prefers it to a later space", () => {
    expect(cutText("First sentence here. Then more words follow on", 30)).toBe(
      "First sentence here.…",
    );
  });

  it("GIVEN a limit below 1 THEN splitText refuses it with a RangeError", () => {
    expect(() => splitText("text", 0)).toThrow(RangeError);
  });
});
