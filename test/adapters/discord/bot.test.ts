import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DiscordBot, startDiscord } from "../../../adapters/discord/bot.js";
import { escapeText } from "../../../adapters/discord/message.js";
import { renderResult } from "../../../adapters/discord/render.js";
import { type CommandContext, type Invocation, runCommand } from "../../../src/commands/run.js";
import { COMMAND } from "../../../src/commands/spec.js";
import { loadConfig } from "../../../src/config.js";
import { loadHotline } from "../../../src/hotline.js";
import type { Hotline } from "../../../src/hotline-api.js";
import { createLogger } from "../../../src/log.js";
import type { Answer, Reply } from "../../../src/model.js";
import { eventHeading } from "../../../src/present/digest.js";
import { formatDate } from "../../../src/present/format.js";
import { FAILURE_MESSAGE } from "../../../src/present/texts.js";
import { openSqliteStore } from "../../../src/schedule/sqlite-store.js";
import type { ScheduleStore } from "../../../src/schedule/store.js";
import {
  createSubscriptionService,
  type ScheduleSubscriptions,
} from "../../../src/schedule/subscriptions.js";
import {
  BOT_PERMISSIONS,
  FakeDiscord,
  type InteractionOption,
  MEMBER_PERMISSIONS,
  PERMISSIONS,
  type RecordedRequest,
} from "../../fakes/discord.js";

import { LogSink, sendPost } from "../../fakes/recorders.js";

const NOBODY = { parse: [], replied_user: false };

// biome-ignore lint/suspicious/noExplicitAny: wire JSON the bot sent; tests assert it field by field
type Wire = any;

interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  log: LogSink;
  /** The real SQLite store (in memory) behind `/hotline subscribe`. */
  store: ScheduleStore;
  subscriptions: ScheduleSubscriptions;
}

const NOW = new Date("2026-12-29T12:00:00Z");

async function start(
  hotline: Hotline,
  options: { botPermissions?: bigint; shards?: { id: number; count: number } } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(options);
  const config = loadConfig({
    // These tests ask many questions from one channel; rate limits are tested in test/reliability.
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    RATE_LIMIT_CHANNEL_PER_MINUTE: "100000",
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    HOTLINE_TIMEZONE: "UTC",
    ...(options.shards
      ? {
          DISCORD_SHARDS: String(options.shards.id),
          DISCORD_SHARD_COUNT: String(options.shards.count),
        }
      : {}),
  });
  const log = new LogSink();
  const store = openSqliteStore({ path: ":memory:" });
  const subscriptions = await createSubscriptionService({ store, config, clock: () => NOW });
  const bot = await startDiscord({
    hotline,
    config,
    logger: createLogger("info", log),
    subscriptions,
    now: () => NOW,
  });
  return { fake, bot, log, store, subscriptions };
}

async function stop(h: Harness | undefined): Promise<void> {
  await h?.bot.stop();
  await h?.fake.stop();
  await h?.store.close();
}

/** The fake's text channel, as the store keys it. */
function channelOf(h: Harness) {
  return { platform: "discord" as const, workspaceId: h.fake.guildId, channelId: h.fake.channelId };
}

/** The same context the bot builds for an interaction by an ordinary member. */
function ctx(h: Harness, isAdmin = false): CommandContext {
  return {
    channel: { platform: "discord", workspaceId: h.fake.guildId, channelId: h.fake.channelId },
    userId: "400000000000000001",
    isAdmin,
    subscriptions: h.subscriptions,
    today: "12-29",
  };
}

/** How many messages the bot will send for an invocation (the core's own result, rendered). */
async function expectedCount(
  hotline: Hotline,
  h: Harness,
  invocation: Invocation,
  isAdmin = false,
): Promise<number> {
  return renderResult(await runCommand(hotline, invocation, ctx(h, isAdmin))).length;
}

/**
 * Waits for the `count` messages the bot sends for interaction `token` (an immediate reply,
 * the edit of a deferred reply, follow-ups) and returns their wire bodies in order.
 */
async function interactionMessages(
  fake: FakeDiscord,
  token: string,
  count: number,
): Promise<Wire[]> {
  const isMessage = (r: RecordedRequest) =>
    (r.path.endsWith(`/${token}/callback`) && r.body?.type === 4) ||
    (r.method === "PATCH" &&
      r.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`) ||
    (r.method === "POST" && r.path === `/webhooks/${fake.applicationId}/${token}`);
  const requests = await fake.waitForRequests(isMessage, count);
  return requests.map((r) => (r.body?.type === 4 ? r.body.data : r.body));
}

function callbackOf(fake: FakeDiscord, token: string): RecordedRequest | undefined {
  return fake.find((r) => r.path.endsWith(`/${token}/callback`))[0];
}

function allText(messages: Wire[]): string {
  return messages
    .flatMap((m) => [
      m.content ?? "",
      ...(m.embeds ?? []).flatMap((e: Wire) => [
        e.title ?? "",
        e.description ?? "",
        e.footer?.text ?? "",
      ]),
    ])
    .join("\n");
}

function expectNoPings(messages: Wire[]): void {
  for (const m of messages) expect(m.allowed_mentions).toEqual(NOBODY);
}

const str = (name: string, value: string): InteractionOption => ({ name, type: 3, value });
const bool = (name: string, value: boolean): InteractionOption => ({ name, type: 5, value });

/** Asserts that every quote of an answer appears verbatim (markdown-escaped) with its citation. */
function expectQuotes(text: string, reply: Reply): void {
  expect(reply.status).toBe("answered");
  for (const quote of (reply as Answer).quotes) {
    expect(text.replace(/^> /gm, "")).toContain(escapeText(quote.text));
    expect(text).toContain(`(${quote.source.url})`);
    expect(text).toContain(quote.location);
  }
}

describe("the Discord adapter against the real corpus", () => {
  const hotline = loadHotline();
  let h: Harness;
  beforeAll(async () => {
    h = await start(hotline);
  });
  afterAll(async () => {
    await stop(h);
  });

  test("GIVEN the bot starts THEN it identifies with only the Guilds and GuildMessages intents", () => {
    expect(h.fake.identifies[0]?.intents).toBe(1 | 512);
    expect(h.fake.find((r) => r.path === "/gateway/bot")).toHaveLength(1);
  });

  test("GIVEN /hotline ask THEN the reply is deferred, then shows every quote with its citation and pings nobody", async () => {
    const question = "What is the Beijing-Moscow hotline for?";
    const { token } = h.fake.sendCommand("ask", [str("question", question)]);
    const count = await expectedCount(hotline, h, { name: "ask", options: { question } });
    const messages = await interactionMessages(h.fake, token, count);
    expect(callbackOf(h.fake, token)?.body).toEqual({ type: 5, data: { flags: 0 } });
    expectNoPings(messages);
    expectQuotes(allText(messages), hotline.ask(question));
  });

  test("GIVEN /hotline ask with hide THEN the deferral and answer are ephemeral", async () => {
    const question = "What is the Beijing-Moscow hotline for?";
    const { token } = h.fake.sendCommand("ask", [str("question", question), bool("hide", true)]);
    const messages = await interactionMessages(h.fake, token, 1);
    expect(callbackOf(h.fake, token)?.body.data.flags).toBe(MessageFlags.Ephemeral);
    expectNoPings(messages);
  });

  test("GIVEN /hotline when THEN the event's date is the title and the dating sentence is quoted", async () => {
    const event = hotline.suggest("", 25)[0]?.value ?? "";
    const reply = hotline.when(event);
    const { token } = h.fake.sendCommand("when", [str("event", event)]);
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "when", options: { event } }),
    );
    expectNoPings(messages);
    if (reply.status !== "answered" || !reply.date) throw new Error(`no dated answer for ${event}`);
    expect(messages[0].embeds[0].title).toBe(formatDate(reply.date, true));
    expect(messages[0].embeds[0].footer.text).toBe(`Event: ${reply.question}`);
    expectQuotes(allText(messages), reply);
  });

  test("GIVEN free text for /hotline when that matches no suggestion THEN it still gets an answer, not an error", async () => {
    const event = "when was the military hotline first used";
    const { token } = h.fake.sendCommand("when", [str("event", event)]);
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "when", options: { event } }),
    );
    expect(allText(messages)).not.toContain(FAILURE_MESSAGE);
    expect(messages[0].flags & MessageFlags.Ephemeral).toBe(0);
  });

  test("GIVEN typing in the event option THEN autocomplete offers the core's suggestions (≤ 25, names ≤ 100)", async () => {
    const { token } = h.fake.sendAutocomplete("when", "event", "hotline");
    const [callback] = await h.fake.waitForRequests((r) => r.path.endsWith(`/${token}/callback`));
    expect(callback?.body.type).toBe(8);
    const choices = callback?.body.data.choices as Array<{ name: string; value: string }>;
    const suggestions = hotline.suggest("hotline", 25);
    expect(choices).toHaveLength(suggestions.length);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]?.value.replace(/…$/, "")).toBe(
      suggestions[0]?.value.slice(0, choices[0]?.value.replace(/…$/, "").length),
    );
  });

  test("GIVEN /hotline timeline THEN every event is listed, within limits", async () => {
    const { token } = h.fake.sendCommand("timeline");
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "timeline", options: {} }),
    );
    expectNoPings(messages);
    const text = allText(messages);
    for (const event of hotline.timeline()) expect(text).toContain(escapeText(event.label));
  });

  test("GIVEN /hotline today THEN the digest for the injected day is shown under each event's heading ('On this day in YEAR', marked when only reported)", async () => {
    const { token } = h.fake.sendCommand("today");
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "today", options: {} }),
    );
    const digest = hotline.today("12-29");
    const events = digest.events.length > 0 ? digest.events : (digest.next?.events ?? []);
    const text = allText(messages);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(text).toContain(eventHeading(event, digest.monthDay));
      expect(text.replace(/^> /gm, "")).toContain(escapeText(event.quote.text));
    }
  });

  test("GIVEN /hotline sources THEN each document is listed with its link", async () => {
    const { token } = h.fake.sendCommand("sources");
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "sources", options: {} }),
    );
    const text = allText(messages);
    for (const source of hotline.sources()) expect(text).toContain(`(${source.url})`);
  });

  test("GIVEN /hotline help THEN only the asker sees the usage of every subcommand", async () => {
    const { token } = h.fake.sendCommand("help");
    const messages = await interactionMessages(h.fake, token, 1);
    expect(messages[0].flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    for (const sub of COMMAND.subcommands) expect(allText(messages)).toContain(sub.usage);
  });

  test("GIVEN /hotline subscribe by a member without Manage Server THEN it is refused privately and nothing is stored", async () => {
    const { token } = h.fake.sendCommand("subscribe", [], { permissions: MEMBER_PERMISSIONS });
    const [message] = await interactionMessages(h.fake, token, 1);
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.content).toContain("Only admins of this server or workspace");
    expect(await h.store.findSubscription(channelOf(h))).toBeUndefined();
    expect(await h.store.listSubscriptions()).toEqual([]);
  });

  test("GIVEN /hotline subscribe by a member with Manage Server THEN the channel is stored in SQLite with the time and the admin", async () => {
    const admin = h.fake.user("400000000000000007", "admin");
    const { token } = h.fake.sendCommand("subscribe", [str("time", "08:30")], {
      user: admin,
      permissions: MEMBER_PERMISSIONS | PERMISSIONS.ManageGuild,
    });
    const [message] = await interactionMessages(h.fake, token, 1);
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.content).toMatch(/^Subscribed/);
    expect(await h.store.findSubscription(channelOf(h))).toMatchObject({
      ...channelOf(h),
      time: "08:30",
      timezone: "UTC",
      source: "command",
      requestedBy: admin.id,
    });
  });

  test("GIVEN /hotline unsubscribe by an admin THEN a private notice confirms it and the stored subscription is gone", async () => {
    expect(await h.store.findSubscription(channelOf(h))).toMatchObject({ time: "08:30" });
    const { token } = h.fake.sendCommand("unsubscribe", [], {
      permissions: PERMISSIONS.ManageGuild,
    });
    const [message] = await interactionMessages(h.fake, token, 1);
    expect(message.content).toBe("This channel will no longer get on-this-day posts.");
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(await h.store.findSubscription(channelOf(h))).toBeUndefined();
  });

  test("GIVEN a question with @everyone, a role mention and markdown THEN the echo is the plain question and nobody is pinged", async () => {
    const question = "**Who** built the hotline? @everyone <@&700000000000000001>";
    const { token } = h.fake.sendCommand("ask", [str("question", question)]);
    const messages = await interactionMessages(
      h.fake,
      token,
      await expectedCount(hotline, h, { name: "ask", options: { question } }),
    );
    expectNoPings(messages);
    const text = allText(messages);
    // The core's chat normaliser reads the question as plain words.
    expect(text).toContain("Who built the hotline?");
    expect(text).not.toMatch(/\*\*Who|@everyone|<@&700000000000000001>/);
  });

  test("GIVEN a mention with a question in a text channel THEN a thread named after it is started and answered in", async () => {
    const question = "What is the Beijing-Moscow hotline for?";
    const messageId = h.fake.sendMessage(`<@${h.fake.botUser.id}> ${question}`);
    const threadPath = `/channels/${h.fake.channelId}/messages/${messageId}/threads`;
    const [create] = await h.fake.waitForRequests((r) => r.path === threadPath);
    expect(create?.body.name).toBe(question);
    const count = renderResult(
      await runCommand(hotline, { name: "ask", options: { question } }, ctx(h)),
      {
        ephemeral: false,
      },
    ).length;
    const index = h.fake.requests.indexOf(create as RecordedRequest);
    const posts = await h.fake.waitForRequests(
      (r) =>
        h.fake.requests.indexOf(r) > index &&
        r.method === "POST" &&
        /^\/channels\/\d+\/messages$/.test(r.path) &&
        r.path !== `/channels/${h.fake.channelId}/messages`,
      count,
    );
    const messages = posts.map((r) => r.body);
    expectNoPings(messages);
    expectQuotes(allText(messages), hotline.ask(question));
  });

  test("GIVEN a mention inside a thread THEN the answer goes to that thread and no new thread is made", async () => {
    const threadsBefore = h.fake.find((r) => r.path.endsWith("/threads")).length;
    h.fake.sendMessage(`<@!${h.fake.botUser.id}> what is the hotline for?`, {
      channelId: h.fake.threadId,
    });
    const [post] = await h.fake.waitForRequests(
      (r) => r.path === `/channels/${h.fake.threadId}/messages`,
    );
    expect(post?.body.allowed_mentions).toEqual(NOBODY);
    expect(h.fake.find((r) => r.path.endsWith("/threads"))).toHaveLength(threadsBefore);
  });

  test("GIVEN a mention from a bot THEN it is ignored (the next human mention is the only one answered)", async () => {
    const botAuthor = { ...h.fake.user("400000000000000005", "otherbot"), bot: true };
    const ignored = h.fake.sendMessage(`<@${h.fake.botUser.id}> what is the hotline for?`, {
      author: botAuthor,
    });
    const mine = h.fake.sendMessage(`<@${h.fake.botUser.id}> who uses the hotline?`);
    await h.fake.waitForRequests((r) => r.path.includes(`/messages/${mine}/threads`));
    expect(
      h.fake.find(
        (r) => r.path.includes(ignored) || r.body?.message_reference?.message_id === ignored,
      ),
    ).toEqual([]);
  });

  test("GIVEN a bare mention THEN the bot replies with short help", async () => {
    const id = h.fake.sendMessage(`<@${h.fake.botUser.id}>`);
    const [reply] = await h.fake.waitForRequests(
      (r) => r.body?.message_reference?.message_id === id,
    );
    expect(reply?.path).toBe(`/channels/${h.fake.channelId}/messages`);
    expect(reply?.body.content).toContain("/hotline help");
    expect(reply?.body.allowed_mentions).toEqual(NOBODY);
    expect(reply?.body.flags & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
  });

  test("GIVEN a mention with @everyone and a role mention THEN the thread answer pings nobody", async () => {
    const id = h.fake.sendMessage(
      `<@${h.fake.botUser.id}> @everyone <@&700000000000000001> what is the _hotline_ for?`,
    );
    const [create] = await h.fake.waitForRequests((r) =>
      r.path.endsWith(`/messages/${id}/threads`),
    );
    expect(create?.body.name).toBe("@everyone <@&700000000000000001> what is the _hotline_ for?");
    const index = h.fake.requests.indexOf(create as RecordedRequest);
    const [post] = await h.fake.waitForRequests(
      (r) =>
        h.fake.requests.indexOf(r) > index &&
        r.method === "POST" &&
        /^\/channels\/5\d+\/messages$/.test(r.path),
    );
    expect(post?.body.allowed_mentions).toEqual(NOBODY);
    expect(allText([post?.body])).not.toMatch(/(?<!\\)_hotline_/);
  });

  test("GIVEN Discord refuses to create the thread THEN the bot replies to the message instead", async () => {
    h.fake.refuseThreads = true;
    try {
      const id = h.fake.sendMessage(`<@${h.fake.botUser.id}> what is the hotline for?`);
      const [reply] = await h.fake.waitForRequests(
        (r) => r.body?.message_reference?.message_id === id,
      );
      expect(reply?.path).toBe(`/channels/${h.fake.channelId}/messages`);
      expect(reply?.body.allowed_mentions).toEqual(NOBODY);
    } finally {
      h.fake.refuseThreads = false;
    }
  });

  test("GIVEN the scheduler asks an unsharded bot THEN it owns every Discord server (it holds the only shard), nothing else, and posts the digest to the channel", async () => {
    const channel = channelOf(h);
    expect(h.bot.sender.owns(channel)).toBe(true);
    expect(h.bot.sender.owns({ ...channel, workspaceId: "999999999999999999" })).toBe(true);
    expect(h.bot.sender.owns({ ...channel, platform: "slack" })).toBe(false);
    expect(h.bot.sender.owns({ ...channel, workspaceId: "local" })).toBe(false);
    const event = hotline.timeline().find((e) => e.date.precision === "day");
    if (!event) throw new Error("the corpus has no event dated to the day");
    const digest = hotline.today(event.date.iso.slice(5));
    const before = h.fake.find((r) => r.path === `/channels/${h.fake.channelId}/messages`).length;
    await sendPost(h.bot.sender, channel, digest);
    const posts = h.fake
      .find((r) => r.path === `/channels/${h.fake.channelId}/messages`)
      .slice(before);
    expect(posts.length).toBeGreaterThan(0);
    expect(allText(posts.map((p) => p.body))).toContain(
      `On this day in ${event.date.iso.slice(0, 4)}`,
    );
    await expect(
      sendPost(h.bot.sender, { ...channel, channelId: "300000000000009999" }, digest),
    ).rejects.toThrow("discord: cannot fetch channel 300000000000009999");
  });
});

describe("the Discord adapter as a shard that does not hold the server", () => {
  const hotline = loadHotline();
  let h: Harness;
  beforeAll(async () => {
    // The fake's guild id maps to shard 0 of 2 ((id >> 22) % 2), so shard 1 never receives it.
    h = await start(hotline, { shards: { id: 1, count: 2 } });
  });
  afterAll(async () => {
    await stop(h);
  });

  test("GIVEN a scheduled post for that server THEN this shard's sender does not own it", () => {
    expect(h.fake.identifies[0]?.shard).toEqual([1, 2]);
    const channel = {
      platform: "discord" as const,
      workspaceId: h.fake.guildId,
      channelId: h.fake.channelId,
    };
    expect(h.bot.sender.owns(channel)).toBe(false);
  });
});

describe("the Discord adapter without thread permission", () => {
  const hotline = loadHotline();
  let h: Harness;
  beforeAll(async () => {
    h = await start(hotline, {
      botPermissions: BOT_PERMISSIONS & ~PERMISSIONS.CreatePublicThreads,
    });
  });
  afterAll(async () => {
    await stop(h);
  });

  test("GIVEN a mention where the bot may not create threads THEN it replies to the message without trying", async () => {
    const id = h.fake.sendMessage(`<@${h.fake.botUser.id}> what is the hotline for?`);
    const [reply] = await h.fake.waitForRequests(
      (r) => r.body?.message_reference?.message_id === id,
    );
    expect(reply?.path).toBe(`/channels/${h.fake.channelId}/messages`);
    expect(h.fake.find((r) => r.path.endsWith("/threads"))).toEqual([]);
  });
});

describe("the Discord adapter when the core fails", () => {
  const real = loadHotline();
  const failing: Hotline = {
    ...real,
    ask() {
      throw new Error("index exploded");
    },
  };
  let h: Harness;
  beforeAll(async () => {
    h = await start(failing);
  });
  afterAll(async () => {
    await stop(h);
  });

  test("GIVEN ask throws THEN the asker gets a private error, the error is logged with the interaction id, and the bot keeps answering", async () => {
    const { id, token } = h.fake.sendCommand("ask", [str("question", "what is the hotline for?")]);
    const [message] = await interactionMessages(h.fake, token, 1);
    expect(message.content).toBe(FAILURE_MESSAGE);
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.allowed_mentions).toEqual(NOBODY);
    // The public "thinking…" placeholder is removed so the failure is not shown to everyone.
    expect(h.fake.find((r) => r.method === "DELETE" && r.path.includes(token))).toHaveLength(1);
    const logged = h.log.lines.find((line) => line.interactionId === id);
    expect(logged?.msg).toBe("discord: command failed");
    expect(logged?.message).toBe("index exploded");

    const next = h.fake.sendCommand("sources");
    const [answer] = await interactionMessages(h.fake, next.token, 1);
    expect(answer.embeds.length).toBeGreaterThan(0);
  });

  test("GIVEN ask throws for a mention THEN the bot replies with a short message and stays up", async () => {
    const id = h.fake.sendMessage(`<@${h.fake.botUser.id}> what is the hotline for?`);
    const [reply] = await h.fake.waitForRequests(
      (r) => r.body?.message_reference?.message_id === id,
    );
    expect(reply?.body.content).toBe(FAILURE_MESSAGE);
    expect(h.log.lines.some((line) => line.messageId === id)).toBe(true);
  });
});

describe("the Discord adapter with a quote longer than one message", () => {
  let dir: string;
  let hotline: Hotline;
  let h: Harness;
  const clauses = Array.from(
    { length: 90 },
    (_, i) =>
      `the duty officers on the Beijing–Moscow hotline tested the encrypted telephone link for the ${i + 1}th time that winter`,
  );
  const longSentence = `During the exercise, ${clauses.join(", and ")}.`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hotline-discord-"));
    writeFileSync(
      join(dir, "long-paragraph.md"),
      [
        "---",
        "id: long-paragraph",
        "title: A very long report on the hotline",
        "publisher: Test Wire",
        "author: A. Tester",
        "published: 2009-01-15",
        "url: https://example.org/long-report",
        "---",
        "",
        "The Beijing–Moscow hotline was opened in 2008 for timely communication between the two militaries.",
        "",
        longSentence,
        "",
      ].join("\n"),
    );
    hotline = loadHotline({ corpusDir: dir });
    h = await start(hotline);
  });
  afterAll(async () => {
    await stop(h);
    rmSync(dir, { recursive: true, force: true });
  });

  test("GIVEN an answer longer than Discord's limits THEN it is split across follow-ups, never mid-word, nothing dropped", async () => {
    const question = "How did the duty officers test the encrypted telephone link on the hotline?";
    const reply = hotline.ask(question);
    expect(reply.status).toBe("answered");
    const quoted = (reply as Answer).quotes.map((q) => q.text).join(" ");
    expect(quoted.length).toBeGreaterThan(4096);
    const count = await expectedCount(hotline, h, { name: "ask", options: { question } });
    expect(count).toBeGreaterThan(1);
    const { token } = h.fake.sendCommand("ask", [str("question", question)]);
    const messages = await interactionMessages(h.fake, token, count);
    expectNoPings(messages);
    for (const m of messages) {
      let total = 0;
      for (const e of m.embeds ?? []) {
        expect((e.description ?? "").length).toBeLessThanOrEqual(4096);
        expect((e.title ?? "").length).toBeLessThanOrEqual(256);
        total +=
          (e.title ?? "").length + (e.description ?? "").length + (e.footer?.text ?? "").length;
      }
      expect(total).toBeLessThanOrEqual(6000);
    }
    // Every word of the quotes arrives, in order, whole.
    const sent = allText(messages).replace(/^> /gm, "").split(/\s+/).filter(Boolean);
    let at = 0;
    for (const word of escapeText(quoted).split(/\s+/)) {
      at = sent.indexOf(word, at);
      expect(at, `word "${word}"`).toBeGreaterThanOrEqual(0);
      at += 1;
    }
  });
});
