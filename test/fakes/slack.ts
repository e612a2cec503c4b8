/**
 * A fake Slack on 127.0.0.1 for adapter tests: the Web API under `/api/<method>` (what the
 * WebClient calls when `slackApiUrl` points here) and response URLs under `/response/<id>`
 * (what slash commands and button clicks answer to). It records every call so tests can assert
 * on real payloads, and can be told to fail the next call of a method.
 */
import { createHmac } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** One recorded request: a Web API call (`kind: "api"`) or a response-URL post. */
export interface SlackCall {
  kind: "api" | "response";
  /** Web API method (`chat.postMessage`) or the response URL's id. */
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded payloads are whatever the client sent
  body: Record<string, any>;
  /** The bearer token the client sent, if any. */
  token: string | undefined;
}

/** A user as `users.info` reports it. */
export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

/**
 * How the next call of a method fails: an HTTP status (with headers, e.g. `retry-after` for a
 * 429), `ok: false` with a Slack error, or a hang of `hangMs` before answering normally (so the
 * client times out). A hung `chat.postMessage` posts nothing if the client is gone when the hang
 * ends; with `postFirst` the message is posted at once and only the answer hangs (it arrived,
 * but the client may never learn so).
 */
export type FakeFailure =
  | { status: number; headers?: Record<string, string> }
  | { error: string }
  | { hangMs: number; postFirst?: boolean };

/** The bot identity `auth.test` returns. */
export const FAKE_BOT = { userId: "UBOT0001", botId: "BBOT0001", teamId: "T0001" } as const;

export interface FakeSlack {
  /** Base URL for the WebClient's `slackApiUrl`, ending in `/api/`. */
  apiUrl: string;
  /** Every request so far, in arrival order. */
  calls: SlackCall[];
  /** A fresh response URL on this fake; posts to it are recorded with `method` = its id. */
  responseUrl(id: string): string;
  /** Users known to `users.info` (others get `user_not_found`). */
  users: Map<string, FakeUser>;
  /** What `apps.connections.open` returns as the Socket Mode WebSocket URL. */
  socketUrl: string | undefined;
  /**
   * Messages `chat.postMessage` posted, per channel, oldest first, with their `metadata` as
   * sent; `conversations.history` serves them (metadata only with `include_all_metadata`).
   */
  history: Map<string, Array<{ ts: string; text: string; metadata?: unknown }>>;
  /** Makes the next call of `method` fail once. */
  failNext(method: string, failure: FakeFailure): void;
  /** Calls matching `predicate`, in order. */
  find(predicate: (call: SlackCall) => boolean): SlackCall[];
  /** Resolves with the first call (already recorded or future) matching `predicate`. */
  waitFor(predicate: (call: SlackCall) => boolean): Promise<SlackCall>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are untyped JSON
function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw);
  // The WebClient sends forms whose object-valued fields (blocks) are JSON strings.
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are untyped JSON
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

/** Options of {@link startFakeSlack}. */
export interface FakeSlackOptions {
  /** Stamps posted messages with this clock's time; default a counter from 1700000001. */
  clock?: () => Date;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const events = new EventEmitter();
  const failures = new Map<string, FakeFailure[]>();
  const users = new Map<string, FakeUser>();
  const history: FakeSlack["history"] = new Map();
  let ts = 1_700_000_000;
  let posts = 0;
  // With a clock, posted messages are stamped with its time (like Slack's own clock), so
  // `conversations.history` lookups by `oldest` match the test's time.
  const stamp = () => {
    posts += 1;
    if (!options.clock) return `${ts}.000100`;
    return `${Math.floor(options.clock().getTime() / 1000)}.${String(posts).padStart(6, "0")}`;
  };

  // biome-ignore lint/suspicious/noExplicitAny: request bodies are untyped JSON
  const post = (body: Record<string, any>) => {
    ts += 1;
    const posted = {
      ts: stamp(),
      text: String(body.text ?? ""),
      ...(body.metadata ? { metadata: body.metadata } : {}),
    };
    const channel = String(body.channel);
    history.set(channel, [...(history.get(channel) ?? []), posted]);
    return posted;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = parseBody(await readBody(req), req.headers["content-type"]);
      const auth = req.headers.authorization;
      const token = auth?.startsWith("Bearer ")
        ? auth.slice(7)
        : (body.token as string | undefined);
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
      const response = /^\/response\/([\w-]+)$/.exec(url.pathname);
      const method = api?.[1] ?? response?.[1];
      if (!method) return json(404, { ok: false, error: "unknown_path" });
      const call: SlackCall = { kind: api ? "api" : "response", method, body, token };
      calls.push(call);
      events.emit("call", call);
      const failure = failures.get(method)?.shift();
      if (failure && "hangMs" in failure && failure.postFirst && method === "chat.postMessage") {
        const posted = post(body);
        await new Promise((resolve) => setTimeout(resolve, failure.hangMs));
        if (res.destroyed) return;
        return json(200, { ok: true, channel: body.channel, ts: posted.ts, message: posted });
      }
      if (failure && "hangMs" in failure) {
        await new Promise((resolve) => setTimeout(resolve, failure.hangMs));
        if (res.destroyed) return;
      } else if (failure && "status" in failure) {
        res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
        res.end(JSON.stringify({ ok: false }));
        return;
      } else if (failure) {
        return json(200, { ok: false, error: failure.error });
      }
      if (response) return json(200, { ok: true });
      switch (method) {
        case "auth.test":
          return json(200, {
            ok: true,
            url: "https://fake.slack.test/",
            team: "Fake",
            user: "hotline",
            team_id: FAKE_BOT.teamId,
            user_id: FAKE_BOT.userId,
            bot_id: FAKE_BOT.botId,
          });
        case "chat.postMessage": {
          const posted = post(body);
          return json(200, { ok: true, channel: body.channel, ts: posted.ts, message: posted });
        }
        case "conversations.history": {
          // Newest first, from `oldest` on, like Slack; one page is enough for tests.
          const oldest = Number(body.oldest ?? 0);
          const withMetadata = String(body.include_all_metadata) === "true";
          const messages = (history.get(String(body.channel)) ?? [])
            .filter((message) => Number(message.ts) >= oldest)
            .map(({ metadata, ...message }) => (withMetadata ? { ...message, metadata } : message))
            .reverse();
          return json(200, { ok: true, messages, has_more: false });
        }
        case "chat.postEphemeral":
          ts += 1;
          return json(200, { ok: true, message_ts: `${ts}.000200` });
        case "apps.connections.open":
          return fake.socketUrl
            ? json(200, { ok: true, url: fake.socketUrl })
            : json(200, { ok: false, error: "not_allowed_token_type" });
        case "users.info": {
          const user = users.get(String(body.user));
          return user
            ? json(200, { ok: true, user })
            : json(200, { ok: false, error: "user_not_found" });
        }
        default:
          return json(200, { ok: true });
      }
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const find = (predicate: (call: SlackCall) => boolean) => calls.filter(predicate);
  const fake: FakeSlack = {
    socketUrl: undefined,
    history,
    apiUrl: `${base}/api/`,
    calls,
    users,
    responseUrl: (id) => `${base}/response/${id}`,
    failNext(method, failure) {
      const list = failures.get(method) ?? [];
      list.push(failure);
      failures.set(method, list);
    },
    find,
    waitFor(predicate) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (call: SlackCall) => {
          if (!predicate(call)) return;
          events.off("call", listener);
          resolve(call);
        };
        events.on("call", listener);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}

/** A fake Socket Mode endpoint: greets with `hello`, sends envelopes, records the app's acks. */
export interface FakeSocketMode {
  /** The `ws://` URL to hand out from `apps.connections.open`. */
  url: string;
  /** Resolves once the app has connected. */
  connected: Promise<void>;
  /** Sends an envelope (`slash_commands`, `events_api`, `interactive`) to the connected app. */
  send(envelope: {
    envelope_id: string;
    type: string;
    payload: unknown;
    accepts_response_payload?: boolean;
  }): void;
  /** Resolves with the app's acknowledgement of `envelopeId`. */
  waitForAck(envelopeId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Starts a WebSocket server on 127.0.0.1 that speaks enough of Socket Mode for the adapter. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const acks = new Map<string, Record<string, unknown>>();
  const events = new EventEmitter();
  let socket: WebSocket | undefined;
  const connected = new Promise<void>((resolve) => {
    server.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (typeof message.envelope_id === "string") {
          acks.set(message.envelope_id, message);
          events.emit("ack", message.envelope_id);
        }
      });
      ws.send(
        JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0001" } }),
      );
      resolve();
    });
  });
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected,
    send(envelope) {
      if (!socket) throw new Error("fake socket mode: no app connected");
      socket.send(JSON.stringify(envelope));
    },
    waitForAck(envelopeId) {
      const found = acks.get(envelopeId);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (id: string) => {
          if (id !== envelopeId) return;
          events.off("ack", listener);
          resolve(acks.get(id) ?? {});
        };
        events.on("ack", listener);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signSlackRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Options for {@link postToApp}. */
export interface PostOptions {
  /** Signing secret; default the one the test app uses. */
  secret: string;
  /** Unix seconds for `X-Slack-Request-Timestamp`; default now. */
  timestamp?: number;
  /** Replace the computed signature (to test rejection). */
  signature?: string;
  /** Extra headers, e.g. `X-Slack-Retry-Num`. */
  headers?: Record<string, string>;
}

/** Sends a signed request to the app's `/slack/events`, like Slack does. Form or JSON by body type. */
export async function postToApp(
  baseUrl: string,
  body: string | Record<string, unknown>,
  options: PostOptions,
): Promise<{ status: number; text: string }> {
  const isForm = typeof body === "string";
  const raw = isForm ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? signSlackRequest(options.secret, timestamp, raw),
      ...options.headers,
    },
    body: raw,
  });
  return { status: response.status, text: await response.text() };
}
