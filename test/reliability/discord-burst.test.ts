/**
 * A burst of interactions through the real discord.js client and the fake gateway: every one is
 * deferred once and answered once with the core's own quotes. (The Slack burst with timings is
 * `npm run load`; this one checks correctness only, as tests take no timings.)
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type DiscordBot, startDiscord } from "../../adapters/discord/bot.js";
import { escapeText } from "../../adapters/discord/message.js";
import { renderResult } from "../../adapters/discord/render.js";
import { createRateLimiter } from "../../src/commands/rate-limit.js";
import { runCommand } from "../../src/commands/run.js";
import { loadConfig } from "../../src/config.js";
import { loadHotline } from "../../src/hotline.js";
import { createLogger } from "../../src/log.js";
import { FakeDiscord, type RecordedRequest } from "../fakes/discord.js";

const hotline = loadHotline();
const QUESTIONS = [
  "what is the hotline for?",
  "why was the Beijing–Moscow hotline set up?",
  "who uses the military hotline?",
  "what is the capital of France?",
];
const BURST = 200;

let fake: FakeDiscord;
let bot: DiscordBot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startDiscord({
    hotline,
    config: loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    }),
    logger: createLogger("silent"),
    // Lifted for the burst: every interaction comes from one member in one channel.
    rateLimiter: createRateLimiter({ userPerMinute: 1_000_000, channelPerMinute: 1_000_000 }),
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

test(`GIVEN ${BURST} /hotline ask interactions at once THEN each is deferred once and answered once with the core's quotes`, async () => {
  const ctx = {
    channel: { platform: "discord" as const, workspaceId: fake.guildId, channelId: fake.channelId },
    userId: "u",
    isAdmin: false,
    today: "03-14",
  };
  const expected = await Promise.all(
    QUESTIONS.map(async (question) => {
      const result = await runCommand(hotline, { name: "ask", options: { question } }, ctx);
      const reply = result.kind === "answer" ? result.reply : undefined;
      return {
        messages: renderResult(result).length,
        quotes: reply?.status === "answered" ? reply.quotes.map((q) => escapeText(q.text)) : [],
      };
    }),
  );
  const sent = Array.from({ length: BURST }, (_, i) => {
    const question = QUESTIONS[i % QUESTIONS.length] as string;
    return fake.sendCommand("ask", [{ name: "question", type: 3, value: question }]);
  });
  const ofToken = (token: string) => (r: RecordedRequest) => r.path.includes(`/${token}`);
  const isAnswer = (r: RecordedRequest) =>
    (r.method === "PATCH" && r.path.endsWith("/messages/@original")) ||
    (r.method === "POST" && r.path.startsWith(`/webhooks/${fake.applicationId}/`));
  const total = sent.reduce((n, _, i) => n + (expected[i % QUESTIONS.length]?.messages ?? 0), 0);
  await fake.waitForRequests(isAnswer, total);
  sent.forEach(({ token }, i) => {
    const want = expected[i % QUESTIONS.length];
    const requests = fake.find(ofToken(token));
    const deferrals = requests.filter((r) => r.path.endsWith("/callback") && r.body?.type === 5);
    const answers = requests.filter(isAnswer);
    expect(deferrals).toHaveLength(1);
    expect(answers).toHaveLength(want?.messages ?? -1);
    const text = JSON.stringify(answers.map((r) => r.body)).replace(/\\n> /g, "\\n");
    for (const quote of want?.quotes ?? [])
      expect(text).toContain(JSON.stringify(quote).slice(1, -1));
    for (const answer of answers)
      expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
}, 60_000);
