/**
 * Loads every `*.md` document of a corpus directory, plus its `synonyms.json`. Files are read in
 * name order so passage ids and tie-breaks are stable across machines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HotlineError } from "../errors.js";
import { zod } from "../lazy.js";
import { type CorpusDocument, parseDocument } from "./document.js";

/** One synonym group: every term (word or phrase) is indexed and searched as `canonical`. */
export interface SynonymGroup {
  canonical: string;
  terms: string[];
}

/** A loaded corpus directory. */
export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  synonyms: SynonymGroup[];
}

/**
 * Reads `dir`. Throws a HotlineError naming the file and the problem for an unreadable
 * directory, a bad document, a duplicate id or a malformed synonyms file. A directory without
 * `synonyms.json` is fine (no synonyms).
 */
export function loadCorpus(dir: string): Corpus {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new HotlineError("corpus_unreadable", `corpus: cannot read directory ${dir}`, {
      cause: error,
    });
  }
  const documents: CorpusDocument[] = [];
  const seen = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith(".md") && !n.startsWith("README"))) {
    const file = join(dir, name);
    const doc = parseDocument(file, readText(file));
    const previous = seen.get(doc.meta.id);
    if (previous) {
      throw new HotlineError(
        "corpus_duplicate_id",
        `corpus: ${file}: duplicate id "${doc.meta.id}" (also in ${previous})`,
      );
    }
    seen.set(doc.meta.id, file);
    documents.push(doc);
  }
  if (documents.length === 0) {
    throw new HotlineError("corpus_invalid", `corpus: ${dir}: no .md documents`);
  }
  return {
    dir,
    documents,
    synonyms: names.includes("synonyms.json") ? loadSynonyms(join(dir, "synonyms.json")) : [],
  };
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new HotlineError("corpus_unreadable", `corpus: cannot read ${file}`, { cause: error });
  }
}

// Built on first use: zod is loaded only when a corpus is parsed (see `lazy.ts`).
function synonymsSchema() {
  const { z } = zod();
  return z.object({
    about: z.string().optional(),
    groups: z.array(
      z
        .object({
          canonical: z.string().regex(/^[a-z0-9]+$/, "must be one lower-case word"),
          terms: z.array(z.string().trim().min(1)).min(1),
        })
        .strict(),
    ),
  });
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch {
    throw new HotlineError("corpus_invalid", `corpus: ${file}: not valid JSON`);
  }
}

function loadSynonyms(file: string): SynonymGroup[] {
  const parsed = synonymsSchema().safeParse(readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HotlineError(
      "corpus_invalid",
      `corpus: ${file}: "${issue?.path.join(".") ?? ""}" ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data.groups;
}
