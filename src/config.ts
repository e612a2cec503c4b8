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

  const variables = z.object({
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
    // Lets several deployments (or test runs) share one database, each in its own schema.
    DATABASE_SCHEMA: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "must be letters, digits and _ (at most 63)")
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
        .regex(
          /^(auto|\d+( *, *\d+)*)$/,
          'must be "auto", a number of shards, or shard ids such as 0,1 with DISCORD_SHARD_COUNT',
        )
        .transform((value) =>
          value === "auto" ? ("auto" as const) : value.split(",").map((id) => Number(id.trim())),
        )
        .optional(),
    ),
    DISCORD_SHARD_COUNT: optionalText.pipe(
      z
        .string()
        .regex(/^[1-9]\d*$/, "must be a whole number, at least 1")
        .transform(Number)
        .optional(),
    ),
    DISCORD_REST_TIMEOUT_MS: positiveInt(15_000),
    // Blank is unset (60): a coerced "" would silently mean 0, no retries.
    STARTUP_RETRY_SECONDS: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number of seconds")
        .transform(Number)
        .refine((seconds) => seconds <= 3600, "must be at most 3600")
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
  // Shard ids are checked against the count here, where both variables are known.
  return variables.superRefine((env, ctx) => {
    // zod runs this even when a field failed, with that field's raw text: its issue suffices.
    const raw: unknown[] = [env.DISCORD_SHARDS, env.DISCORD_SHARD_COUNT];
    if (raw.some((value) => typeof value === "string" && value !== "auto")) return;
    for (const message of discordShardProblems(env.DISCORD_SHARDS, env.DISCORD_SHARD_COUNT)) {
      ctx.addIssue({ code: "custom", path: ["DISCORD_SHARDS"], message });
    }
  });
}

/**
 * What is wrong with a `DISCORD_SHARDS` / `DISCORD_SHARD_COUNT` pair, as messages for the
 * `DISCORD_SHARDS` issue. Without a count, `DISCORD_SHARDS` is one number of shards (or "auto")
 * for the ShardingManager; with a count, it lists the shard ids this process runs: each below
 * the count, none twice.
 */
function discordShardProblems(
  shards: number[] | "auto" | undefined,
  count: number | undefined,
): string[] {
  if (count === undefined) {
    if (shards === undefined || shards === "auto") return [];
    if (shards.length > 1)
      return ["lists shard ids, so DISCORD_SHARD_COUNT (the total) must be set"];
    return shards[0] === 0 ? ["must be at least 1 shard"] : [];
  }
  if (shards === undefined)
    return ["must list this process's shard ids (e.g. 0,1) when DISCORD_SHARD_COUNT is set"];
  if (shards === "auto") return ['cannot be "auto" when DISCORD_SHARD_COUNT is set'];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const id of shards) {
    if (id >= count)
      problems.push(`lists shard ${id}, but DISCORD_SHARD_COUNT=${count} allows 0 to ${count - 1}`);
    if (seen.has(id)) problems.push(`lists shard ${id} twice`);
    seen.add(id);
  }
  return problems;
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
  /** PostgreSQL schema holding hotline's tables (`DATABASE_SCHEMA`); default `public`. */
  databaseSchema: string;
  /** Default time of day for on-this-day posts, `HH:MM`. */
  onThisDayTime: string;
  /** Raw `ONTHISDAY_CHANNELS` (parsed by the scheduler); undefined when unset. */
  onThisDayChannels: string | undefined;
  discord:
    | {
        token: string;
        applicationId: string;
        apiUrl: string | undefined;
        /** ShardingManager mode: this many shards in child processes, or Discord's recommendation. */
        shards: number | "auto" | undefined;
        /**
         * Fixed-subset mode (`DISCORD_SHARDS=0,1` with `DISCORD_SHARD_COUNT=4`): this process's
         * one client runs these shard ids out of `count`; other machines run the rest.
         */
        fixedShards: { ids: number[]; count: number } | undefined;
        /** Milliseconds before a REST request is abandoned and retried (`DISCORD_REST_TIMEOUT_MS`). */
        restTimeoutMs: number;
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
  /**
   * How long `hotline start` keeps retrying a platform API it cannot reach (connection refused,
   * DNS, timeout), in seconds; 0 fails at once (`STARTUP_RETRY_SECONDS`, default 60).
   */
  startupRetrySeconds: number;
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
    databaseSchema: e.DATABASE_SCHEMA ?? "public",
    onThisDayTime: e.ONTHISDAY_TIME,
    onThisDayChannels: e.ONTHISDAY_CHANNELS,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? {
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            apiUrl: e.DISCORD_API_URL,
            ...discordShards(e.DISCORD_SHARDS, e.DISCORD_SHARD_COUNT),
            restTimeoutMs: e.DISCORD_REST_TIMEOUT_MS,
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
    startupRetrySeconds: e.STARTUP_RETRY_SECONDS ?? 60,
  };
}

/** The two sharding modes from a validated pair (see `discordShardProblems`). */
function discordShards(
  shards: number[] | "auto" | undefined,
  count: number | undefined,
): Pick<NonNullable<Config["discord"]>, "shards" | "fixedShards"> {
  if (shards === undefined) return { shards: undefined, fixedShards: undefined };
  if (count !== undefined && shards !== "auto") {
    return { shards: undefined, fixedShards: { ids: shards, count } };
  }
  return { shards: shards === "auto" ? "auto" : shards[0], fixedShards: undefined };
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
