/**
 * `GET /metrics` and `GET /healthz` as routes, and a small HTTP server that serves them on
 * `METRICS_PORT`. In Slack HTTP mode the same routes are served by Bolt's receiver on `PORT`
 * instead (its `customRoutes` take this {@link HttpRoute} shape), so both doors answer alike.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { describeError, HotlineError } from "../src/errors.js";
import type { Metrics } from "./metrics.js";

/**
 * Whether the bot can do its work (today: whether the store answers). Resolves `ok: false` with
 * a short `detail` for the operator; must not put secrets (a database URL) in `detail`.
 */
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

/** One route: Bolt's `CustomRoute` shape. The handler never throws or rejects. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** How long `/healthz` waits for its check before answering 503. */
export const HEALTH_TIMEOUT_MS = 2_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** `GET /metrics`: the registry in Prometheus text format; 500 (logged) if collecting fails. */
export function metricsRoute(metrics: Pick<Metrics, "scrape">, log: Logger): HttpRoute {
  return {
    path: "/metrics",
    method: ["GET"],
    handler(_req, res) {
      metrics.scrape().then(
        ({ contentType, body }) => {
          res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
          res.end(body);
        },
        (error: unknown) => {
          log.error({ err: describeError(error) }, "metrics: collecting failed");
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("metrics: collecting failed\n");
        },
      );
    },
  };
}

/** Options of {@link healthRoute}. */
export interface HealthOptions {
  /** Default: none, so `/healthz` only says the process answers. */
  check?: HealthCheck | undefined;
  /** Milliseconds before a check that has not settled counts as failed. Default {@link HEALTH_TIMEOUT_MS}. */
  timeoutMs?: number | undefined;
  log: Logger;
}

/**
 * `GET /healthz`: 200 `{"ok":true}`, or 503 `{"ok":false,"detail":…}` when the check says
 * so, throws (detail `health check failed`, the error only in the log) or takes too long.
 */
export function healthRoute(options: HealthOptions): HttpRoute {
  const { check, log } = options;
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  return {
    path: "/healthz",
    method: ["GET"],
    handler(_req, res) {
      if (!check) {
        json(res, 200, { ok: true });
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<{ ok: boolean; detail?: string }>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, detail: `health check timed out after ${timeoutMs} ms` }),
          timeoutMs,
        );
      });
      const checked = Promise.resolve()
        .then(check)
        .catch((error: unknown) => {
          // The error may name a host or a path: the log has it, the response does not.
          log.error({ err: describeError(error) }, "healthz: check failed");
          return { ok: false, detail: "health check failed" };
        });
      void Promise.race([checked, late]).then((result) => {
        clearTimeout(timer);
        if (result.ok) json(res, 200, { ok: true });
        else json(res, 503, { ok: false, ...(result.detail ? { detail: result.detail } : {}) });
      });
    },
  };
}

/** A running metrics server. */
export interface MetricsServer {
  /** The port bound (useful with port 0). */
  port: number;
  /** Stops listening and closes open connections; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Serves `routes` on `host:port` (only GET; other methods get 405, other paths 404). Rejects
 * with a `config_invalid` HotlineError naming METRICS_HOST/METRICS_PORT when it cannot bind.
 */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  routes: HttpRoute[];
  log: Logger;
}): Promise<MetricsServer> {
  const byPath = new Map(options.routes.map((route) => [route.path, route]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = byPath.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
    } else if (!route.method.includes(req.method ?? "")) {
      res.writeHead(405, { "content-type": "text/plain", allow: route.method.join(", ") });
      res.end("method not allowed\n");
    } else {
      route.handler(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => {
      reject(
        new HotlineError(
          "config_invalid",
          `metrics: cannot listen on ${options.host}:${options.port} (METRICS_HOST, METRICS_PORT): ${(error as Error).message}`,
          { cause: error },
        ),
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info({ host: options.host, port }, "metrics: serving /metrics and /healthz");
  let closing: Promise<void> | undefined;
  return {
    port,
    stop() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
