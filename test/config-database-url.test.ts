import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { HotlineError } from "../src/errors.js";
import { createLogger } from "../src/log.js";

const PASSWORD = "pg-s3cret-pw";

describe("loadConfig: DATABASE_URL", () => {
  it("GIVEN a postgres:// or postgresql:// URL THEN it becomes databaseUrl as written", () => {
    const url = `postgres://hotline:${PASSWORD}@db.internal:5432/hotline`;
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: " postgresql://db/hotline " }).databaseUrl).toBe(
      "postgresql://db/hotline",
    );
  });

  it("GIVEN DATABASE_URL unset or blank THEN databaseUrl is undefined (SQLite stays the store)", () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
  });

  it("GIVEN another scheme THEN config_invalid names the variable but never the value", () => {
    for (const value of [`mysql://root:${PASSWORD}@db/hotline`, `${PASSWORD}`, "postgres://"]) {
      const failure = (() => {
        try {
          loadConfig({ DATABASE_URL: value });
          return undefined;
        } catch (error) {
          return error as HotlineError;
        }
      })();
      expect(failure).toBeInstanceOf(HotlineError);
      expect(failure?.code).toBe("config_invalid");
      expect(failure?.message).toBe(
        "config: DATABASE_URL must be a postgres:// or postgresql:// URL",
      );
    }
  });

  it("GIVEN a parsed Config with a database password WHEN logged THEN the URL is redacted", () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString("utf8"));
        done();
      },
    });
    const config = loadConfig({ DATABASE_URL: `postgres://u:${PASSWORD}@db/hotline` });
    const logger = createLogger("info", stream);
    logger.info(config, "config");
    logger.info({ config }, "nested");
    logger.info({ env: { DATABASE_URL: config.databaseUrl } }, "environment");
    const text = chunks.join("");
    expect(text).not.toContain(PASSWORD);
    expect(text.match(/\[redacted\]/g)).toHaveLength(3);
  });
});

describe("loadConfig: DATABASE_SCHEMA", () => {
  it("GIVEN it unset or blank THEN the schema is public; GIVEN a name THEN that name", () => {
    expect(loadConfig({}).databaseSchema).toBe("public");
    expect(loadConfig({ DATABASE_SCHEMA: " " }).databaseSchema).toBe("public");
    expect(loadConfig({ DATABASE_SCHEMA: " hotline_eu " }).databaseSchema).toBe("hotline_eu");
  });

  it("GIVEN a name that is not letters, digits and _ THEN config_invalid names the variable", () => {
    for (const value of ['bad"name', "1starts_with_digit", "a".repeat(64), "x; DROP"]) {
      expect(() => loadConfig({ DATABASE_SCHEMA: value })).toThrow(
        "config: DATABASE_SCHEMA must be letters, digits and _ (at most 63)",
      );
    }
  });
});
