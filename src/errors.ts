/**
 * Unexpected failures carry a code and a message that names the module and the bad value,
 * e.g. `corpus: corpus/bbc.md: front matter field "published" must be an ISO date`.
 * Expected failures (no answer, bad input) are returned values, never thrown.
 */
export type ErrorCode =
  | "corpus_invalid"
  | "corpus_duplicate_id"
  | "corpus_unreadable"
  | "config_invalid"
  | "ingest_failed"
  | "schedule_invalid"
  | "store_failed"
  | "platform_failed";

/** An error with a stable machine-readable code; `message` starts with the module name. */
export class HotlineError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HotlineError";
    this.code = code;
  }
}

/** Wraps anything thrown into a HotlineError-like shape for logging (errors can be anything). */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof HotlineError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "unexpected", message: error.message };
  return { code: "unexpected", message: String(error) };
}
