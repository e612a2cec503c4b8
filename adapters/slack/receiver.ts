/**
 * The Bolt app and how Slack reaches it: Socket Mode when an app-level token is configured,
 * otherwise Bolt's HTTPReceiver (`POST /slack/events`, request signatures verified with the
 * signing secret, and `GET /healthz`). Kept apart from the handlers so transport and request
 * verification change in one place.
 */

import type { ServerResponse } from "node:http";
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
import { HotlineError } from "../../src/errors.js";

/** Transport options of {@link createSlackApp}. */
export interface SlackTransportOptions {
  /** HTTP mode: address to bind. Default: all interfaces. */
  host?: string | undefined;
  /** Web API retry policy. Default: five retries within five minutes. */
  retryConfig?: webApi.RetryOptions | undefined;
  /** Milliseconds before a Web API request is abandoned. Default 10_000. */
  apiTimeoutMs?: number | undefined;
  /**
   * HTTP mode: extra GET routes such as `/metrics`; one for `/healthz` replaces the built-in
   * one (which always answers 200). Default none. Handlers must not throw or reject.
   */
  routes?: CustomRoute[] | undefined;
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
 * Builds the Bolt app (initialisation deferred). Throws a `config_invalid` HotlineError when
 * HTTP mode has no signing secret.
 */
export function createSlackApp(
  slack: NonNullable<Config["slack"]>,
  log: Logger,
  options: SlackTransportOptions,
): SlackTransport {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    timeout: options.apiTimeoutMs ?? 10_000,
    // Bolt's own default waits up to thirty minutes, no use to someone waiting for an answer.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
  };
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
