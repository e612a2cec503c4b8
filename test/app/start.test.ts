/**
 * The composition root starts the store, every configured adapter and the scheduler, and stops
 * them again, for each combination of adapters; a failing adapter stops the ones started.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AdapterFactory,
  discordAdapter,
  discordShardsAdapter,
  enabledAdapters,
  slackAdapter,
} from "../../app/adapters.js";
import { startApp } from "../../app/start.js";
import { loadConfig } from "../../src/config.js";
import { defaultCorpusDir } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import type { PostSender } from "../../src/schedule/types.js";
import { discordEnv, slackEnv } from "../fakes/configs.js";
import { FakeDiscord } from "../fakes/discord.js";
import { LogSink } from "../fakes/recorders.js";
import { startFakeSlack } from "../fakes/slack.js";

let dir: string;
let corpusDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hotline-app-"));
  // A copy, so the corpus snapshot is written under the temp dir, not the repo's cache.
  corpusDir = join(dir, "corpus");
  cpSync(defaultCorpusDir(), corpusDir, { recursive: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A platform adapter that records what the root did with it. */
function recording(name: string, events: string[], fail = false): AdapterFactory {
  return () => {
    const sender: PostSender = {
      platform: "console",
      owns: () => false,
      renderParts: () => [],
      sendPart: async () => {},
      checkPart: async () => "unknown",
    };
    let started = false;
    return {
      name,
      async start() {
        events.push(`start ${name}`);
        if (fail) throw new Error(`${name} cannot connect`);
        started = true;
      },
      async stop() {
        events.push(`stop ${name}`);
      },
      sender: () => (started ? sender : undefined),
    };
  };
}

function options(adapters: AdapterFactory[], database: string) {
  const sink = new LogSink();
  return {
    sink,
    options: {
      config: loadConfig({ DATABASE_PATH: join(dir, database), HOTLINE_TIMEZONE: "UTC" }),
      corpusDir,
      logger: createLogger("info", sink),
      adapters,
    },
  };
}

describe("startApp", () => {
  it.each([[[] as string[]], [["discord"]], [["slack"]], [["discord", "slack"]]])(
    "GIVEN adapters %j THEN each starts in order, then stops once, and the bot reports them",
    async (names) => {
      const events: string[] = [];
      const { sink, options: opts } = options(
        names.map((n) => recording(n, events)),
        `${names.join("-") || "none"}.db`,
      );
      const app = await startApp(opts);
      expect(app.adapters.map((a) => a.name)).toEqual(names);
      expect(events).toEqual(names.map((n) => `start ${n}`));
      const running = sink.lines.find((l) => l.msg === "hotline is running");
      expect(running?.platforms).toEqual(names);
      await Promise.all([app.stop(), app.stop()]);
      expect(events.slice(names.length).sort()).toEqual(names.map((n) => `stop ${n}`).sort());
    },
  );

  it("GIVEN the second adapter fails to start THEN the first is stopped and the error propagates", async () => {
    const events: string[] = [];
    const { options: opts } = options(
      [recording("discord", events), recording("slack", events, true)],
      "fail.db",
    );
    await expect(startApp(opts)).rejects.toThrow("slack cannot connect");
    expect(events).toContain("stop discord");
    // The store was closed: a second start on the same database works.
    const again = await startApp({ ...opts, adapters: [] });
    await again.stop();
  });
});

describe("GIVEN Discord and Slack configured against their local fakes", () => {
  it("THEN the real adapters start, deliver senders to the scheduler, and stop", async () => {
    const fakeDiscord = await FakeDiscord.start();
    const fakeSlack = await startFakeSlack();
    try {
      const sink = new LogSink();
      const app = await startApp({
        config: loadConfig({
          DATABASE_PATH: join(dir, "real.db"),
          HOTLINE_TIMEZONE: "UTC",
          ...discordEnv(fakeDiscord),
          ...slackEnv(fakeSlack),
        }),
        corpusDir,
        logger: createLogger("info", sink),
      });
      expect(app.adapters.map((a) => a.name)).toEqual(["discord", "slack"]);
      expect(app.adapters.map((a) => a.sender()?.platform)).toEqual(["discord", "slack"]);
      await app.stop();
      expect(sink.lines.some((l) => l.msg === "discord: connected")).toBe(true);
    } finally {
      await fakeDiscord.stop();
      await fakeSlack.close();
    }
  });
});

describe("enabledAdapters", () => {
  const config = (env: Record<string, string>) => loadConfig({ ...env, HOTLINE_TIMEZONE: "UTC" });
  const discord = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456789012345678" };
  const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };

  it("GIVEN no platform THEN none", () => {
    expect(enabledAdapters(config({}), false)).toEqual([]);
  });

  it("GIVEN Discord and Slack THEN both, Discord first", () => {
    expect(enabledAdapters(config({ ...discord, ...slack }), false)).toEqual([
      discordAdapter,
      slackAdapter,
    ]);
  });

  it("GIVEN Discord shards THEN the shard manager in the parent and the client in a shard child, which never runs Slack", () => {
    const sharded = config({ ...discord, ...slack, DISCORD_SHARDS: "2" });
    expect(enabledAdapters(sharded, false)).toEqual([discordShardsAdapter, slackAdapter]);
    expect(enabledAdapters(sharded, true)).toEqual([discordAdapter]);
  });
});
