/**
 * Configuration, parsed once from the environment with zod into a typed {@link Config}.
 * Nothing else in the project reads `process.env`. Every variable is documented in `.env.example`.
 */
import { DEFAULT_MAX_FILE_BYTES } from "./corpus/load.js";
import { HotlineError } from "./errors.js";
import { zod } from "./lazy.js";
import { normaliseTime, normaliseTimezone } from "./schedule/local-time.js";

// One timezone validator and one HH:MM validator for config, subscriptions and commands.
const isTimezone = (value: string): boolean => normaliseTimezone(value) !== null;

/** Log levels pino knows, plus "silent". */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Default of `CORPUS_MAX_FILE_BYTES`: a corpus document larger than this is refused (8 MiB). */
export const DEFAULT_CORPUS_MAX_FILE_BYTES = DEFAULT_MAX_FILE_BYTES;

// Built on first use: zod is loaded only when the bot's configuration is checked (see `lazy.ts`).
function buildSchema() {
  const { z } = zod();
  const optionalText = z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .optional();

  const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

  const timeOfDay = z
    .string()
    .trim()
    // Strictly `HH:MM` here: the normalised form equals the input only with two-digit hours.
    .refine((value) => normaliseTime(value) === value, "must be HH:MM, 24-hour (e.g. 09:00)");

  return z.object({
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    CORPUS_DIR: optionalText,
    HOTLINE_TIMEZONE: z
      .string()
      .trim()
      .default("UTC")
      .refine(isTimezone, "must be an IANA timezone such as Europe/London"),
    DATABASE_PATH: z.string().trim().default("./data/hotline.db"),
    // PostgreSQL for several processes; may carry a password, so messages name only the variable.
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    ONTHISDAY_TIME: timeOfDay.default("09:00"),
    ONTHISDAY_CHANNELS: optionalText,
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.pipe(
      z
        .string()
        .regex(/^\d{5,25}$/, "must be the application's numeric id")
        .optional(),
    ),
    DISCORD_API_URL: optionalText.pipe(z.string().url("must be a URL").optional()),
    DISCORD_SHARDS: optionalText.pipe(
      z
        .string()
        .regex(/^(auto|[1-9]\d*)$/, 'must be "auto" or a positive whole number')
        .transform((value) => (value === "auto" ? "auto" : Number(value)))
        .optional(),
    ),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: optionalText.pipe(z.string().url("must be a URL").optional()),
    SLACK_ADMIN_USER_IDS: optionalText,
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    RATE_LIMIT_USER_PER_MINUTE: positiveInt(6),
    RATE_LIMIT_CHANNEL_PER_MINUTE: positiveInt(20),
    METRICS_PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number (0 to 65535)")
        .transform(Number)
        .refine((port) => port <= 65535, "must be a port number (0 to 65535)")
        .optional(),
    ),
    // Empty counts as unset, as for every optional variable in .env.example.
    METRICS_HOST: optionalText.transform((value) => value ?? "127.0.0.1"),
    CORPUS_MAX_FILE_BYTES: positiveInt(DEFAULT_CORPUS_MAX_FILE_BYTES),
    HOTLINE_CACHE_DIR: optionalText,
  });
}

/**
 * The environment with every blank value (empty or only spaces) removed. One rule for every
 * variable: `NAME=` means "unset", so the documented default applies. Without it `PORT=` became
 * port 0 (a random port) and `DATABASE_PATH=` a throwaway database that loses subscriptions.
 */
export function withoutBlanks(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
}

let schema: ReturnType<typeof buildSchema> | undefined;

/** The parsed environment. Platform sections are present only when their credentials are. */
export interface Config {
  logLevel: (typeof LOG_LEVELS)[number];
  /** Directory of corpus Markdown files; default: the package's `corpus/`. */
  corpusDir: string | undefined;
  /** Default IANA timezone for schedules and for "today". */
  timezone: string;
  /** SQLite file for subscriptions and the post log. */
  databasePath: string;
  /** PostgreSQL URL shared by several processes (`DATABASE_URL`); undefined: SQLite. Secret. */
  databaseUrl: string | undefined;
  /** Default time of day for on-this-day posts, `HH:MM`. */
  onThisDayTime: string;
  /** Raw `ONTHISDAY_CHANNELS` (parsed by the scheduler); undefined when unset. */
  onThisDayChannels: string | undefined;
  discord:
    | {
        token: string;
        applicationId: string;
        apiUrl: string | undefined;
        shards: number | "auto" | undefined;
      }
    | undefined;
  slack:
    | {
        botToken: string;
        appToken: string | undefined;
        signingSecret: string | undefined;
        apiUrl: string | undefined;
        adminUserIds: string[];
        port: number;
      }
    | undefined;
  rateLimit: { userPerMinute: number; channelPerMinute: number };
  /**
   * `METRICS_PORT` set: serve `/metrics` and `/healthz` on `host:port` (host default
   * `127.0.0.1`, so metrics stay off public interfaces; 0 = any free port). Undefined when unset.
   */
  metrics: { host: string; port: number } | undefined;
  /** Largest corpus file read at start or reload (`CORPUS_MAX_FILE_BYTES`, default 8 MiB). */
  corpusMaxFileBytes: number;
  /** Where start-up snapshots go (`HOTLINE_CACHE_DIR`); undefined: `.hotline-cache/` beside the corpus. */
  cacheDir: string | undefined;
}

/**
 * Parses `env` (default `process.env`). A blank value counts as unset (its default applies).
 * Throws a `config_invalid` HotlineError naming the variable (never its value, which may be a
 * secret) when something is malformed or incomplete.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  schema ??= buildSchema();
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new HotlineError("config_invalid", `config: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const fail = (message: string): never => {
    throw new HotlineError("config_invalid", `config: ${message}`);
  };
  if (Boolean(e.DISCORD_TOKEN) !== Boolean(e.DISCORD_APPLICATION_ID)) {
    fail("DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set together");
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    fail("SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    fail("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing");
  }
  return {
    logLevel: e.LOG_LEVEL,
    corpusDir: e.CORPUS_DIR,
    timezone: e.HOTLINE_TIMEZONE,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    onThisDayTime: e.ONTHISDAY_TIME,
    onThisDayChannels: e.ONTHISDAY_CHANNELS,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            apiUrl: e.DISCORD_API_URL,
            shards: e.DISCORD_SHARDS,
          }
        : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          adminUserIds: (e.SLACK_ADMIN_USER_IDS ?? "")
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
          port: e.PORT,
        }
      : undefined,
    rateLimit: {
      userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
      channelPerMinute: e.RATE_LIMIT_CHANNEL_PER_MINUTE,
    },
    metrics:
      e.METRICS_PORT === undefined ? undefined : { host: e.METRICS_HOST, port: e.METRICS_PORT },
    corpusMaxFileBytes: e.CORPUS_MAX_FILE_BYTES,
    cacheDir: e.HOTLINE_CACHE_DIR,
  };
}

/** What the command line's read-only commands (`ask`, `when`, `timeline`, …) need. */
export interface CliSettings {
  corpusDir: string | undefined;
  timezone: string;
  corpusMaxFileBytes: number;
  cacheDir: string | undefined;
}

/**
 * Reads only `CORPUS_DIR`, `HOTLINE_TIMEZONE`, `CORPUS_MAX_FILE_BYTES` and `HOTLINE_CACHE_DIR`,
 * without loading zod, so a one-shot answer on the command line starts fast; blank values count
 * as unset, as in {@link loadConfig}. The bot itself (`hotline start`) always uses loadConfig.
 */
export function loadCliSettings(
  env: Record<string, string | undefined> = process.env,
): CliSettings {
  const corpusDir = env.CORPUS_DIR?.trim() || undefined;
  const timezone = env.HOTLINE_TIMEZONE?.trim() || "UTC";
  if (!isTimezone(timezone)) {
    throw new HotlineError(
      "config_invalid",
      "config: HOTLINE_TIMEZONE must be an IANA timezone such as Europe/London",
    );
  }
  const maxBytes = env.CORPUS_MAX_FILE_BYTES?.trim() || undefined;
  if (maxBytes !== undefined && !/^[1-9]\d*$/.test(maxBytes)) {
    throw new HotlineError(
      "config_invalid",
      "config: CORPUS_MAX_FILE_BYTES must be a positive whole number of bytes",
    );
  }
  return {
    corpusDir,
    timezone,
    corpusMaxFileBytes: maxBytes === undefined ? DEFAULT_CORPUS_MAX_FILE_BYTES : Number(maxBytes),
    cacheDir: env.HOTLINE_CACHE_DIR?.trim() || undefined,
  };
}
