import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadCliSettings, loadConfig } from "../src/config.js";
import { HotlineError } from "../src/errors.js";

/** The variables `.env.example` documents, with the value it shows. */
const documented = readFileSync(new URL("../.env.example", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => /^[A-Z_]+=/.test(line))
  .map((line) => line.split("=", 2) as [string, string]);

/** What `loadConfig` throws for `env`, or "accepted". */
function failure(env: Record<string, string>): HotlineError | "accepted" {
  try {
    loadConfig(env);
    return "accepted";
  } catch (error) {
    if (error instanceof HotlineError) return error;
    throw error;
  }
}

describe("blank environment values", () => {
  test("GIVEN .env.example THEN it documents the new variables and its values are the defaults", () => {
    const names = documented.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        "DATABASE_PATH",
        "PORT",
        "CORPUS_MAX_FILE_BYTES",
        "HOTLINE_CACHE_DIR",
      ]),
    );
    expect(loadConfig(Object.fromEntries(documented))).toEqual(loadConfig({}));
  });

  test.each(documented.map(([name]) => name))(
    "GIVEN %s= (empty or spaces) THEN it is treated as unset: the documented default",
    (name) => {
      expect(loadConfig({ [name]: "" })).toEqual(loadConfig({}));
      expect(loadConfig({ [name]: "   " })).toEqual(loadConfig({}));
    },
  );

  test("GIVEN DATABASE_PATH= THEN the database is the default file, not a throwaway one", () => {
    expect(loadConfig({ DATABASE_PATH: "" }).databasePath).toBe("./data/hotline.db");
  });

  test("GIVEN PORT= in Slack HTTP mode THEN the port is 3000, not a random one", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-t", SLACK_SIGNING_SECRET: "s", PORT: "" };
    expect(loadConfig(slack).slack?.port).toBe(3000);
  });

  test("GIVEN blank CLI settings THEN the command line applies the same defaults", () => {
    expect(
      loadCliSettings({
        CORPUS_DIR: " ",
        HOTLINE_TIMEZONE: "",
        CORPUS_MAX_FILE_BYTES: "",
        HOTLINE_CACHE_DIR: "",
      }),
    ).toEqual(loadCliSettings({}));
  });
});

describe("bad configuration values", () => {
  // [variable, bad value, the rest of the environment it needs to be read]
  const cases: [string, string, Record<string, string>][] = [
    ["LOG_LEVEL", "loud", {}],
    ["HOTLINE_TIMEZONE", "Mars/Olympus", {}],
    ["ONTHISDAY_TIME", "9am", {}],
    ["DISCORD_APPLICATION_ID", "not-a-number", { DISCORD_TOKEN: "discord-secret-1" }],
    ["DISCORD_API_URL", "not a url", {}],
    ["DISCORD_SHARDS", "many", {}],
    ["DISCORD_TOKEN", "discord-secret-2", {}],
    ["SLACK_BOT_TOKEN", "xoxb-secret-3", {}],
    ["SLACK_SIGNING_SECRET", "signing-secret-4", {}],
    ["SLACK_APP_TOKEN", "xapp-secret-5", {}],
    ["SLACK_API_URL", "nope", {}],
    ["PORT", "70000", {}],
    ["PORT", "http", {}],
    ["RATE_LIMIT_USER_PER_MINUTE", "0", {}],
    ["RATE_LIMIT_CHANNEL_PER_MINUTE", "-3", {}],
    ["CORPUS_MAX_FILE_BYTES", "lots", {}],
  ];

  test.each(cases)(
    "GIVEN %s=%s THEN start-up fails with one line naming the variable, never the value",
    (name, value, rest) => {
      const error = failure({ ...rest, [name]: value });
      expect(error).toBeInstanceOf(HotlineError);
      const { code, message } = error as HotlineError;
      expect(code).toBe("config_invalid");
      expect(message).toMatch(/^config: /);
      expect(message).toContain(name);
      expect(message).not.toContain("\n");
      // The value itself is never echoed (digits such as "0" may appear in zod's wording).
      for (const secret of [value, ...Object.values(rest)].filter((v) => v.length > 3))
        expect(message).not.toContain(secret);
    },
  );

  test("GIVEN a bad CORPUS_MAX_FILE_BYTES on the command line THEN the error names it", () => {
    expect(() => loadCliSettings({ CORPUS_MAX_FILE_BYTES: "1e9" })).toThrow(
      "config: CORPUS_MAX_FILE_BYTES must be a positive whole number of bytes",
    );
  });
});
