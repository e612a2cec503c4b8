/**
 * The console adapter: what `npm start` runs when no Discord or Slack credentials are set.
 * On a terminal it is an interactive prompt; without one it answers each line of standard input
 * and exits at the end of input. A line is what you would type after `/hotline`.
 */

import { createInterface } from "node:readline";
import { parseCommandText } from "../../src/commands/parse.js";
import { runCommand } from "../../src/commands/run.js";
import type { Hotline } from "../../src/hotline-api.js";
import type { DayDigest } from "../../src/model.js";
import type { ChannelRef, PostSender, SubscriptionService } from "../../src/schedule/types.js";
import { digestText } from "./digest.js";
import { renderResult } from "./render.js";

/** What the console needs. */
export interface ConsoleOptions {
  hotline: Hotline;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt and a greeting (default: whether `input` is a terminal). */
  interactive?: boolean;
  /**
   * Today's local date `YYYY-MM-DD` (or a bare `MM-DD`) for `today`; called per line, so a long
   * session follows the date.
   */
  today: () => string;
  subscriptions?: SubscriptionService | undefined;
}

/** The console's one channel, for subscriptions made at the prompt. */
const CONSOLE_CHANNEL: ChannelRef = {
  platform: "console",
  workspaceId: "local",
  channelId: "console",
};

/**
 * Prints on-this-day posts to the terminal: what a subscribed channel would get, for trying the
 * schedule out locally (`subscribe 09:00 Europe/London` at the prompt). A post is one part (the
 * terminal has no length limit). A terminal keeps no record of what it printed, so `checkPart`
 * always answers `unknown`: a post interrupted mid-print is never printed again (at most once).
 */
export function createConsoleSender(output: NodeJS.WritableStream): PostSender {
  return {
    platform: "console",
    owns: (channel) => channel.platform === "console",
    renderParts: (digest: DayDigest) => [`\n${digestText(digest)}\n`],
    async sendPart(_channel: ChannelRef, part: unknown) {
      output.write(String(part));
    },
    checkPart: async () => "unknown",
  };
}

/** Answers one console line; exported for tests and the main command. */
export async function answerLine(
  line: string,
  options: Pick<ConsoleOptions, "hotline" | "today" | "subscriptions">,
): Promise<string> {
  const text = line.replace(/^\s*\/?hotline\b/i, "");
  const invocation = parseCommandText(text);
  const result = await runCommand(options.hotline, invocation, {
    channel: CONSOLE_CHANNEL,
    userId: "console",
    // Whoever runs the process owns it: the console may manage subscriptions.
    isAdmin: true,
    subscriptions: options.subscriptions,
    today: options.today(),
  });
  return renderResult(result);
}

/** Runs the console until end of input (or `quit`). Resolves when done. */
export function runConsole(options: ConsoleOptions): Promise<void> {
  const interactive = options.interactive ?? Boolean((options.input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({
    input: options.input,
    output: interactive ? options.output : undefined,
    terminal: interactive,
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  if (interactive) {
    write(
      "hotline — ask about the China, Russia and US military hotlines. Type 'help', or 'quit' to leave.",
    );
    rl.setPrompt("hotline> ");
    rl.prompt();
  }
  return new Promise((resolve) => {
    let first = true;
    // Answers are asynchronous (subscribing writes to the store); chaining them keeps the
    // output in the order the lines came, and the end waits for the last answer.
    let answered: Promise<void> = Promise.resolve();
    rl.on("line", (line) => {
      const trimmed = line.trim();
      if (/^(quit|exit|\.exit)$/i.test(trimmed)) {
        rl.close();
        return;
      }
      answered = answered.then(async () => {
        if (trimmed !== "") {
          if (!interactive && !first) write("");
          first = false;
          try {
            write(await answerLine(trimmed, options));
          } catch (error) {
            // One bad line never ends the session.
            write(`Sorry, that failed: ${(error as Error).message}`);
          }
        }
        if (interactive) rl.prompt();
      });
    });
    rl.on("close", () => void answered.then(() => resolve()));
  });
}
