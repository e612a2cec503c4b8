/**
 * Configuration for adapters running against the local fakes: the environment variables that
 * point a platform at its fake, for `loadConfig({ ...discordEnv(fake), ... })`.
 */
import type { FakeDiscord } from "./discord.js";
import type { FakeSlack } from "./slack.js";

/** The signing secret the Slack tests sign their requests with. */
export const SLACK_TEST_SECRET = "test-signing-secret-0123456789";

/** Discord token, application id and API URL of `fake`. */
export function discordEnv(fake: FakeDiscord): Record<string, string> {
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
  };
}

/** Slack in HTTP mode on any free port, with its Web API at `fake`. */
export function slackEnv(fake: FakeSlack): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SLACK_TEST_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
  };
}
