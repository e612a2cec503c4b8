/**
 * The one `/hotline` command spec. Discord registers it as slash-command options, Slack parses
 * `/hotline <text>` against it, and the console reads lines with it: one behaviour, several doors.
 * Declared `as const` so option names and types are checked wherever they are read.
 */

import { MAX_QUESTION_LENGTH } from "../hotline-api.js";

/** Option kinds every platform can express. */
export type OptionType = "string" | "boolean";

/** One option of a subcommand. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  readonly type: OptionType;
  readonly required: boolean;
  /** Discord: offer autocomplete from the timeline (only for string options). */
  readonly autocomplete?: boolean;
  /** Longest accepted string (Discord enforces it in the client too). */
  readonly maxLength?: number;
}

/** One `/hotline` subcommand. */
export interface SubcommandSpec {
  readonly name: SubcommandName;
  readonly description: string;
  /** One-line usage for help texts, platform-neutral (`/hotline when <event>`). */
  readonly usage: string;
  readonly options: readonly OptionSpec[];
  /** Only server/workspace admins may run it (Discord: Manage Server; Slack: admins or a list). */
  readonly admin: boolean;
  /** Whether answers go to everyone by default; `hide: true` makes them visible only to the asker. */
  readonly publicByDefault: boolean;
}

export type SubcommandName =
  | "when"
  | "ask"
  | "timeline"
  | "today"
  | "sources"
  | "subscribe"
  | "unsubscribe"
  | "help";

const hide = {
  name: "hide",
  description: "Show the answer only to you (default: everyone in the channel sees it)",
  type: "boolean",
  required: false,
} as const satisfies OptionSpec;

/** The `/hotline` command: name, description and subcommands in the order help lists them. */
export const COMMAND = {
  name: "hotline",
  description: "Quoted, cited answers about the China, Russia and US military hotlines",
  subcommands: [
    {
      name: "when",
      description: "When did it happen? The date, with the sentence that dates it",
      usage: "/hotline when <event>",
      options: [
        {
          name: "event",
          description: "The event, e.g. 'the Beijing-Moscow line opened'",
          type: "string",
          required: true,
          autocomplete: true,
          maxLength: MAX_QUESTION_LENGTH,
        },
        hide,
      ],
      admin: false,
      publicByDefault: true,
    },
    {
      name: "ask",
      description: "Ask a question; the answer quotes the sources",
      usage: "/hotline ask <question>",
      options: [
        {
          name: "question",
          description: "Your question, e.g. 'what is the Beijing-Moscow line for?'",
          type: "string",
          required: true,
          maxLength: MAX_QUESTION_LENGTH,
        },
        hide,
      ],
      admin: false,
      publicByDefault: true,
    },
    {
      name: "timeline",
      description: "Every dated event in the sources, oldest first",
      usage: "/hotline timeline",
      options: [hide],
      admin: false,
      publicByDefault: true,
    },
    {
      name: "today",
      description: "What happened on this day in history (or the next anniversary)",
      usage: "/hotline today",
      options: [hide],
      admin: false,
      publicByDefault: true,
    },
    {
      name: "sources",
      description: "The documents the bot quotes from",
      usage: "/hotline sources",
      options: [hide],
      admin: false,
      publicByDefault: true,
    },
    {
      name: "subscribe",
      description: "Post 'on this day' events in this channel every day (admins)",
      usage: "/hotline subscribe [HH:MM] [timezone]",
      options: [
        {
          name: "time",
          description: "Local time of day to post, HH:MM (default 09:00)",
          type: "string",
          required: false,
          maxLength: 5,
        },
        {
          name: "timezone",
          description: "IANA timezone, e.g. Europe/London (default: the bot's)",
          type: "string",
          required: false,
          maxLength: 64,
        },
      ],
      admin: true,
      publicByDefault: false,
    },
    {
      name: "unsubscribe",
      description: "Stop the daily 'on this day' posts in this channel (admins)",
      usage: "/hotline unsubscribe",
      options: [],
      admin: true,
      publicByDefault: false,
    },
    {
      name: "help",
      description: "How to use the bot",
      usage: "/hotline help",
      options: [],
      admin: false,
      publicByDefault: false,
    },
  ],
} as const satisfies {
  name: string;
  description: string;
  subcommands: readonly SubcommandSpec[];
};

/** Looks a subcommand up by name (case-insensitive); undefined for an unknown name. */
export function findSubcommand(name: string): SubcommandSpec | undefined {
  const wanted = name.toLowerCase();
  return COMMAND.subcommands.find((s) => s.name === wanted);
}

/** The help text every platform shows, as plain lines (adapters add their own formatting). */
export function helpLines(): string[] {
  return [
    "hotline answers questions about the military hotlines between China, Russia and the United States with verbatim, cited quotes from its sources.",
    ...COMMAND.subcommands.map((s) => `${s.usage} — ${s.description}`),
    "Mention the bot with a question and it answers in a thread.",
  ];
}

/** The spec of subcommand `N`, with its options' literal names and types. */
export type SubcommandOf<N extends SubcommandName> = Extract<
  (typeof COMMAND.subcommands)[number],
  { name: N }
>;

/** The value type of an option type: `"boolean"` → boolean, `"string"` → string. */
type ValueOf<T extends OptionType> = T extends "boolean" ? boolean : string;

/**
 * The typed options of subcommand `N`, derived from the `as const` spec (like
 * discord-utils-bot's `ArgumentsOf<typeof Command>`): `ArgumentsOf<"ask">` is
 * `{ question?: string; hide?: boolean }`. Every option is optional: user input may omit any.
 */
export type ArgumentsOf<N extends SubcommandName> = {
  [O in SubcommandOf<N>["options"][number] as O["name"]]?: ValueOf<O["type"]>;
};

/**
 * Reads the options of subcommand `name` from raw option values, keeping only the options the
 * spec declares with a value of the declared type (others are dropped, never coerced).
 */
export function readArguments<N extends SubcommandName>(
  name: N,
  raw: Readonly<Record<string, unknown>>,
): ArgumentsOf<N> {
  const args: Record<string, string | boolean> = {};
  for (const option of findSubcommand(name)?.options ?? []) {
    const value = raw[option.name];
    if (typeof value === (option.type === "boolean" ? "boolean" : "string")) {
      args[option.name] = value as string | boolean;
    }
  }
  // The loop kept exactly the declared options with their declared types.
  return args as ArgumentsOf<N>;
}
