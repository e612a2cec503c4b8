/**
 * `hotline corpus check` and `hotline corpus ingest`: keep the corpus valid and rebuild it from
 * captured pages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { z } from "zod";
import { ingest } from "../../src/corpus/ingest.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { HotlineError } from "../../src/errors.js";
import { createHotline } from "../../src/hotline.js";
import { UsageError } from "./usage.js";

const manifestSchema = z.object({
  about: z.string().optional(),
  sources: z.array(
    z.object({
      seed: z.string(),
      out: z.string().regex(/^[a-z0-9-]+\.md$/, "must be a file name like my-source.md"),
      meta: z.record(z.string(), z.unknown()),
      drop: z.array(z.string()).default([]),
    }),
  ),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new HotlineError(
      "ingest_failed",
      `ingest: cannot read JSON from ${file}: ${(error as Error).message}`,
    );
  }
}

/** Runs `corpus check` or `corpus ingest`; returns the exit code. */
export function corpusCommand(
  positionals: string[],
  values: {
    manifest?: string | undefined;
    meta?: string | undefined;
    drop?: string[] | undefined;
    out?: string | undefined;
  },
  corpusDir: string,
  print: (text: string) => void,
  maxFileBytes?: number,
): number {
  const [action, ...files] = positionals;
  if (action === "check") {
    // Loading validates front matter, ids and bodies; building proves every document indexes.
    const corpus = loadCorpus(corpusDir, { maxFileBytes });
    const hotline = createHotline(corpus);
    const paragraphs = corpus.documents.reduce(
      (n, d) => n + d.blocks.filter((b) => b.kind === "paragraph").length,
      0,
    );
    print(
      `corpus ok: ${corpus.documents.length} documents, ${paragraphs} paragraphs, ${hotline.timeline().length} dated events, ${corpus.synonyms.length} synonym groups (${corpusDir})`,
    );
    return 0;
  }
  if (action !== "ingest") throw new UsageError('corpus takes "check" or "ingest"');
  if (values.manifest) {
    const manifestPath = resolve(values.manifest);
    const parsed = manifestSchema.safeParse(readJson(manifestPath));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HotlineError(
        "ingest_failed",
        `ingest: ${manifestPath}: "${issue?.path.join(".")}" ${issue?.message}`,
      );
    }
    for (const source of parsed.data.sources) {
      const seed = readFileSync(join(dirname(manifestPath), source.seed), "utf8");
      const out = join(corpusDir, source.out);
      writeFileSync(out, ingest(seed, { meta: source.meta, drop: source.drop }));
      print(`wrote ${out} from ${source.seed}`);
    }
    return 0;
  }
  const [seedFile] = files;
  if (!seedFile || !values.meta)
    throw new UsageError("corpus ingest needs <seed> and --meta FILE (or --manifest FILE)");
  const meta = readJson(values.meta);
  if (meta === null || typeof meta !== "object")
    throw new UsageError("--meta must be a JSON object of front matter");
  const markdown = ingest(readFileSync(seedFile, "utf8"), {
    meta: meta as Record<string, unknown>,
    drop: values.drop ?? [],
  });
  const id = (meta as { id?: unknown }).id;
  const out =
    values.out ?? join(corpusDir, `${typeof id === "string" ? id : basename(seedFile, ".txt")}.md`);
  writeFileSync(out, markdown);
  print(`wrote ${out}`);
  return 0;
}
