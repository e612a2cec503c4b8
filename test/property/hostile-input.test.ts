/**
 * Property tests: any string a user can type, through the real core over the real corpus and both
 * platform renderers. No exception, a valid reply with verbatim quotes, messages within the
 * platforms' limits, and nothing that could ping anyone.
 */

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { renderResult as renderDiscord } from "../../adapters/discord/render.js";
import { plainTextFromSlack } from "../../adapters/slack/incoming.js";
import { renderResult as renderSlack } from "../../adapters/slack/render.js";
import { type CommandResult, runCommand } from "../../src/commands/run.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { MAX_QUESTION_LENGTH } from "../../src/hotline-api.js";
import { rejectionText } from "../../src/present/texts.js";
import { cleanQuestion } from "../../src/text/normalize.js";
import {
  assertDiscordMessageSafe,
  assertSlackMessageSafe,
  assertSlackTextSafe,
  HOSTILE_FRAGMENTS,
} from "./safety.js";

const hotline = loadHotline();
const corpus = loadCorpus(defaultCorpusDir());
const paragraphsById = new Map(
  corpus.documents.map((d) => [
    d.meta.id,
    d.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text),
  ]),
);

/** Words the corpus answers about, so generated questions often get real quotes to render. */
const TOPIC_WORDS = [
  "hotline",
  "Beijing",
  "Moscow",
  "Washington",
  "military",
  "first used",
  "when",
  "why",
  "Pentagon",
  "1963",
  "2008",
  "China",
  "Russia",
  "Xinhua",
  "defence",
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 4, arbitrary: fc.constantFrom(...TOPIC_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  // Control characters, including NUL, DEL and the C1 range.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 0x9f })
      .filter((c) => c < 32 || c >= 127)
      .map((c) => String.fromCharCode(c)),
  },
  // A combining-character flood on one letter.
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => `e${"\u0301".repeat(n)}`) },
  { weight: 1, arbitrary: fc.constant(" ") },
);

/** A question of ordinary length (may still exceed the limit with a combining flood). */
const question = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(" "));

/** Questions far over the limit: 10,000 to 30,000 characters. */
const longQuestion = fc
  .tuple(question, fc.integer({ min: 10_000, max: 30_000 }))
  .map(([q, length]) =>
    (q.length > 0 ? q : "hotline ")
      .repeat(Math.ceil(length / Math.max(1, q.length)))
      .slice(0, length),
  );

function checkReply(input: string, command: "ask" | "when"): void {
  const reply = command === "ask" ? hotline.ask(input) : hotline.when(input);
  expect(["answered", "no_answer", "rejected"]).toContain(reply.status);
  if (reply.status === "rejected") {
    expect(rejectionText(reply).length).toBeGreaterThan(0);
    return;
  }
  for (const quote of reply.quotes) {
    const paragraphs = paragraphsById.get(quote.source.id);
    expect(paragraphs, `quote source ${quote.source.id} is a corpus document`).toBeDefined();
    expect(paragraphs?.some((p) => p.includes(quote.text))).toBe(true);
  }
}

async function results(input: string, command: "ask" | "when"): Promise<CommandResult[]> {
  const option = command === "ask" ? "question" : "event";
  const ctx = {
    channel: { platform: "discord" as const, workspaceId: "w", channelId: "c" },
    userId: "u",
    isAdmin: false,
    today: "03-14",
  };
  return [
    await runCommand(hotline, { name: command, options: { [option]: input } }, ctx),
    await runCommand(hotline, { name: command, options: { [option]: input, hide: true } }, ctx),
  ];
}

async function checkRendered(input: string, command: "ask" | "when"): Promise<void> {
  for (const result of await results(input, command)) {
    for (const ephemeral of [true, false]) {
      for (const message of renderDiscord(result, { ephemeral })) assertDiscordMessageSafe(message);
    }
    for (const message of renderSlack(result, {
      shareValue: JSON.stringify({ input }).slice(0, 100),
    })) {
      assertSlackMessageSafe(message);
    }
  }
}

describe("GIVEN any question", () => {
  test("THEN ask and when return a valid reply whose quotes are verbatim corpus text", () => {
    fc.assert(
      fc.property(question, (q) => {
        checkReply(q, "ask");
        checkReply(q, "when");
      }),
      { numRuns: 300 },
    );
  });

  test("THEN the Discord and Slack renderings fit the limits and ping nobody", async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        await checkRendered(q, "ask");
        await checkRendered(q, "when");
      }),
      { numRuns: 200 },
    );
  });

  test("THEN text typed in Slack survives the round trip to plain text and back without live markup", async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const typed = plainTextFromSlack(q, "UBOT0001");
        checkReply(typed, "ask");
        await checkRendered(typed, "ask");
      }),
      { numRuns: 100 },
    );
  });
});

describe("GIVEN a question of 10,000 characters or more", () => {
  test("THEN it is rejected when still over the limit once cleaned, and renders safely on both platforms", async () => {
    await fc.assert(
      fc.asyncProperty(longQuestion, async (q) => {
        // The core cuts combining-mark floods to two marks per letter before measuring, so a
        // flood of 10,000 marks on a few letters is a short question, searched as usual.
        const overLimit = cleanQuestion(q).length > MAX_QUESTION_LENGTH;
        for (const command of ["ask", "when"] as const) {
          const reply = command === "ask" ? hotline.ask(q) : hotline.when(q);
          if (overLimit) expect(reply.status).toBe("rejected");
          else checkReply(q, command);
          await checkRendered(q, command);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("GIVEN each hostile fragment on its own", () => {
  test.each(HOSTILE_FRAGMENTS.map((f) => [JSON.stringify(f), f]))(
    "%s THEN ask and when answer validly and render safely",
    async (_name, text) => {
      for (const command of ["ask", "when"] as const) {
        checkReply(text, command);
        await checkRendered(text, command);
      }
    },
  );
});

describe("GIVEN the safety checks themselves", () => {
  test("THEN they catch live markup, bare ampersands and missing mention suppression", () => {
    for (const bad of ["<!channel>", "hi <@U123>", "a & b", "@here now", "<#C1>"]) {
      expect(() => assertSlackTextSafe(bad, "probe")).toThrow();
    }
    expect(() =>
      assertSlackTextSafe("<https://x.example/a|title> &amp; &lt;!here&gt;", "probe"),
    ).not.toThrow();
    expect(() =>
      assertDiscordMessageSafe({ content: "x", flags: 0, allowedMentions: undefined as never }),
    ).toThrow();
  });

  test("THEN generated questions reach real answers often enough to exercise the renderers", () => {
    const samples = fc.sample(question, { numRuns: 300, seed: 7 });
    const answered = samples.filter((q) => hotline.ask(q).status === "answered").length;
    expect(answered).toBeGreaterThan(30);
  });
});
