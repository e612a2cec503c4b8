/**
 * Starting the bot: the console when no platform is configured. Platform wiring is added here.
 */
import type { Config } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { runConsole } from "./console.js";
import { monthDayIn, UsageError } from "./main.js";

/** `hotline start`. */
export async function start(config: Config, corpusDir: string): Promise<number> {
  const hotline = loadHotline({ corpusDir });
  await runConsole({ hotline, input: process.stdin, output: process.stdout, today: () => monthDayIn(config.timezone) });
  return 0;
}

/** `hotline discord register`. */
export async function discordCommand(
  _positionals: string[],
  _values: { guild?: string | undefined },
  _config: Config,
  _print: (text: string) => void,
): Promise<number> {
  throw new UsageError("discord register is not available yet");
}
