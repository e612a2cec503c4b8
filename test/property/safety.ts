/**
 * What "safe to send" means for a rendered message, as assertions shared by the property tests
 * and the reliability tests, plus the hostile fragments both platforms' users can type.
 */
import { expect } from "vitest";
import { DISCORD_LIMITS, type DiscordMessage } from "../../adapters/discord/message.js";
import { SLACK_LIMITS, type SlackMessage } from "../../adapters/slack/message.js";

/** Mentions, broadcasts, markup and invisible characters of Discord and Slack. */
export const HOSTILE_FRAGMENTS = [
  "",
  "   ",
  "\t\n\r",
  "@everyone",
  "@here",
  "@channel",
  "<@123>",
  "<@!123>",
  "<@&456>",
  "<#789>",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S1>",
  "<!subteam^S1|@team>",
  "<@U123>",
  "<@U123|ann>",
  "<#C123|general>",
  "<http://x|y>",
  "<https://evil.example/|click me>",
  "<mailto:a@b.c|mail>",
  "&lt;!channel&gt;",
  "&amp;",
  "&",
  "<",
  ">",
  "*bold*",
  "_italic_",
  "`code`",
  "```block```",
  "~~x~~",
  "~strike~",
  "||spoiler||",
  "> quote",
  ">>> long quote",
  "# heading",
  "- list",
  "[masked](https://evil.example)",
  "\\",
  "\u200B\u200C\u200D\uFEFF",
  "\u202E\u200F\u061C\u202B",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "👍🏽🇺🇸👨‍👩‍👧‍👦",
  "\u0000\u0007\u001B[31m\u007F",
  "\uD800",
  "what is the Beijing–Moscow hotline for?",
  "when was the hotline first used",
];

/** Every `{type, text}` object inside Slack blocks, with where it sits. */
function slackTexts(
  value: unknown,
  out: { type: string; text: string }[] = [],
): { type: string; text: string }[] {
  if (Array.isArray(value)) {
    for (const item of value) slackTexts(item, out);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (
      (record.type === "mrkdwn" || record.type === "plain_text") &&
      typeof record.text === "string"
    ) {
      out.push({ type: record.type, text: record.text });
    }
    for (const [key, child] of Object.entries(record))
      if (key !== "text" || typeof child !== "string") slackTexts(child, out);
  }
  return out;
}

/** The renderer's own links: `<http(s)://…|label>` with an escaped URL and label. */
const OWN_LINK = /<https?:\/\/[^\s<>|]+\|[^<>]*>/g;

/**
 * Asserts mrkdwn `text` has no live Slack markup: after removing the renderer's own links, no
 * `<` or `>`-delimited token remains, every `&` starts an entity, and no bare broadcast word.
 */
export function assertSlackTextSafe(text: string, where: string): void {
  const rest = text.replace(OWN_LINK, "");
  expect(rest, `${where}: no <…> markup besides the renderer's links`).not.toMatch(/</);
  expect(rest, `${where}: every & is an entity`).not.toMatch(/&(?!amp;|lt;|gt;)/);
  for (const live of ["<!channel", "<!here", "<!everyone", "<@", "<#", "<!subteam"]) {
    expect(text, `${where}: no ${live}`).not.toContain(live);
  }
  expect(rest, `${where}: broadcast words are broken`).not.toMatch(
    /(^|[^\w])@(channel|here|everyone)\b/i,
  );
}

/** Asserts one rendered Slack message is within Slack's limits and has no live markup. */
export function assertSlackMessageSafe(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
  assertSlackTextSafe(message.text, "fallback text");
  let total = message.text.length;
  for (const block of message.blocks) {
    const record = block as unknown as Record<string, unknown>;
    if (record.type === "context") {
      expect((record.elements as unknown[]).length).toBeLessThanOrEqual(
        SLACK_LIMITS.contextElements,
      );
    }
    for (const { type, text } of slackTexts(block)) {
      total += text.length;
      if (record.type === "header")
        expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      if (record.type === "section")
        expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
      // plain_text is never parsed for mentions, but it must not carry the syntax either.
      if (type === "mrkdwn") assertSlackTextSafe(text, `${String(record.type)} block`);
      else expect(text).not.toMatch(/<[!@#]/);
    }
  }
  expect(total).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
}

/** Asserts one rendered Discord message fits Discord's limits and can ping nobody. */
export function assertDiscordMessageSafe(message: DiscordMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  const content = message.content ?? "";
  expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(content.length + embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    total += (embed.title ?? "").length + (embed.description ?? "").length;
    total += (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

/**
 * Asserts a Discord REST body the bot actually sent (wire JSON) pings nobody: discord.js turns
 * `allowedMentions` into `allowed_mentions: { parse: [], replied_user: false }`.
 */
export function assertDiscordWireSafe(body: Record<string, unknown>): void {
  const data = (body.type === 4 ? body.data : body) as Record<string, unknown>;
  expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
}
