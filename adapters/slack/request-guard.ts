/**
 * The checks a request to `POST /slack/events` passes before Bolt sees it, in the order that
 * costs an attacker the most and us the least: the signature headers (present, well formed,
 * timestamp within five minutes of now in either direction) and the declared size before a
 * byte of the body is read; the body read up to a cap; the HMAC; the signature not seen before
 * (replay); and a body that is an object. Bolt then verifies the signature once more with its
 * own code, so a bug here cannot let an unsigned request through on its own.
 */

import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions } from "@slack/bolt";
import type { Logger } from "pino";
import { describeError } from "../../src/errors.js";
import type { SeenKeys } from "./seen-keys.js";

/** Largest accepted body of `/slack/events`: 64 KiB (Slack's own payloads are a few KiB). */
export const SLACK_BODY_LIMIT_BYTES = 64 * 1024;

/** How far a request's `X-Slack-Request-Timestamp` may be from now, either way: five minutes. */
export const SLACK_REQUEST_WINDOW_MS = 5 * 60 * 1000;

/**
 * How long a signature is remembered: a signature first seen at the earliest accepted moment
 * (timestamp − 5 min) stays acceptable until timestamp + 5 min, ten minutes later.
 */
export const SLACK_REPLAY_TTL_MS = 2 * SLACK_REQUEST_WINDOW_MS;

/** Unsigned bodies are only ever Slack's `ssl_check=1&token=…`: a few dozen bytes. */
const UNSIGNED_LIMIT_BYTES = 1024;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** Options of {@link createRequestGuard}. */
export interface RequestGuardOptions {
  signingSecret: string;
  /** Where signatures are remembered for the replay check. */
  seen: SeenKeys;
  log: Logger;
  /** Default {@link SLACK_BODY_LIMIT_BYTES}. */
  bodyLimitBytes?: number | undefined;
  /** Clock in milliseconds for the timestamp window. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** Why a request was refused, and with which status. */
interface Refusal {
  status: 400 | 401 | 409 | 413 | 503;
  reason: string;
}

/**
 * Checks one request. Resolves with the raw body when it may go on to Bolt; otherwise answers
 * it (400, 401, 409, 413, or 503 when the replay memory fails: closed, not open) and resolves
 * undefined. Never rejects.
 */
export type RequestGuard = (
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<Buffer | undefined>;

/** Reads the body, refusing it (without reading further) once it passes `limit` bytes. */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (outcome: Buffer | Refusal) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.pause();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop({ status: 413, reason: `body over ${limit} bytes` });
      chunks.push(chunk);
    };
    const onEnd = () => stop(Buffer.concat(chunks));
    // Also a sender hanging up mid-body: Node reports it as an "aborted" error.
    const onError = (error: Error) =>
      stop({ status: 400, reason: `body unreadable: ${error.message}` });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string) {
  const expected = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature.slice(3), "hex"));
}

/** The body as Bolt will parse it is a JSON object (not null, an array, a number, a string). */
function isObjectBody(req: IncomingMessage, rawBody: Buffer): boolean {
  try {
    const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody({
      headers: req.headers,
      rawBody,
    } as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
    return typeof body === "object" && body !== null && !Array.isArray(body);
  } catch {
    return false;
  }
}

/** Builds the guard. See the module comment for the order of the checks. */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const { signingSecret, seen, log } = options;
  const limit = options.bodyLimitBytes ?? SLACK_BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;

  /** Slack's certificate check: unsigned, small, and answered here without reaching Bolt. */
  const sslCheck = async (req: IncomingMessage): Promise<Refusal | "ssl_check"> => {
    const refusal: Refusal = { status: 401, reason: "signature headers missing" };
    if (header(req, "content-type") !== "application/x-www-form-urlencoded") return refusal;
    if (Number(req.headers["content-length"] ?? 0) > UNSIGNED_LIMIT_BYTES) return refusal;
    const body = await readCapped(req, UNSIGNED_LIMIT_BYTES);
    if (!Buffer.isBuffer(body)) return refusal;
    return new URLSearchParams(body.toString("utf8")).get("ssl_check") === "1"
      ? "ssl_check"
      : refusal;
  };

  const check = async (req: IncomingMessage): Promise<Buffer | Refusal | "ssl_check"> => {
    const signature = header(req, "x-slack-signature");
    const timestamp = header(req, "x-slack-request-timestamp");
    if (signature === undefined && timestamp === undefined) return sslCheck(req);
    if (signature === undefined || !SIGNATURE.test(signature)) {
      return { status: 401, reason: "x-slack-signature missing or not v0=<64 hex>" };
    }
    if (timestamp === undefined || !TIMESTAMP.test(timestamp)) {
      return { status: 401, reason: "x-slack-request-timestamp missing or not a number" };
    }
    const skewMs = Math.abs(now() - Number(timestamp) * 1000);
    if (skewMs > SLACK_REQUEST_WINDOW_MS) {
      return { status: 401, reason: "x-slack-request-timestamp more than five minutes from now" };
    }
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      return { status: 413, reason: `content-length over ${limit} bytes` };
    }
    const body = await readCapped(req, limit);
    if (!Buffer.isBuffer(body)) return body;
    if (!signatureMatches(signingSecret, timestamp, body, signature)) {
      return { status: 401, reason: "signature mismatch" };
    }
    if (!(await seen.firstSeen(`signature:${signature}`, SLACK_REPLAY_TTL_MS))) {
      return { status: 409, reason: "signature already used (replayed request)" };
    }
    if (!isObjectBody(req, body)) return { status: 400, reason: "body is not a JSON object" };
    return body;
  };

  return async (req, res) => {
    let outcome: Buffer | Refusal | "ssl_check";
    try {
      outcome = await check(req);
    } catch (error) {
      // The replay memory could not answer: refuse rather than risk answering a replay.
      log.error({ err: describeError(error) }, "slack: request check failed; refused");
      outcome = { status: 503, reason: "replay check unavailable" };
    }
    if (Buffer.isBuffer(outcome)) return outcome;
    if (outcome === "ssl_check") {
      res.writeHead(200);
      res.end();
      return undefined;
    }
    log.warn({ status: outcome.status, reason: outcome.reason }, "slack: request refused");
    // An unread body is not drained: the connection closes after the answer.
    res.writeHead(outcome.status, { "content-type": "text/plain", connection: "close" });
    res.end(`${outcome.reason}\n`);
    return undefined;
  };
}
