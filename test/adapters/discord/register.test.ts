import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discordCommands } from "../../../adapters/discord/commands.js";
import { registerCommands } from "../../../adapters/discord/register.js";
import { COMMAND } from "../../../src/commands/spec.js";
import { MAX_QUESTION_LENGTH } from "../../../src/hotline-api.js";
import { FakeDiscord } from "../../fakes/discord.js";

describe("discordCommands", () => {
  const [hotline] = discordCommands();

  test("GIVEN the spec THEN there is one guild-only /hotline chat-input command visible to everyone", () => {
    expect(discordCommands()).toHaveLength(1);
    expect(hotline?.name).toBe("hotline");
    expect(hotline?.type ?? 1).toBe(1);
    expect(hotline?.contexts).toEqual([0]);
    // Admin-only subcommands are checked in the handler: Discord cannot hide one subcommand.
    expect(hotline?.default_member_permissions ?? null).toBeNull();
  });

  test("GIVEN the spec THEN every subcommand and option is registered with its type, autocomplete and max_length", () => {
    const subs = hotline?.options ?? [];
    expect(subs.map((s) => s.name)).toEqual(COMMAND.subcommands.map((s) => s.name));
    for (const sub of subs) expect(sub.type).toBe(1);
    const when = subs.find((s) => s.name === "when") as {
      options?: Array<Record<string, unknown>>;
    };
    expect(when.options?.[0]).toMatchObject({
      name: "event",
      type: 3,
      required: true,
      autocomplete: true,
      max_length: MAX_QUESTION_LENGTH,
    });
    expect(when.options?.[1]).toMatchObject({ name: "hide", type: 5, required: false });
    const ask = subs.find((s) => s.name === "ask") as { options?: Array<Record<string, unknown>> };
    expect(ask.options?.[0]).toMatchObject({
      name: "question",
      type: 3,
      max_length: MAX_QUESTION_LENGTH,
    });
    expect(ask.options?.[0]?.autocomplete).toBeFalsy();
  });
});

describe("registerCommands", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  test("GIVEN a guild id THEN the definitions are PUT to that guild with the bot token", async () => {
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      guildId: fake.guildId,
    });
    expect(result).toEqual({ scope: "guild", names: ["hotline"] });
    const [put] = fake.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(discordCommands())));
  });

  test("GIVEN no guild id THEN the definitions are PUT globally", async () => {
    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
    });
    expect(result.scope).toBe("global");
    expect(
      fake.find(
        (r) => r.method === "PUT" && r.path === `/applications/${fake.applicationId}/commands`,
      ),
    ).toHaveLength(1);
  });

  test("GIVEN a guild id that is not a snowflake THEN it throws naming the value", async () => {
    await expect(
      registerCommands({
        token: fake.token,
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        guildId: "my-server",
      }),
    ).rejects.toThrow('discord: --guild must be a server id (digits), got "my-server"');
  });

  test("GIVEN Discord refuses THEN it throws naming the scope", async () => {
    await expect(
      registerCommands({
        token: fake.token,
        applicationId: "123456",
        apiUrl: `${fake.apiUrl}/missing`,
        guildId: fake.guildId,
      }),
    ).rejects.toThrow(`discord: registering commands in server ${fake.guildId} failed`);
  });
});
