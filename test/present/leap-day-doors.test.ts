/**
 * `/hotline today` on 28 February 2027 (a non-leap year), through every door with an injected
 * clock: Discord and Slack against their local fakes, the console and the one-shot CLI. Each
 * must show the 29 February 2008 event under its own date, never as "On this day in 2008".
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerLine } from "../../adapters/cli/console.js";
import { main } from "../../adapters/cli/main.js";
import { type DiscordBot, startDiscord } from "../../adapters/discord/bot.js";
import { type SlackHandle, startSlack } from "../../adapters/slack/app.js";
import { loadConfig } from "../../src/config.js";
import { defaultCorpusDir, loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { captureLogs, slashBody } from "../adapters/slack/helpers.js";
import { discordEnv, SLACK_TEST_SECRET, slackEnv } from "../fakes/configs.js";
import { FakeDiscord } from "../fakes/discord.js";
import { LogSink } from "../fakes/recorders.js";
import { type FakeSlack, postToApp, startFakeSlack } from "../fakes/slack.js";

const hotline = loadHotline();
const NOW = new Date("2027-02-28T12:00:00Z");
const HEADING = "On 29 February 2008:";
const WRONG = "On this day in 2008";
const leapEvent = hotline.today("02-29").events.find((e) => e.date.iso === "2008-02-29");

function expectLeapHeading(text: string): void {
  expect(text).toContain(HEADING);
  expect(text).not.toContain(WRONG);
}

describe("GIVEN the corpus has an event on 29 February 2008", () => {
  it("THEN the test corpus really has it (precondition)", () => {
    expect(leapEvent).toBeDefined();
  });
});

describe("GIVEN the clock says 28 February 2027 WHEN /hotline today", () => {
  let fakeDiscord: FakeDiscord | undefined;
  let bot: DiscordBot | undefined;
  let fakeSlack: FakeSlack | undefined;
  let slack: SlackHandle | undefined;
  const slackLogs = captureLogs();

  beforeAll(async () => {
    fakeDiscord = await FakeDiscord.start();
    bot = await startDiscord({
      hotline,
      config: loadConfig({ ...discordEnv(fakeDiscord), HOTLINE_TIMEZONE: "UTC" }),
      logger: createLogger("info", new LogSink()),
      now: () => NOW,
    });
    fakeSlack = await startFakeSlack();
    slack = await startSlack({
      hotline,
      config: loadConfig({ ...slackEnv(fakeSlack), HOTLINE_TIMEZONE: "UTC" }),
      logger: slackLogs.logger,
      now: () => NOW,
      host: "127.0.0.1",
      retryConfig: { retries: 0 },
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await fakeDiscord?.stop();
    await slack?.stop();
    await fakeSlack?.close();
  });

  it("THEN Discord shows '29 February 2008'", async () => {
    const fake = fakeDiscord as FakeDiscord;
    const { token } = fake.sendCommand("today");
    const [reply] = await fake.waitForRequests((r) => r.path.endsWith(`/${token}/callback`), 1);
    expectLeapHeading(JSON.stringify(reply?.body));
  });

  it("THEN Slack shows '29 February 2008'", async () => {
    const fake = fakeSlack as FakeSlack;
    const since = slackLogs.records.length;
    await postToApp(
      `http://127.0.0.1:${slack?.port}`,
      slashBody("today", "ULEAP01", fake.responseUrl("leap")),
      { secret: SLACK_TEST_SECRET },
    );
    await slackLogs.waitFor(
      (r) => r.user === "ULEAP01" && r.msg === "slack: answered /hotline",
      since,
    );
    expectLeapHeading(JSON.stringify(fake.find((c) => c.method === "leap").map((c) => c.body)));
  });

  it("THEN the console shows '29 February 2008'", async () => {
    expectLeapHeading(await answerLine("today", { hotline, today: () => "2027-02-28" }));
  });

  it("THEN the one-shot CLI shows '29 February 2008'", async () => {
    // A copy of the corpus, so the CLI's snapshot goes to a temp dir, not the repo's cache.
    const dir = mkdtempSync(join(tmpdir(), "hotline-leap-"));
    const corpus = join(dir, "corpus");
    cpSync(defaultCorpusDir(), corpus, { recursive: true });
    const out = new PassThrough();
    let text = "";
    out.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    const before = process.env.HOTLINE_TIMEZONE;
    process.env.HOTLINE_TIMEZONE = "UTC";
    try {
      expect(await main(["today", "--corpus", corpus], out, () => NOW)).toBe(0);
    } finally {
      if (before === undefined) delete process.env.HOTLINE_TIMEZONE;
      else process.env.HOTLINE_TIMEZONE = before;
      rmSync(dir, { recursive: true, force: true });
    }
    expectLeapHeading(text);
  });
});
