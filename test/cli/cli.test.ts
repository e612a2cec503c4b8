import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { answerLine, runConsole } from "../../adapters/cli/console.js";
import { loadHotline } from "../../src/hotline.js";

// The command line as users and outside checks run it: the real bin, the compiled code.
function hotline(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["bin/hotline.js", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "", LOG_LEVEL: "silent" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("hotline command line", () => {
  beforeAll(() => {
    // bin/hotline.js rebuilds dist/ when sources changed; do it once here, not in every case.
    expect(spawnSync(process.execPath, ["scripts/build.js"], { encoding: "utf8" }).status).toBe(0);
  }, 120_000);

  it("GIVEN ask --json THEN one object in the documented shape, exit 0", () => {
    const { code, stdout } = hotline([
      "ask",
      "--json",
      "When was the Sino-Russian hotline set up?",
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["status", "question", "date", "quotes", "note"]);
    expect(answer.status).toBe("answered");
    expect(answer.date).toEqual({ iso: "2008-03-14", precision: "day", approximate: false });
    expect(Object.keys(answer.quotes[0].source)).toEqual(
      expect.arrayContaining(["id", "title", "publisher", "author", "published", "url"]),
    );
  });

  it("GIVEN npm run --silent hotline -- ask --json THEN the same JSON on stdout", () => {
    const result = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "hotline",
        "--",
        "ask",
        "--json",
        "When was the Sino-Russian hotline set up?",
      ],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).date.iso).toBe("2008-03-14");
  });

  it("GIVEN a question the corpus cannot answer THEN no_answer saying what is missing, and exit 0", () => {
    const { code, stdout } = hotline(["ask", "--json", "How tall is the Eiffel Tower?"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: "no_answer",
      date: null,
      quotes: [],
      note: "The sources never mention tall or Eiffel or Tower.",
    });
  });

  it("GIVEN bad usage THEN exit 2 with a clear message", () => {
    expect(hotline(["ask", ""]).code).toBe(2);
    expect(hotline(["frobnicate"]).stderr).toMatch(/unknown command "frobnicate"/);
    expect(hotline(["frobnicate"]).code).toBe(2);
    expect(hotline(["today", "--date", "13-45"]).code).toBe(2);
    expect(hotline(["ask", "--nope", "x"]).code).toBe(2);
  });

  it("GIVEN timeline, today and sources with --json THEN events in the answer vocabulary", () => {
    const { events } = JSON.parse(hotline(["timeline", "--json"]).stdout);
    expect(events.length).toBeGreaterThan(5);
    expect(events[0]).toMatchObject({
      date: { precision: expect.any(String) },
      quote: { text: expect.any(String) },
    });
    const today = JSON.parse(hotline(["today", "--date", "03-14", "--json"]).stdout);
    expect(today.events[0].date.iso).toBe("2008-03-14");
    const none = hotline(["today", "--date", "11-22"]).stdout;
    expect(none).toMatch(
      /^Nothing on 22 November\. Next: 29 December\.\n\nOn 29 December 2008 \(reported\):/,
    );
    expect(JSON.parse(hotline(["sources", "--json"]).stdout).sources).toHaveLength(2);
  });

  it("GIVEN the corpus check THEN it passes on the repo corpus and fails with one line on a broken one", () => {
    expect(hotline(["corpus", "check"]).stdout).toMatch(/^corpus ok: 2 documents/);
    const broken = hotline(["corpus", "check", "--dir", "test"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("GIVEN the seed manifest THEN corpus ingest rebuilds the committed corpus byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-ingest-"));
    try {
      const { code } = hotline([
        "corpus",
        "ingest",
        "--manifest",
        "seeds/ingest.json",
        "--corpus",
        dir,
      ]);
      expect(code).toBe(0);
      for (const name of readdirSync(dir)) {
        expect(readFileSync(join(dir, name), "utf8")).toBe(
          readFileSync(join("corpus", name), "utf8"),
        );
      }
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("GIVEN no terminal and no credentials THEN start answers each stdin line and exits", () => {
    const { code, stdout } = hotline(
      ["start"],
      "when did the china russia hotline open\nsources\n",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("14 March 2008");
    expect(stdout).toContain("Army phone links China and Russia");
  });
});

describe("console adapter", () => {
  const core = loadHotline();
  const options = { hotline: core, today: () => "03-14", subscriptions: undefined };

  it("GIVEN a line as typed after /hotline THEN the same answer as the core", async () => {
    const reply = core.ask("who is Luo Yuan?");
    const text = await answerLine("/hotline ask who is Luo Yuan?", options);
    if (reply.status !== "answered") throw new Error("expected an answer");
    for (const quote of reply.quotes) expect(text).toContain(quote.text);
    expect(await answerLine("today", options)).toMatch(
      /^On this day: \d+ \w+\n\nOn this day in 2008( \(reported\))?:/,
    );
    expect(await answerLine("subscribe", options)).toMatch(/not enabled/);
  });

  it("GIVEN piped input THEN every line is answered, blank lines skipped, and it ends at end of input", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (c) => chunks.push(String(c)));
    const done = runConsole({ ...options, input, output, interactive: false });
    input.end("help\n\nask what is the hotline for\nquit\nnever answered\n");
    await done;
    const text = chunks.join("");
    expect(text).toContain("/hotline when <event>");
    expect(text).not.toContain("never answered");
  });
});
