import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHandle, startSlack } from "../../../adapters/slack/app.js";
import { SLACK_LIMITS } from "../../../adapters/slack/message.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import type { Hotline } from "../../../src/hotline-api.js";
import { type FakeSlack, postToApp, type SlackCall, startFakeSlack } from "../../fakes/slack.js";
import { captureLogs, eventBody, mention, slashBody } from "./helpers.js";

const SECRET = "long-answer-signing-secret";

/** Letters-only names (a, b, …, aa, ab, …) so the long sentence holds no dates or numbers. */
function name(i: number): string {
  let n = i;
  let out = "";
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

// One sentence of about 9,000 characters (15,000 once `&`, `<` and `>` are escaped): no quote of
// it fits one section or one message, yet it fits the five messages a response URL takes.
const LONG_SENTENCE = `The marathon hotline protocol lists ${Array.from(
  { length: 500 },
  (_, i) => `clause ${name(i)} & <item>`,
).join(", ")} for the duty officers.`;

let dir: string;
let fake: FakeSlack;
let handle: SlackHandle;
let hotline: Hotline;
let base: string;
const logs = captureLogs();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hotline-slack-long-"));
  writeFileSync(
    join(dir, "marathon.md"),
    [
      "---",
      "id: marathon-protocol",
      "title: The marathon protocol",
      "publisher: Test Gazette",
      "author: null",
      "published: 2008-05-01",
      "url: https://example.test/marathon",
      "---",
      "",
      LONG_SENTENCE,
      "",
      "A short closing paragraph about the marathon hotline protocol.",
      "",
    ].join("\n"),
  );
  hotline = loadHotline({ corpusDir: dir });
  fake = await startFakeSlack();
  const config = loadConfig({
    // These tests ask many questions from one channel; rate limits are tested in test/reliability.
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    SLACK_BOT_TOKEN: "xoxb-long",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
  });
  handle = await startSlack({
    hotline,
    config,
    logger: logs.logger,
    host: "127.0.0.1",
    retryConfig: { retries: 0 },
  });
  base = `http://127.0.0.1:${handle.port}`;
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function messageChars(call: SlackCall): number {
  let n = String(call.body.text).length;
  for (const block of call.body.blocks as {
    type: string;
    text?: { text: string };
    elements?: { text?: string }[];
  }[]) {
    n += block.text?.text.length ?? 0;
    for (const e of block.elements ?? []) n += e.text?.length ?? 0;
  }
  return n;
}

/** Section texts in order, with quote markers and escaping undone, as words. */
function sectionWords(calls: SlackCall[]): string[] {
  return calls
    .flatMap((c) => c.body.blocks as { type: string; text?: { text: string } }[])
    .flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []))
    .join("\n")
    .replace(/^>/gm, "")
    .replace(/\u200B/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .split(/\s+/)
    .filter(Boolean);
}

function expectSplitAndComplete(calls: SlackCall[], quoteText: string): void {
  expect(calls.length).toBeGreaterThan(1);
  let sections = 0;
  for (const call of calls) {
    const blocks = call.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(messageChars(call)).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
    for (const block of blocks.filter((b) => b.type === "section")) {
      sections += 1;
      expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
    }
    expect(JSON.stringify(blocks)).not.toContain("<item>");
  }
  expect(sections).toBeGreaterThan(2);
  const words = sectionWords(calls);
  const expected = quoteText.split(/\s+/);
  const start = words.indexOf(expected[0] ?? "");
  expect(words.slice(start, start + expected.length)).toEqual(expected);
}

describe("a long answer", () => {
  const question = "what does the marathon hotline protocol list";

  it("GIVEN the corpus quotes a very long paragraph THEN the slash answer is split across messages, word for word", async () => {
    const reply = hotline.ask(question);
    if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
    const long = reply.quotes.find((q) => q.text.length > 2 * SLACK_LIMITS.sectionChars);
    expect(long).toBeDefined();

    const since = logs.records.length;
    await postToApp(base, slashBody(`ask ${question}`, "ULONG1", fake.responseUrl("long-slash")), {
      secret: SECRET,
    });
    await logs.waitFor((r) => r.user === "ULONG1" && r.msg === "slack: answered /hotline", since);
    const calls = fake.find((c) => c.method === "long-slash");
    expect(calls.length).toBeLessThanOrEqual(SLACK_LIMITS.responsesPerUrl);
    expectSplitAndComplete(calls, long?.text ?? "");
  });

  it("GIVEN the same question as a mention THEN the thread gets every part, in order, within the limits", async () => {
    const reply = hotline.ask(question);
    if (reply.status !== "answered") throw new Error(`expected an answer, got ${reply.status}`);
    const ts = "1700001000.000100";
    const since = logs.records.length;
    await postToApp(base, eventBody(mention(question, "ULONG2", ts)), { secret: SECRET });
    await logs.waitFor((r) => r.user === "ULONG2" && r.msg === "slack: answered mention", since);
    const calls = fake.find((c) => c.method === "chat.postMessage" && c.body.thread_ts === ts);
    for (const quote of reply.quotes) expectSplitAndComplete(calls, quote.text);
  });
});
