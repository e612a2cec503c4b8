/**
 * Every door gives the same answer for the same input: the console line, the one-shot CLI, a
 * Slack `/hotline` text or mention (parsed text) and a Discord slash command (typed options)
 * all reach runCommand with the same invocation and get the same result.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { runOneShot } from "../../adapters/cli/answer.js";
import { answerLine } from "../../adapters/cli/console.js";
import { parseCommandText } from "../../src/commands/parse.js";
import { type CommandContext, type Invocation, runCommand } from "../../src/commands/run.js";
import { type ArgumentsOf, readArguments } from "../../src/commands/spec.js";
import { loadHotline } from "../../src/hotline.js";

const hotline = loadHotline();
const TODAY = "2027-02-28";
const context: CommandContext = {
  channel: { platform: "console", workspaceId: "local", channelId: "console" },
  userId: "u",
  isAdmin: false,
  today: TODAY,
};

const CASES: { text: string; slash: Invocation; cli: [string, string[]] }[] = [
  {
    text: "ask what is the Beijing-Moscow hotline for?",
    slash: { name: "ask", options: { question: "what is the Beijing-Moscow hotline for?" } },
    cli: ["ask", ["what", "is", "the", "Beijing-Moscow", "hotline", "for?"]],
  },
  {
    text: "when the Sino-Russian hotline was set up",
    slash: { name: "when", options: { event: "the Sino-Russian hotline was set up" } },
    cli: ["when", ["the Sino-Russian hotline was set up"]],
  },
  { text: "timeline", slash: { name: "timeline", options: {} }, cli: ["timeline", []] },
  { text: "today", slash: { name: "today", options: {} }, cli: ["today", []] },
  { text: "sources", slash: { name: "sources", options: {} }, cli: ["sources", []] },
];

describe.each(CASES)("GIVEN '$text'", ({ text, slash, cli }) => {
  it("THEN Slack's parsed text and Discord's typed options give the same result", async () => {
    expect(await runCommand(hotline, parseCommandText(text), context)).toEqual(
      await runCommand(hotline, slash, context),
    );
  });

  it("THEN the one-shot CLI prints exactly what the console prints", async () => {
    const [name, positionals] = cli;
    const printed = await runOneShot(
      name as Parameters<typeof runOneShot>[0],
      positionals,
      { json: false },
      hotline,
      TODAY,
    );
    expect(printed).toBe(await answerLine(text, { hotline, today: () => TODAY }));
  });
});

describe("ArgumentsOf and readArguments", () => {
  it("GIVEN the as-const spec THEN option types are derived per subcommand", () => {
    expectTypeOf<ArgumentsOf<"ask">>().toEqualTypeOf<{ question?: string; hide?: boolean }>();
    expectTypeOf<ArgumentsOf<"subscribe">>().toEqualTypeOf<{ time?: string; timezone?: string }>();
    // biome-ignore lint/complexity/noBannedTypes: `help` takes no arguments: exactly the empty object type.
    expectTypeOf<ArgumentsOf<"help">>().toEqualTypeOf<{}>();
  });

  it("GIVEN raw options THEN only declared options of the declared type are kept", () => {
    expect(readArguments("ask", { question: "why?", hide: "yes", extra: "x", event: "e" })).toEqual(
      { question: "why?" },
    );
    expect(readArguments("when", { event: "opened", hide: true })).toEqual({
      event: "opened",
      hide: true,
    });
  });
});
