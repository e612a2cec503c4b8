/**
 * The round-robin proxy of the two-process load test (`bench/proxy.ts`), against real HTTP
 * servers on 127.0.0.1: requests alternate between the backends, and a backend that cannot be
 * reached is answered 502 and counted, not skipped.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { BACKEND_HEADER, type RoundRobinProxy, startRoundRobinProxy } from "../../bench/proxy.js";

const servers: Server[] = [];
let proxy: RoundRobinProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A backend that answers `<name> <method> <path> <body>` and records each body it got. */
async function backend(name: string, seen: string[]): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push(`${name}:${body}`);
      res.writeHead(200, { "content-type": "text/plain", "x-served-by": name });
      res.end(`${name} ${req.method} ${req.url} ${body}`);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A URL on which nothing listens: a server's port, after that server has closed. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("GIVEN a round-robin proxy in front of two servers", () => {
  test("WHEN six requests are sent one after another on one keep-alive connection THEN they alternate a, b, a, b, a, b with bodies, paths and statuses passed through", async () => {
    const seen: string[] = [];
    proxy = await startRoundRobinProxy({
      backends: [await backend("a", seen), await backend("b", seen)],
    });
    const answers: string[] = [];
    const served: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      // fetch reuses one keep-alive connection: alternation must be per request.
      const res = await fetch(`${proxy.url}/slack/events?n=${i}`, {
        method: "POST",
        body: `r${i}`,
      });
      expect(res.status).toBe(200);
      served.push(res.headers.get(BACKEND_HEADER));
      expect(res.headers.get("x-served-by")).toBe(i % 2 === 0 ? "a" : "b");
      answers.push(await res.text());
    }
    expect(seen).toEqual(["a:r0", "b:r1", "a:r2", "b:r3", "a:r4", "b:r5"]);
    expect(served).toEqual(["0", "1", "0", "1", "0", "1"]);
    expect(answers[3]).toBe("b POST /slack/events?n=3 r3");
    expect(proxy.stats().map((s) => [s.requests, s.failures])).toEqual([
      [3, 0],
      [3, 0],
    ]);
  });

  test("WHEN the second server is dead THEN its requests get 502, the live one still answers, and the stats name the dead backend and ECONNREFUSED", async () => {
    const seen: string[] = [];
    const live = await backend("a", seen);
    const dead = await deadUrl();
    proxy = await startRoundRobinProxy({ backends: [live, dead] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/x`, { method: "POST", body: `r${i}` });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 502, 200, 502]);
    expect(seen).toEqual(["a:r0", "a:r2"]);
    expect(proxy.stats()).toEqual([
      { url: live, requests: 2, failures: 0, lastError: undefined },
      { url: dead, requests: 2, failures: 2, lastError: "ECONNREFUSED" },
    ]);
  });
});
