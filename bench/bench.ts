/**
 * The performance benchmark (`npm run bench`, `hotline bench [quick] [--json]`). At the seed
 * corpus and at synthetic corpora of about 10,000 and 100,000 passages (see `synthetic.ts`) it
 * measures, after a warm-up: answer latency of `ask` and `when` in process; MiniSearch's
 * `search()` over the same sentences with the same analysed terms, as the baseline our latency is
 * a ratio to;
 * index build time; start-up (new process to first answer) with and without a snapshot; memory
 * after load; and the command line's cold start against `node -e 0`. Prints a table and the
 * targets of issue 6, or JSON.
 *
 *   node dist/bench/bench.js [--quick] [--json] [--sizes 10000,100000] [--repeat N]
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { loadCorpus } from "../src/corpus/load.js";
import { defaultCorpusDir, loadHotline } from "../src/hotline.js";
import { createAnalyzer } from "../src/search/analyzer.js";
import { SentenceIndex, termStats } from "../src/search/index.js";
import { readSnapshot, snapshotKey } from "../src/snapshot.js";
import { buildPassages } from "../src/text/passages.js";
import { caseFiles, type EvalCase, readCases, repoRoot } from "./eval.js";
import { writeSyntheticCorpus } from "./synthetic.js";

/** Options for {@link runBench}. */
export interface BenchOptions {
  /** Synthetic corpus sizes in passages, besides the seed corpus. Default 10,000 and 100,000 (quick: 1,000). */
  sizes?: number[] | undefined;
  /** Times the question set is asked for the latency figures. Default 5 (quick: 2). */
  repeat?: number | undefined;
  /** Runs of each command for the cold-start figures (the median is kept). Default 7 (quick: 3). */
  cliRuns?: number | undefined;
  /** Small and fast: for the test and a quick look. */
  quick?: boolean | undefined;
  json: boolean;
  print: (text: string) => void;
  /** The seed corpus. Default: the repo's `corpus/`. */
  corpusDir?: string | undefined;
}

/** Latency percentiles in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Figures at one corpus size. */
export interface SizeFigures {
  label: string;
  documents: number;
  passages: number;
  ask: Latency;
  when: Latency;
  all: Latency;
  baseline: Latency;
  /** Our p50 and p99 over plain MiniSearch's. */
  ratioP50: number;
  ratioP99: number;
  indexBuildMs: number;
  baselineBuildMs: number;
  startupColdMs: number;
  startupSnapshotMs: number;
  snapshotBytes: number;
  snapshotWriteMs: number;
  rssColdBytes: number;
  heapColdBytes: number;
  rssSnapshotBytes: number;
  heapSnapshotBytes: number;
  suggest: Latency;
}

/** The whole report. */
export interface BenchReport {
  node: string;
  cpus: number;
  sizes: SizeFigures[];
  cli: { askMs: number; nodeMs: number; ratio: number; runs: number };
  targets: { name: string; value: string; holds: boolean }[];
  totalMs: number;
}

/** Percentiles of durations (nearest rank). */
export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** The questions: the shared development set and the project's own cases. */
function questions(): EvalCase[] {
  return caseFiles().flatMap((f) => readCases(f.file));
}

interface ProbeResult {
  wallMs: number;
  ready: { sinceProcessStartMs: number; loadMs: number; snapshot: string };
  memory: { rssBytes: number; heapUsedBytes: number };
  written?: { writeMs: number };
}

/** Runs the start-up probe in a new process; wall time is spawn to its "ready" line. */
function probe(
  corpusDir: string,
  snapshotPath: string,
  mode: "cold" | "snapshot",
): Promise<ProbeResult> {
  const script = join(repoRoot(), "dist", "bench", "startup.js");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--expose-gc", script, corpusDir, snapshotPath, mode], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const result: Partial<ProbeResult> = {};
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
        const line = JSON.parse(buffer.slice(0, nl)) as { stage: string } & Record<string, unknown>;
        buffer = buffer.slice(nl + 1);
        if (line.stage === "ready") {
          result.wallMs = performance.now() - started;
          result.ready = line as unknown as ProbeResult["ready"];
        } else if (line.stage === "memory")
          result.memory = line as unknown as ProbeResult["memory"];
        else if (line.stage === "written")
          result.written = line as unknown as ProbeResult["written"];
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || !result.ready || !result.memory) {
        reject(new Error(`bench: start-up probe (${mode}) exited ${code}: ${stderr.trim()}`));
      } else resolve(result as ProbeResult);
    });
  });
}

/** Median wall time of running `args` with node, `runs` times. */
function wallTime(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: "ignore" });
    times.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`bench: node ${args.join(" ")} exited ${run.status}`);
  }
  return latency(times).p50;
}

/** Untimed passes over the question set before timing. */
const WARMUP_PASSES = 3;

async function measureSize(
  label: string,
  corpusDir: string,
  cases: EvalCase[],
  repeat: number,
  work: string,
): Promise<SizeFigures> {
  const snapshotPath = join(work, `${label}.snapshot`);
  const cold = await probe(corpusDir, snapshotPath, "cold");
  const warm = await probe(corpusDir, snapshotPath, "snapshot");
  if (warm.ready.snapshot !== "loaded")
    throw new Error(`bench: snapshot not used at ${label} (${warm.ready.snapshot})`);

  const hotline = loadHotline({ corpusDir, snapshotPath });
  const corpus = loadCorpus(corpusDir);
  const ask = (c: EvalCase) => (c.cmd === "when" ? hotline.when(c.q) : hotline.ask(c.q));
  // Warm-up: a few passes so the JIT has compiled the hot paths before anything is timed.
  for (let w = 0; w < WARMUP_PASSES; w++) for (const c of cases) ask(c);
  const times: { ask: number[]; when: number[] } = { ask: [], when: [] };
  for (let r = 0; r < repeat; r++) {
    for (const c of cases) {
      const t = performance.now();
      ask(c);
      times[c.cmd].push(performance.now() - t);
    }
  }
  // Autocomplete scans the whole timeline per keystroke, so a sample of prefixes is enough.
  const prefixes = cases
    .filter((_, i) => i % Math.ceil(cases.length / 12) === 0)
    .map((c) => c.q.slice(0, Math.max(3, Math.floor(c.q.length / 2))));
  hotline.suggest(prefixes[0] ?? "hot");
  const suggestTimes = prefixes.map((p) => {
    const t = performance.now();
    hotline.suggest(p);
    return performance.now() - t;
  });

  // Index build alone, from the snapshot's analysis (analysis and dates are start-up's main cost).
  const read = readSnapshot(snapshotPath, snapshotKey(corpusDir));
  if (!read.ok) throw new Error(`bench: snapshot unreadable at ${label}: ${read.detail}`);
  const analyzer = createAnalyzer(corpus.synonyms);
  const passages = buildPassages(corpus.documents, analyzer, read.prebuilt.analysis);
  let t = performance.now();
  new SentenceIndex(passages, termStats(passages));
  const indexBuildMs = performance.now() - t;

  // The baseline: one MiniSearch document per sentence, with the same analysed terms (our stop
  // words dropped, our stems) and the question analysed the same way, so the ratio is the price
  // of everything we do beyond search: reading the question, reranking, dates, quoting.
  t = performance.now();
  const plain = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    tokenize: (text) => text.split(" "),
    processTerm: (term) => (term === "" ? null : term),
  });
  plain.addAll(passages.sentences.map((s) => ({ id: s.ordinal, text: s.terms.join(" ") })));
  const baselineBuildMs = performance.now() - t;
  const analysed = cases.map((c) => analyzer.terms(c.q).join(" "));
  // Sentence-level search scores every sentence that has any question term: a large fraction of
  // 100,000 for a common word, so large sizes ask the set once, after one warm-up.
  const baselineRepeat = passages.sentences.length > 20_000 ? 1 : repeat;
  for (const q of analysed.slice(0, 10)) plain.search(q);
  const baselineTimes: number[] = [];
  for (let r = 0; r < baselineRepeat; r++) {
    for (const q of analysed) {
      const s = performance.now();
      plain.search(q);
      baselineTimes.push(performance.now() - s);
    }
  }

  const all = latency([...times.ask, ...times.when]);
  const baseline = latency(baselineTimes);
  return {
    label,
    documents: corpus.documents.length,
    passages: passages.sentences.length,
    ask: latency(times.ask),
    when: latency(times.when),
    all,
    baseline,
    ratioP50: all.p50 / Math.max(baseline.p50, 1e-6),
    ratioP99: all.p99 / Math.max(baseline.p99, 1e-6),
    indexBuildMs,
    baselineBuildMs,
    startupColdMs: cold.wallMs,
    startupSnapshotMs: warm.wallMs,
    snapshotBytes: existsSync(snapshotPath) ? statSync(snapshotPath).size : 0,
    snapshotWriteMs: cold.written?.writeMs ?? 0,
    rssColdBytes: cold.memory.rssBytes,
    heapColdBytes: cold.memory.heapUsedBytes,
    rssSnapshotBytes: warm.memory.rssBytes,
    heapSnapshotBytes: warm.memory.heapUsedBytes,
    suggest: latency(suggestTimes),
  };
}

/** Runs the benchmark and prints the table (or JSON). Returns the exit code (0; targets are reported, not enforced). */
export async function runBench(options: BenchOptions): Promise<number> {
  const began = performance.now();
  const quick = options.quick ?? false;
  const sizes = options.sizes ?? (quick ? [1_000] : [10_000, 100_000]);
  const repeat = options.repeat ?? (quick ? 2 : 5);
  const cliRuns = options.cliRuns ?? (quick ? 3 : 7);
  const seedDir = options.corpusDir ?? defaultCorpusDir();
  const cases = questions();
  if (cases.length === 0)
    throw new Error(
      "bench: no questions (../shared/eval/dev-questions.json, test/eval/cases.json)",
    );
  const work = mkdtempSync(join(tmpdir(), "hotline-bench-"));
  const log = (text: string) => {
    if (!options.json) process.stderr.write(`bench: ${text}\n`);
  };
  try {
    const figures: SizeFigures[] = [];
    log(`seed corpus (${cases.length} questions × ${repeat})…`);
    figures.push(await measureSize("seed", seedDir, cases, repeat, work));
    for (const size of sizes) {
      log(`generating ${size.toLocaleString("en")} passages…`);
      const synthetic = writeSyntheticCorpus({
        sentences: size,
        seedDir,
        outDir: join(work, `corpus-${size}`),
      });
      log(`measuring ${size.toLocaleString("en")} passages…`);
      figures.push(
        await measureSize(`${Math.round(size / 1000)}k`, synthetic.dir, cases, repeat, work),
      );
      rmSync(synthetic.dir, { recursive: true, force: true });
    }
    log("command-line cold start…");
    const bin = join(repoRoot(), "bin", "hotline.js");
    const question = cases.find((c) => c.cmd === "ask")?.q ?? "What is the hotline for?";
    wallTime([bin, "ask", question], 1);
    const askMs = wallTime([bin, "ask", question], cliRuns);
    const nodeMs = wallTime(["-e", "0"], cliRuns);
    const cli = { askMs, nodeMs, ratio: askMs / nodeMs, runs: cliRuns };
    const report: BenchReport = {
      node: process.version,
      cpus: (await import("node:os")).availableParallelism(),
      sizes: figures,
      cli,
      targets: targets(figures, cli),
      totalMs: performance.now() - began,
    };
    options.print(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Issue 6's targets, checked against the figures (the largest size stands for "100,000 passages"). */
function targets(sizes: SizeFigures[], cli: BenchReport["cli"]): BenchReport["targets"] {
  const seed = sizes[0];
  const large = sizes.length > 1 ? sizes[sizes.length - 1] : undefined;
  const out: BenchReport["targets"] = [];
  if (seed)
    out.push({
      name: "seed: p99 answer < 1 ms",
      value: `${ms(seed.all.p99)} ms`,
      holds: seed.all.p99 < 1,
    });
  out.push({
    name: "CLI cold start ≤ 2 × node -e 0",
    value: `${cli.ratio.toFixed(2)} ×`,
    holds: cli.ratio <= 2,
  });
  if (large) {
    const at = `${large.label} (${large.passages.toLocaleString("en")} passages)`;
    out.push({
      name: `${at}: p99 answer < 25 ms`,
      value: `${ms(large.all.p99)} ms`,
      holds: large.all.p99 < 25,
    });
    out.push({
      name: `${at}: ready < 5 s with snapshot`,
      value: `${ms(large.startupSnapshotMs)} ms`,
      holds: large.startupSnapshotMs < 5000,
    });
    out.push({
      name: `${at}: RSS < 600 MB`,
      value: `${mb(large.rssSnapshotBytes)} MB (snapshot), ${mb(large.rssColdBytes)} MB (cold)`,
      holds: Math.max(large.rssSnapshotBytes, large.rssColdBytes) < 600e6,
    });
    out.push({
      name: `${at}: ratio to plain MiniSearch ≤ 3`,
      value: `p50 ${large.ratioP50.toFixed(2)} ×, p99 ${large.ratioP99.toFixed(2)} ×`,
      holds: large.ratioP50 <= 3 && large.ratioP99 <= 3,
    });
  }
  return out;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/** The table `npm run bench` prints. */
export function formatReport(report: BenchReport): string {
  const cols = report.sizes;
  const row = (name: string, cell: (f: SizeFigures) => string) =>
    `${name.padEnd(34)}${cols.map((f) => cell(f).padStart(20)).join("")}`;
  const lat = (l: Latency) => `${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.max)}`;
  const lines = [
    `hotline bench · node ${report.node} · ${report.cpus} CPUs · ${(report.totalMs / 1000).toFixed(0)} s`,
    "",
    row("corpus", (f) => f.label),
    row("documents", (f) => f.documents.toLocaleString("en")),
    row("passages (sentences)", (f) => f.passages.toLocaleString("en")),
    "",
    "Answer latency, ms (p50 / p99 / max)",
    row("  ask", (f) => lat(f.ask)),
    row("  when", (f) => lat(f.when)),
    row("  all answers", (f) => lat(f.all)),
    row("  plain MiniSearch search()", (f) => lat(f.baseline)),
    row(
      "  ratio to plain (p50 / p99)",
      (f) => `${f.ratioP50.toFixed(2)} / ${f.ratioP99.toFixed(2)}`,
    ),
    row("  suggest (autocomplete)", (f) => lat(f.suggest)),
    "",
    "Build and start-up, ms",
    row("  index build (ours)", (f) => ms(f.indexBuildMs)),
    row("  index build (plain MiniSearch)", (f) => ms(f.baselineBuildMs)),
    row("  start-up, no snapshot", (f) => ms(f.startupColdMs)),
    row("  start-up, with snapshot", (f) => ms(f.startupSnapshotMs)),
    row("  snapshot write", (f) => ms(f.snapshotWriteMs)),
    row("  snapshot size, MB", (f) => (f.snapshotBytes / 1e6).toFixed(1)),
    "",
    "Memory after load, MB (RSS / heap used)",
    row("  no snapshot", (f) => `${mb(f.rssColdBytes)} / ${mb(f.heapColdBytes)}`),
    row("  with snapshot", (f) => `${mb(f.rssSnapshotBytes)} / ${mb(f.heapSnapshotBytes)}`),
    row("  heap per passage, KB", (f) => (f.heapSnapshotBytes / f.passages / 1000).toFixed(1)),
    "",
    `Command-line cold start (median of ${report.cli.runs}): hotline ask ${ms(report.cli.askMs)} ms, node -e 0 ${ms(report.cli.nodeMs)} ms, ratio ${report.cli.ratio.toFixed(2)}`,
    "",
    "Targets (issue 6)",
    ...report.targets.map((t) => `  ${t.holds ? "✓" : "✗"} ${t.name}: ${t.value}`),
  ];
  return lines.join("\n");
}

// Run when executed directly (`node dist/bench/bench.js`), not when imported by the CLI or a test.
if (process.argv[1] && /bench\.js$/.test(process.argv[1])) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      sizes: { type: "string" },
      repeat: { type: "string" },
    },
  });
  runBench({
    quick: values.quick,
    json: values.json,
    sizes: values.sizes
      ?.split(",")
      .map((s) => Number(s.replace(/[_k]/g, (m) => (m === "k" ? "000" : "")))),
    repeat: values.repeat ? Number(values.repeat) : undefined,
    print: (text) => process.stdout.write(`${text}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
