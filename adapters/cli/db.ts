/**
 * `hotline db migrate --from sqlite:PATH --to postgres://…`: moves subscriptions and post claims
 * from the embedded SQLite store to PostgreSQL (see `src/schedule/migrate.ts`). Prints one line
 * of counts; safe to run again (the second run copies nothing and says so).
 */
import { copySqliteToPostgres, describeCopy } from "../../src/schedule/migrate.js";
import { describePgUrl } from "../../src/schedule/pg-store.js";
import { UsageError } from "./usage.js";

/** Runs `hotline db <positionals>`; returns the exit code (1 when some rows conflict). */
export async function dbCommand(
  positionals: string[],
  values: { from?: string | undefined; to?: string | undefined },
  print: (text: string) => void,
  options: { schema?: string } = {},
): Promise<number> {
  const [sub, ...extra] = positionals;
  if (sub !== "migrate" || extra.length > 0) {
    throw new UsageError(
      'db: the only subcommand is "migrate --from sqlite:PATH --to postgres://…"',
    );
  }
  const from = values.from?.trim() ?? "";
  const to = values.to?.trim() ?? "";
  if (!from.startsWith("sqlite:") || from.length === "sqlite:".length) {
    throw new UsageError("db migrate: --from must be sqlite:PATH (the DATABASE_PATH file)");
  }
  if (!/^postgres(ql)?:\/\/./.test(to)) {
    throw new UsageError("db migrate: --to must be a postgres:// or postgresql:// URL");
  }
  const counts = await copySqliteToPostgres({
    sqlitePath: from.slice("sqlite:".length),
    url: to,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  print(describeCopy(counts, from, describePgUrl(to)));
  return counts.subscriptions.conflicting.length > 0 ? 1 : 0;
}
