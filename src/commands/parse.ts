/**
 * Parses command text as typed in Slack (`/hotline when the line opened`) or at the console
 * prompt into an {@link Invocation}. A first word that is not a subcommand means `ask`.
 * Flags: `--hide` (only you see it), `--public` (everyone sees it); both are removed from the text.
 */
import type { Invocation } from "./run.js";
import { findSubcommand } from "./spec.js";

/** Splits `text` into subcommand and options. Empty text yields `help`. */
export function parseCommandText(text: string): Invocation {
  let hide: boolean | undefined;
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => {
      const flag = word.toLowerCase();
      if (flag === "--hide" || flag === "--private") hide = true;
      else if (flag === "--public") hide = false;
      else return word !== "";
      return false;
    });
  const first = words[0];
  if (first === undefined) return { name: "help", options: {} };
  const spec = findSubcommand(first);
  const rest = spec ? words.slice(1) : words;
  const name = spec ? spec.name : "ask";
  const joined = rest.join(" ");
  switch (name) {
    case "ask":
      return { name, options: { question: joined, hide } };
    case "when":
      return { name, options: { event: joined, hide } };
    case "subscribe": {
      // `[HH:MM] [timezone]` in either order: a word with a colon or only digits is the time.
      const time = rest.find((w) => /^\d{1,2}(:\d{2})?$/.test(w));
      const timezone = rest.find((w) => w !== time);
      return { name, options: { time, timezone } };
    }
    default:
      return { name, options: { hide } };
  }
}
