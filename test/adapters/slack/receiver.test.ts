import { describe, expect, it } from "vitest";
import { startSlack } from "../../../adapters/slack/app.js";
import { SLACK_API_TIMEOUT_MS, slackClientOptions } from "../../../adapters/slack/receiver.js";
import { loadConfig } from "../../../src/config.js";
import { HotlineError } from "../../../src/errors.js";
import { loadHotline } from "../../../src/hotline.js";
import { captureLogs } from "./helpers.js";

describe("Slack Web API client options", () => {
  it("GIVEN no timeout THEN calls are abandoned after 10 s (the WebClient's own default waits forever)", () => {
    expect(SLACK_API_TIMEOUT_MS).toBe(10_000);
    expect(slackClientOptions({ apiUrl: undefined }, {}).timeout).toBe(10_000);
  });

  // That hung Web API calls and response URLs end at the timeout: test/reliability/slack.test.ts.
  it("GIVEN a timeout THEN the client uses it", () => {
    const options = slackClientOptions(
      { apiUrl: "http://127.0.0.1:9/api/" },
      { apiTimeoutMs: 2500 },
    );
    expect(options.timeout).toBe(2500);
    expect(options.slackApiUrl).toBe("http://127.0.0.1:9/api/");
  });

  for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`GIVEN apiTimeoutMs ${bad} THEN it is a config_invalid error naming the value`, () => {
      const error = (() => {
        try {
          slackClientOptions({ apiUrl: undefined }, { apiTimeoutMs: bad });
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(HotlineError);
      expect((error as HotlineError).code).toBe("config_invalid");
      expect((error as HotlineError).message).toBe(
        `slack: apiTimeoutMs must be a positive number of milliseconds (0 waits forever), got ${bad}`,
      );
    });
  }

  it("GIVEN apiTimeoutMs 0 THEN startSlack refuses to start", async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-x",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      PORT: "0",
    });
    const started = startSlack({
      hotline: loadHotline(),
      config,
      logger: captureLogs().logger,
      host: "127.0.0.1",
      apiTimeoutMs: 0,
    });
    await expect(started).rejects.toMatchObject({ code: "config_invalid" });
  });
});
