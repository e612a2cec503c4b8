/**
 * Secrets never reach a log line: the parsed Config logged in every shape, and the adapters'
 * start-up and failure paths at the most verbose level, with a bad token.
 */
import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { startDiscord } from "../../adapters/discord/bot.js";
import { startSlack } from "../../adapters/slack/app.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { slashBody } from "../adapters/slack/helpers.js";
import { FakeDiscord } from "../fakes/discord.js";
import { postToApp, startFakeSlack } from "../fakes/slack.js";

const SECRETS = {
  DISCORD_TOKEN: "discord-secret-token-AAAA.BBBB.CCCC",
  SLACK_BOT_TOKEN: "xoxb-secret-bot-token-1234",
  SLACK_APP_TOKEN: "xapp-secret-app-token-5678",
  SLACK_SIGNING_SECRET: "signing-secret-9abc",
};

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

function expectNoSecret(text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

const hotline = loadHotline();

describe("GIVEN a parsed Config with every secret set", () => {
  const config = loadConfig({ ...SECRETS, DISCORD_APPLICATION_ID: "123456789" });

  test("THEN logging it whole, nested, or as its sections shows no secret value", () => {
    const out = sink();
    const logger = createLogger("trace", out.stream);
    logger.info(config, "config as the object");
    logger.info({ config }, "config nested");
    logger.info({ app: { startup: { config } } }, "config nested deeper");
    logger.info({ discord: config.discord, slack: config.slack }, "sections");
    logger.child({ config }).warn("child binding");
    logger.error({ err: new Error("boom"), env: SECRETS }, "environment");
    const text = out.text();
    expectNoSecret(text, Object.values(SECRETS));
    expect(text).toContain("[redacted]");
    // Non-secret fields are still there: redaction is by key, not a blanket drop.
    expect(text).toContain('"applicationId":"123456789"');
  });
});

describe("GIVEN an adapter started with a bad token", () => {
  test("THEN the Slack start-up failure and every log line (trace level) omit the token and signing secret", async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext("auth.test", { error: "invalid_auth" });
      const out = sink();
      const config = loadConfig({
        SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
      });
      const error = await startSlack({
        hotline,
        config,
        logger: createLogger("trace", out.stream),
        host: "127.0.0.1",
        retryConfig: { retries: 0 },
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expectNoSecret(`${error?.message}\n${error?.stack}\n${out.text()}`, [
        SECRETS.SLACK_BOT_TOKEN,
        SECRETS.SLACK_SIGNING_SECRET,
      ]);
    } finally {
      await fake.close();
    }
  });

  test("THEN a running Slack adapter logs requests and failures (trace level) without the token or signing secret", async () => {
    const fake = await startFakeSlack();
    const out = sink();
    const config = loadConfig({
      SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
    });
    const handle = await startSlack({
      hotline,
      config,
      logger: createLogger("trace", out.stream),
      host: "127.0.0.1",
      retryConfig: { retries: 0 },
    });
    try {
      const base = `http://127.0.0.1:${handle.port}`;
      fake.failNext("users.info", { error: "invalid_auth" });
      await postToApp(base, slashBody("subscribe", "UX", fake.responseUrl("sec1")), {
        secret: SECRETS.SLACK_SIGNING_SECRET,
      });
      await fake.waitFor((c) => c.method === "sec1");
      // A forged request is refused and logged: the log must not echo the secret it was checked with.
      await postToApp(base, slashBody("help", "UX", fake.responseUrl("sec2")), {
        secret: "wrong-secret",
      });
      expect(
        fake.find((c) => c.kind === "api").every((c) => c.token === SECRETS.SLACK_BOT_TOKEN),
      ).toBe(true);
      expectNoSecret(out.text(), [SECRETS.SLACK_BOT_TOKEN, SECRETS.SLACK_SIGNING_SECRET]);
    } finally {
      await handle.stop();
      await fake.close();
    }
  });

  test("THEN the Discord login failure and every log line omit the token", async () => {
    const fake = await FakeDiscord.start();
    try {
      fake.failNext((r) => r.path === "/gateway/bot", {
        status: 401,
        body: { message: "401: Unauthorized", code: 0 },
      });
      const out = sink();
      const config = loadConfig({
        DISCORD_TOKEN: SECRETS.DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
      });
      const error = await startDiscord({
        hotline,
        config,
        logger: createLogger("trace", out.stream),
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^discord: login failed: /);
      expectNoSecret(`${error?.message}\n${error?.stack}\n${out.text()}`, [SECRETS.DISCORD_TOKEN]);
    } finally {
      await fake.stop();
    }
  });
});
