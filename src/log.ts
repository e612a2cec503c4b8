/**
 * The pino logger: JSON lines to stderr, or readable lines when stderr is a terminal.
 * Secrets are redacted by key wherever they appear in a logged object.
 */
import { type Logger, type LoggerOptions, pino } from "pino";

/** Keys whose values never reach a log line, at any depth pino can address. */
export const REDACTED_KEYS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "authorization",
  "DISCORD_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  // A PostgreSQL URL may carry a password.
  "databaseUrl",
  "DATABASE_URL",
];

function redactPaths(): string[] {
  // pino's redact takes explicit paths (no recursive wildcard); cover the top level and up to
  // five levels of nesting, enough for a Config inside a binding inside a context object.
  const paths: string[] = [];
  for (const key of REDACTED_KEYS) {
    for (let depth = 0; depth <= 5; depth++) paths.push(`${"*.".repeat(depth)}${key}`);
    paths.push(`headers.${key}`);
  }
  return paths;
}

/** Options shared by every logger the project makes; exported so tests can log to a buffer. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { app: "hotline" },
    redact: { paths: redactPaths(), censor: "[redacted]" },
  };
}

/**
 * Creates the process logger at `level` (default "info"). Writes to stderr so that command
 * output on stdout (e.g. `--json`) stays machine-readable. Pretty only on a terminal.
 */
export function createLogger(level = "info", destination?: NodeJS.WritableStream): Logger {
  const options = loggerOptions(level);
  if (destination) return pino(options, destination as pino.DestinationStream);
  if (process.stderr.isTTY) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { destination: 2, colorize: true } },
    });
  }
  return pino(options, pino.destination(2));
}
