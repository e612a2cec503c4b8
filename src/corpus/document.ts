/**
 * Parses one corpus file into a validated {@link CorpusDocument}. A bad file is an error whose
 * message names the file and the field, e.g. `corpus: corpus/x.md: front matter "url": must be a URL`.
 */
import { HotlineError } from "../errors.js";
import { yaml } from "../lazy.js";
import { type FrontMatter, frontMatterSchema } from "./schema.js";

/** A block of the Markdown body: a `## heading` or a numbered paragraph. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string /** 1-based, headings not counted */; number: number };

/** A loaded document: front matter facts, the reference date and the body's blocks. */
export interface CorpusDocument {
  meta: FrontMatter;
  /** `YYYY-MM-DD` against which year-less and relative dates are resolved. */
  referenceDate: string;
  /** Path as given to the loader, for messages. */
  file: string;
  blocks: Block[];
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses `source` (the file's text); `file` is used only in error messages. */
export function parseDocument(file: string, source: string): CorpusDocument {
  const fail = (message: string): never => {
    throw new HotlineError("corpus_invalid", `corpus: ${file}: ${message}`);
  };
  const match = FENCE.exec(source.replace(/^\uFEFF/, ""));
  if (!match) return fail("missing front matter (a '---' block at the top)");
  let raw: unknown;
  try {
    raw = yaml().parse(match[1] ?? "");
  } catch (error) {
    return fail(`front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return fail("front matter must be a YAML mapping of fields");
  }
  const parsed = frontMatterSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "(top level)";
    return fail(`front matter "${field}": ${issue?.message ?? "invalid"}`);
  }
  const meta = parsed.data;
  const blocks = parseBody(match[2] ?? "");
  if (!blocks.some((b) => b.kind === "paragraph")) fail("body has no paragraphs");
  const reference = meta.reference_date ?? meta.published ?? meta.original?.published ?? "";
  return { meta, referenceDate: completeDate(reference), file, blocks };
}

/** Splits a Markdown body into headings and paragraphs; single newlines inside a paragraph fold. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let number = 0;
  for (const chunk of body.split(/\r?\n\s*\r?\n/)) {
    const text = chunk.replace(/\s*\r?\n\s*/g, " ").trim();
    if (text === "") continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(text);
    if (heading) blocks.push({ kind: "heading", text: (heading[1] ?? "").trim() });
    else blocks.push({ kind: "paragraph", text, number: ++number });
  }
  return blocks;
}

/** `2008` → `2008-01-01`, `2008-03` → `2008-03-01`: a full date to anchor date parsing. */
function completeDate(iso: string): string {
  if (iso.length === 4) return `${iso}-01-01`;
  if (iso.length === 7) return `${iso}-01`;
  return iso;
}
