/**
 * Starting a platform adapter the way an operator needs: an API that cannot be reached is
 * retried with backoff for a bounded time (`STARTUP_RETRY_SECONDS`, one log line per attempt),
 * and every start-up failure becomes one `platform_failed` HotlineError whose message names the
 * cause and the fix, which the command line prints as one line (no stack trace) before exiting
 * with status 1. Errors are recognised by their shape (codes, statuses), so this module imports
 * no platform library.
 */
import type { Logger } from "pino";
import type { Config } from "../src/config.js";
import { HotlineError } from "../src/errors.js";

/** The platforms whose start-up failures are explained here. */
export type StartupPlatform = "discord" | "slack";

/** Options of {@link startPlatform}. */
export interface StartPlatformOptions<H> {
  platform: StartupPlatform;
  config: Config;
  logger: Logger;
  /** Connects the adapter (login, token check, listen); its errors are explained. */
  begin: () => Promise<H>;
  /** Waits between unreachable attempts (tests may pass a fake). Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** The reachability check (tests may pass a fake). Default: {@link probeApi}. */
  probe?: (url: string) => Promise<string | undefined>;
}

/** First wait after an unreachable attempt; it doubles up to {@link MAX_BACKOFF_MS}. */
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** How long one reachability check may take before it counts as unreachable. */
const PROBE_TIMEOUT_MS = 5_000;

/** Network failures that mean "cannot reach the API" (retried), as opposed to a refusal. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/** Slack's answers to a token it does not accept. */
const SLACK_AUTH_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
]);

/**
 * The address whose answer proves the platform's API is reachable: any HTTP answer counts, as
 * neither needs a token (`GET /gateway` on Discord, `POST api.test` on Slack).
 */
export function apiProbeUrl(platform: StartupPlatform, config: Config): string {
  if (platform === "discord") {
    const base = config.discord?.apiUrl ?? "https://discord.com/api";
    return `${base.replace(/\/+$/, "")}/v10/gateway`;
  }
  const base = config.slack?.apiUrl ?? "https://slack.com/api/";
  return `${base.replace(/\/*$/, "/")}api.test`;
}

/**
 * Sends one request to `url`. Resolves undefined when anything answers (whatever the status),
 * or a short reason ("connect ECONNREFUSED 127.0.0.1:9", "timed out after 5 s") when nothing
 * does. Never throws.
 */
export async function probeApi(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: url.endsWith("api.test") ? "POST" : "GET",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    if ((error as Error).name === "TimeoutError") {
      return `timed out after ${PROBE_TIMEOUT_MS / 1000} s`;
    }
    return networkReason(error) ?? oneLine(error);
  }
}

/**
 * Starts an adapter: first waits until its API answers (retrying with backoff 1 s, 2 s, 4 s …
 * up to 30 s between attempts, for at most `config.startupRetrySeconds`; each failed attempt is
 * one warning naming the attempt, the reason and the next wait), then runs `begin`. Throws a
 * one-line `platform_failed` HotlineError naming the cause and the fix when the API stays
 * unreachable or `begin` fails.
 */
export async function startPlatform<H>(options: StartPlatformOptions<H>): Promise<H> {
  const { platform, config, logger } = options;
  const log = logger.child({ platform });
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const probe = options.probe ?? probeApi;
  const url = apiProbeUrl(platform, config);
  const budgetMs = config.startupRetrySeconds * 1000;
  let waited = 0;
  let backoff = FIRST_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    const reason = await probe(url);
    if (reason === undefined) break;
    if (waited + backoff > budgetMs) {
      throw new HotlineError(
        "platform_failed",
        `${platform}: cannot reach the ${title(platform)} API at ${origin(url)} (${reason}) after ${attempt} attempt${attempt === 1 ? "" : "s"} in ${Math.round(waited / 1000)} s. Fix: check the network, DNS, firewall or proxy${apiVariable(platform)}, then start again (STARTUP_RETRY_SECONDS sets how long to retry).`,
      );
    }
    log.warn(
      { attempt, retryInMs: backoff, reason, api: origin(url) },
      `${platform}: cannot reach the ${title(platform)} API (${reason}); attempt ${attempt}, retrying in ${backoff / 1000} s`,
    );
    await sleep(backoff);
    waited += backoff;
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
  try {
    return await options.begin();
  } catch (error) {
    throw await explainStartupFailure(platform, config, error);
  }
}

/**
 * Turns a start-up error into one line with the cause and the fix: a refused token, a port in
 * use or not permitted, an unreachable API; anything else keeps its own first line.
 */
export async function explainStartupFailure(
  platform: StartupPlatform,
  config: Config,
  error: unknown,
): Promise<HotlineError> {
  const fail = (message: string) =>
    new HotlineError("platform_failed", `${platform}: ${message}`, { cause: error });
  const chain = causes(error);
  const code = (c: unknown) => (c as { code?: unknown }).code;

  if (platform === "discord") {
    const refused = chain.some(
      (c) => code(c) === "TokenInvalid" || (c as { status?: unknown }).status === 401,
    );
    if (refused) {
      return fail(
        "Discord refused DISCORD_TOKEN (401 Unauthorized: invalid token). Fix: in the Developer Portal open your application, Bot, Reset Token, and set DISCORD_TOKEN to the new token.",
      );
    }
  } else {
    const slackError = chain
      .map((c) => (c as { data?: { error?: unknown } }).data?.error)
      .find((e): e is string => typeof e === "string");
    if (slackError !== undefined && SLACK_AUTH_ERRORS.has(slackError)) {
      return (await slackBotTokenRefused(config))
        ? fail(
            `Slack refused SLACK_BOT_TOKEN (${slackError}). Fix: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions of your app at api.slack.com/apps and set SLACK_BOT_TOKEN; reinstall the app if it was revoked.`,
          )
        : fail(
            `Slack refused SLACK_APP_TOKEN (${slackError}). Fix: under Basic Information, App-Level Tokens, create a token with connections:write (xapp-…) and set SLACK_APP_TOKEN; Socket Mode must be on.`,
          );
    }
    const listen = chain.find((c) => code(c) === "EADDRINUSE" || code(c) === "EACCES");
    if (listen) {
      const port = (listen as { port?: unknown }).port ?? config.slack?.port;
      return code(listen) === "EADDRINUSE"
        ? fail(
            `port ${port} is already in use (EADDRINUSE). Fix: stop the process listening on it, or set PORT to a free port.`,
          )
        : fail(
            `no permission to listen on port ${port} (EACCES). Fix: set PORT to a port above 1023, or let a reverse proxy forward to it.`,
          );
    }
  }
  const network = chain.map(networkReason).find((r) => r !== undefined);
  if (network !== undefined) {
    return fail(
      `cannot reach the ${title(platform)} API (${network}). Fix: check the network, DNS, firewall or proxy${apiVariable(platform)}, then start again.`,
    );
  }
  // The innermost error says what went wrong; wrappers only repeat it.
  return fail(`could not start: ${oneLine(chain.at(-1)).replace(/^(discord|slack): /, "")}`);
}

/**
 * Whether Slack refuses the bot token (`auth.test`); asked only after a start-up refusal in
 * Socket Mode, where the refused token may be either one. False when it cannot tell.
 */
async function slackBotTokenRefused(config: Config): Promise<boolean> {
  const slack = config.slack;
  if (!slack) return false;
  if (!slack.appToken) return true;
  try {
    const response = await fetch(apiProbeUrl("slack", config).replace(/api\.test$/, "auth.test"), {
      method: "POST",
      headers: { authorization: `Bearer ${slack.botToken}` },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = (await response.json()) as { ok?: boolean; error?: string };
    return body.ok !== true && SLACK_AUTH_ERRORS.has(String(body.error));
  } catch {
    return false;
  }
}

/** The error, then its `cause`s and `original`s (Slack's request errors), at most 8 deep. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8) {
    chain.push(current);
    const next = current as { cause?: unknown; original?: unknown };
    current = next.cause ?? next.original;
  }
  return chain;
}

/** "connect ECONNREFUSED 127.0.0.1:9" for a network failure anywhere in the chain, else undefined. */
function networkReason(error: unknown): string | undefined {
  for (const c of causes(error)) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return oneLine(c);
  }
  return undefined;
}

/** The first line of an error's message (never its stack). */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.trim() || "unknown error";
}

function title(platform: StartupPlatform): string {
  return platform === "discord" ? "Discord" : "Slack";
}

function apiVariable(platform: StartupPlatform): string {
  return platform === "discord" ? " or DISCORD_API_URL" : " or SLACK_API_URL";
}

/** The scheme, host and path of `url` without its query: never a token. */
function origin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/(v10\/gateway|api\.test)$/, "")}`;
}
