import { describe, expect, it } from "vitest";
import {
  createDiscordSender,
  DISCORD_NONCE_WINDOW_MS,
  partNonce,
} from "../../../adapters/discord/sender.js";

const key = { subscriptionId: 42, localDate: "2027-03-14", index: 2, count: 5 };

describe("partNonce", () => {
  it("GIVEN the same part twice THEN the same nonce, of at most Discord's 25 characters", () => {
    expect(partNonce(key)).toBe(partNonce({ ...key }));
    expect(partNonce(key).length).toBeLessThanOrEqual(25);
  });

  it("GIVEN keys differing in any field, however large THEN every nonce differs and fits", () => {
    const keys = [
      key,
      { ...key, subscriptionId: 43 },
      { ...key, localDate: "2027-03-15" },
      { ...key, index: 3 },
      { ...key, count: 6 },
      { subscriptionId: Number.MAX_SAFE_INTEGER, localDate: "9999-12-31", index: 999, count: 1000 },
    ];
    const nonces = keys.map(partNonce);
    expect(new Set(nonces).size).toBe(keys.length);
    for (const nonce of nonces) expect(nonce).toMatch(/^otd[\w-]{22}$/);
  });
});

describe("createDiscordSender().checkPart", () => {
  // checkPart reads no channel: the client is never used, so an empty stand-in will do.
  const at = new Date("2027-03-14T09:00:00Z");
  const sender = createDiscordSender({} as never, { clock: () => at });
  const channel = { platform: "discord", workspaceId: "1", channelId: "2" } as const;

  it("GIVEN a part started inside the 2-minute nonce window THEN resend (Discord drops a repeat)", async () => {
    const since = new Date(at.getTime() - DISCORD_NONCE_WINDOW_MS);
    expect(DISCORD_NONCE_WINDOW_MS).toBe(2 * 60_000);
    await expect(sender.checkPart(channel, key, since)).resolves.toBe("resend");
  });

  it("GIVEN a part started before the window THEN unknown (a repeat could post twice)", async () => {
    const since = new Date(at.getTime() - DISCORD_NONCE_WINDOW_MS - 1);
    await expect(sender.checkPart(channel, key, since)).resolves.toBe("unknown");
  });
});
