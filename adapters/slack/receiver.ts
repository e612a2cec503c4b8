/**
 * The Bolt app and how Slack reaches it: Socket Mode when an app-level token is configured,
 * otherwise Bolt's HTTPReceiver (`POST /slack/events` behind `request-guard.ts`: signature
 * headers, timestamp window, body cap, replay and body shape checked before Bolt reads it; and
 * `GET /healthz`). Also the Web API client's timeout and retries. Kept apart from the handlers
 * so transport and request verification change in one place.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type Logger as BoltLogger,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  webApi,
} from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import { describeError, HotlineError } from "../../src/errors.js";
import { createRequestGuard, SLACK_BODY_LIMIT_BYTES } from "./request-guard.js";
import type { SeenKeys } from "./seen-keys.js";

/**
 * Default milliseconds before a Web API call or a response-URL post is abandoned: 10 s. The
 * WebClient's own default (0) waits forever, and so does Bolt's `respond`.
 */
export const SLACK_API_TIMEOUT_MS = 10_000;

/** Transport options of {@link createSlackApp}. */
export interface SlackTransportOptions {
  /** HTTP mode: address to bind. Default: all interfaces. */
  host?: string | undefined;
  /** Web API retry policy. Default: five retries within five minutes. */
  retryConfig?: webApi.RetryOptions | undefined;
  /**
   * Milliseconds before a Web API request or a response-URL post is abandoned. Default
   * {@link SLACK_API_TIMEOUT_MS}; must be positive (0 would mean "wait forever").
   */
  apiTimeoutMs?: number | undefined;
  /**
   * HTTP mode: extra GET routes such as `/metrics`; one for `/healthz` replaces the built-in
   * one (which always answers 200). Default none. Handlers must not throw or reject.
   */
  routes?: CustomRoute[] | undefined;
  /** HTTP mode: remembers request signatures for the replay check. */
  seenKeys: SeenKeys;
  /** HTTP mode: largest body of `/slack/events`. Default {@link SLACK_BODY_LIMIT_BYTES}. */
  bodyLimitBytes?: number | undefined;
}

/** A Bolt app not yet listening; {@link listen} starts it. */
export interface SlackTransport {
  app: App;
  /** Present in HTTP mode only. */
  receiver: HTTPReceiver | undefined;
}

/** Bolt and the WebClient log through pino; their debug output (raw bodies) goes to trace. */
function boltLogger(log: Logger): BoltLogger {
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg: unknown[]) => log.trace(text(msg)),
    info: (...msg: unknown[]) => log.info(text(msg)),
    warn: (...msg: unknown[]) => log.warn(text(msg)),
    error: (...msg: unknown[]) => log.error(text(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/**
 * `fetch` that gives up after `timeoutMs`. Bolt's `respond` (response URLs) uses the client's
 * `fetch` without any timeout; the WebClient passes its own signal, which is kept as well.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

/**
 * The Web API client's options: `timeout` per attempt, the same timeout on response-URL posts,
 * the retry policy, and the API URL (tests point it at a fake). Throws a `config_invalid`
 * HotlineError naming the value when `apiTimeoutMs` is not a positive number.
 */
export function slackClientOptions(
  slack: Pick<NonNullable<Config["slack"]>, "apiUrl">,
  options: Pick<SlackTransportOptions, "apiTimeoutMs" | "retryConfig">,
): webApi.WebClientOptions {
  const timeout = options.apiTimeoutMs ?? SLACK_API_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new HotlineError(
      "config_invalid",
      `slack: apiTimeoutMs must be a positive number of milliseconds (0 waits forever), got ${timeout}`,
    );
  }
  return {
    timeout,
    fetch: fetchWithTimeout(timeout),
    // Bolt's own default waits up to thirty minutes, no use to someone waiting for an answer.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
  };
}

/** True for the requests Bolt answers as Slack events: `POST /slack/events`. */
function isEventsPost(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  return new URL(req.url ?? "/", "http://localhost").pathname === "/slack/events";
}

/**
 * Builds the Bolt app (initialisation deferred). Throws a `config_invalid` HotlineError when
 * HTTP mode has no signing secret or `apiTimeoutMs` is not positive. In HTTP mode every
 * `POST /slack/events` passes `request-guard.ts` before Bolt reads it.
 */
export function createSlackApp(
  slack: NonNullable<Config["slack"]>,
  log: Logger,
  options: SlackTransportOptions,
): SlackTransport {
  const logger = boltLogger(log);
  const clientOptions = slackClientOptions(slack, options);
  if (slack.appToken) {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger,
      clientOptions,
      deferInitialization: true,
    });
    return { app, receiver: undefined };
  }
  if (!slack.signingSecret) {
    throw new HotlineError(
      "config_invalid",
      "slack: HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN)",
    );
  }
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret,
    endpoints: "/slack/events",
    logger,
    // Acknowledge first, answer after: slash commands must be acked within three seconds.
    processBeforeResponse: false,
    // The guard below caps the body first; this is Bolt's own cap, kept in step.
    bodyLimit: options.bodyLimitBytes ?? SLACK_BODY_LIMIT_BYTES,
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res: ServerResponse) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"ok":true}');
        },
      },
      // Later routes win in Bolt, so a given /healthz replaces the one above.
      ...(options.routes ?? []),
    ],
  });
  const guard = createRequestGuard({
    signingSecret: slack.signingSecret,
    seen: options.seenKeys,
    log,
    bodyLimitBytes: options.bodyLimitBytes,
  });
  // Bolt's server calls `receiver.requestListener` for every request: put the guard in front
  // of the events endpoint; other paths (healthz, 404s) go to Bolt unchanged.
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (!isEventsPost(req)) return boltListener(req, res);
    void guard(req, res)
      .then((rawBody) => {
        if (!rawBody) return;
        // Bolt reuses an already-read body (`rawBody`) instead of reading the stream again.
        Object.assign(req, { rawBody });
        boltListener(req, res);
      })
      .catch((error: unknown) => {
        log.error({ err: describeError(error) }, "slack: request failed before Bolt");
        if (!res.headersSent) {
          res.writeHead(500);
          res.end();
        }
      });
  };
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
  });
  return { app, receiver };
}

/**
 * Verifies the bot token (`auth.test`, in `app.init`) and starts receiving. Resolves with the
 * bound port in HTTP mode (`slack.port`, 0 = any free port), undefined in Socket Mode.
 */
export async function listen(
  transport: SlackTransport,
  slack: NonNullable<Config["slack"]>,
  log: Logger,
  host: string | undefined,
): Promise<number | undefined> {
  const { app, receiver } = transport;
  await app.init();
  if (!receiver) {
    await app.start();
    log.info("slack: connected in Socket Mode");
    return undefined;
  }
  const server = await app.start({ port: slack.port, ...(host ? { host } : {}) });
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, "slack: listening for HTTP requests on /slack/events");
  return port;
}
