import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { dbCommand } from "../../adapters/cli/db.js";
import { main } from "../../adapters/cli/main.js";
import { UsageError } from "../../adapters/cli/usage.js";
import { describePgUrl } from "../../src/schedule/pg-store.js";
import { tempDir } from "../schedule/helpers.js";
import { makeSqliteFile, openTestDatabase, SKIP_LINE } from "../schedule/pg-helpers.js";

describe("hotline db: usage", () => {
  const run = (...argv: string[]) => main(argv, { write: () => true } as never);

  it("GIVEN db without migrate WHEN run THEN it is a usage error naming the subcommand", async () => {
    await expect(run("db")).rejects.toBeInstanceOf(UsageError);
    await expect(run("db", "copy")).rejects.toThrow('db: the only subcommand is "migrate');
  });

  it("GIVEN a --from that is not sqlite:PATH WHEN run THEN it is a usage error", async () => {
    await expect(
      run("db", "migrate", "--from", "/data/h.db", "--to", "postgres://h/db"),
    ).rejects.toThrow("db migrate: --from must be sqlite:PATH (the DATABASE_PATH file)");
    await expect(
      run("db", "migrate", "--from", "sqlite:", "--to", "postgres://h/db"),
    ).rejects.toThrow(UsageError);
  });

  it("GIVEN a --to that is not a PostgreSQL URL WHEN run THEN it is a usage error", async () => {
    await expect(
      run("db", "migrate", "--from", "sqlite:/x.db", "--to", "mysql://h/db"),
    ).rejects.toThrow("db migrate: --to must be a postgres:// or postgresql:// URL");
    await expect(run("db", "migrate", "--from", "sqlite:/x.db")).rejects.toThrow(UsageError);
  });
});

// TEST_DATABASE_URL (a real server) or else PGlite on 127.0.0.1; see pg-helpers.ts.
const db = await openTestDatabase();
if (!db) console.warn(SKIP_LINE);
afterAll(async () => {
  await db?.dispose();
});

describe.skipIf(!db)("hotline db migrate", () => {
  const database = db as NonNullable<typeof db>;
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it("GIVEN a SQLite file WHEN migrated twice THEN the first run prints the counts and the second says nothing was copied", async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, "hotline.db");
    makeSqliteFile(path, false);
    const lines: string[] = [];
    const values = { from: `sqlite:${path}`, to: database.url };
    const options = { schema: database.schema };
    expect(await dbCommand(["migrate"], values, (line) => lines.push(line), options)).toBe(0);
    expect(await dbCommand(["migrate"], values, (line) => lines.push(line), options)).toBe(0);
    // How the line names the database (without a password; see pg-store.test.ts).
    const target = describePgUrl(database.url);
    expect(lines).toEqual([
      `db migrate: copied 2 subscription(s) and 4 post claim(s) from sqlite:${path} to ${target}; already there: 0 subscription(s), 0 post claim(s)`,
      `db migrate: nothing to copy: 2 subscription(s) and 4 post claim(s) from sqlite:${path} are already in ${target}`,
    ]);
  });

  it("GIVEN DATABASE_SCHEMA WHEN `hotline db migrate` runs THEN the rows go into that schema, where the bot will read them", async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, "hotline.db");
    makeSqliteFile(path, false);
    const schema = database.extraSchema();
    vi.stubEnv("DATABASE_SCHEMA", schema);
    try {
      const out: string[] = [];
      const write = (text: string) => out.push(text) > 0;
      const code = await main(["db", "migrate", "--from", `sqlite:${path}`, "--to", database.url], {
        write,
      } as never);
      expect(code).toBe(0);
      expect(out.join("")).toMatch(/^db migrate: copied 2 subscription\(s\)/);
    } finally {
      vi.unstubAllEnvs();
    }
    const rows = await database.sql<{ n: string }>(
      `SELECT count(*) AS n FROM "${schema}".subscriptions`,
    );
    expect(rows).toEqual([{ n: "2" }]);
  });
});
