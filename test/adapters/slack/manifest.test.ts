import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Manifest {
  features: { slash_commands: { command: string; usage_hint?: string; should_escape?: boolean }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL("../../../adapters/slack/manifest.yml", import.meta.url), "utf8"),
) as Manifest;

describe("Slack app manifest", () => {
  it("GIVEN the manifest THEN it declares /hotline with a usage hint, app_mention and Socket Mode", () => {
    const command = manifest.features.slash_commands.find((c) => c.command === "/hotline");
    expect(command?.usage_hint).toBeTruthy();
    expect(command?.should_escape).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("GIVEN the bot scopes THEN they are exactly the minimal set the adapter uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "chat:write",
        "chat:write.public",
        "commands",
        "groups:history",
        "users:read",
      ].sort(),
    );
  });
});
