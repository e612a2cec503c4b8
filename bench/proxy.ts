/**
 * A small round-robin HTTP proxy on 127.0.0.1 for the two-process load test (`npm run load --
 * --processes 2`): it stands where an operator's load balancer would, in front of several
 * `hotline start` processes, and hands each request to the next backend in turn.
 *
 * Round robin is per request, not per connection: a client's keep-alive connection would
 * otherwise pin all its requests to one backend, and a Slack retry would never reach another
 * process. A backend that cannot be reached is not skipped (a bench proxy must not hide a dead
 * process): the request gets 502 and the failure is counted against that backend.
 */
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The response header naming the backend (its index in `backends`) that served a request. */
export const BACKEND_HEADER = "x-hotline-backend";

// Hop-by-hop headers describe one connection, not the request: a proxy must not pass them on
// (a backend's `keep-alive: timeout=5` would otherwise set the client's idle timeout).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers: IncomingMessage["headers"]): IncomingMessage["headers"] {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

/** Options of {@link startRoundRobinProxy}. */
export interface ProxyOptions {
  /** Backend base URLs, `http://127.0.0.1:PORT`; requests go to each in turn, first to `[0]`. */
  backends: string[];
  /** Port to listen on; default 0 (the OS picks one). Always bound to 127.0.0.1. */
  port?: number;
  /** How long a backend may take to answer before the request fails with 504; default 30,000 ms. */
  timeoutMs?: number;
}

/** What the proxy saw of one backend. */
export interface BackendStats {
  url: string;
  /** Requests handed to this backend, answered or not. */
  requests: number;
  /** Requests it could not answer (connection refused or reset, timeout): each got 502 or 504. */
  failures: number;
  /** The last failure's code (`ECONNREFUSED`, `ETIMEDOUT`…); undefined while none failed. */
  lastError: string | undefined;
}

/** A running proxy. */
export interface RoundRobinProxy {
  /** The proxy's base URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** A snapshot of each backend's counts, in `backends` order. */
  stats(): BackendStats[];
  /** Stops listening and closes every connection, to clients and to backends. */
  close(): Promise<void>;
}

/**
 * Starts the proxy. Each request is forwarded, method, path, headers and body unchanged, to the
 * next backend; the backend's status, headers and body come back with {@link BACKEND_HEADER}
 * added. Throws when `backends` is empty.
 */
export async function startRoundRobinProxy(options: ProxyOptions): Promise<RoundRobinProxy> {
  if (options.backends.length === 0) throw new Error("proxy: at least one backend is needed");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const stats: BackendStats[] = options.backends.map((url) => ({
    url,
    requests: 0,
    failures: 0,
    lastError: undefined,
  }));
  const targets = options.backends.map((url) => new URL(url));
  // Keep-alive to the backends, so the proxy adds no connection set-up to each request.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const index = next;
    next = (next + 1) % targets.length;
    const target = targets[index] as URL;
    const stat = stats[index] as BackendStats;
    stat.requests += 1;
    const fail = (status: number, code: string) => {
      stat.failures += 1;
      stat.lastError = code;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, { "content-type": "text/plain", [BACKEND_HEADER]: String(index) });
      res.end(`proxy: backend ${index} (${stat.url}) failed: ${code}\n`);
    };
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: endToEnd(req.headers),
        timeout: timeoutMs,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...endToEnd(answer.headers),
          [BACKEND_HEADER]: String(index),
        });
        answer.pipe(res);
      },
    );
    upstream.on("timeout", () => {
      upstream.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }));
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      fail(error.code === "ETIMEDOUT" ? 504 : 502, error.code ?? error.message);
    });
    req.pipe(upstream);
  };

  const server = createServer(forward);
  // Longer than a load run: see `startFakeApi` in load.ts (an idle socket closed just as the
  // client reuses it fails that request, a loopback artefact).
  server.keepAliveTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => stats.map((s) => ({ ...s })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
