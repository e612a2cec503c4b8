/**
 * The real command line (`node bin/hotline.js`, the compiled build) given paths it cannot use
 * and dates that do not exist: one line naming the path and the reason (exit 1) or a usage
 * message (exit 2), never a stack trace.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "hotline-cli-errors-"));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

beforeAll(() => {
  // bin/hotline.js rebuilds dist/ when sources changed; do it once here, not in every case.
  expect(spawnSync(process.execPath, ["scripts/build.js"], { cwd: root }).status).toBe(0);
}, 120_000);

function hotline(args: string[], input = "") {
  const result = spawnSync(process.execPath, [join(root, "bin", "hotline.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    input,
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "silent",
      HOTLINE_CACHE_DIR: join(work, "cache"),
    },
    timeout: 60_000,
  });
  const lines = result.stderr.split("\n").filter((l) => l.trim() !== "");
  return { code: result.status, signal: result.signal, stdout: result.stdout, lines };
}

/** A copy of the repo corpus in its own folder, spoiled by `spoil` (which names the bad path). */
function spoiltCorpus(name: string, spoil: (dir: string) => string): { dir: string; bad: string } {
  const dir = join(work, name, "corpus");
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "corpus"), dir, {
    recursive: true,
    filter: (src) => !src.includes(".hotline-cache"),
  });
  return { dir, bad: spoil(dir) };
}

// Every command that reads the corpus, with the arguments it needs (`start` runs the console on
// piped input when no platform is configured).
const COMMANDS: [string, string[]][] = [
  ["ask", ["ask", "what is the hotline for?"]],
  ["when", ["when", "the line opened"]],
  ["timeline", ["timeline"]],
  ["today", ["today", "--date", "03-14"]],
  ["sources", ["sources"]],
  ["corpus check", ["corpus", "check"]],
  ["start", ["start"]],
];

describe("GIVEN a corpus path that cannot be read", () => {
  test.each(COMMANDS)(
    "WHEN `hotline %s --corpus /nonexistent` THEN one line names the path and 'not found', exit 1",
    (_name, args) => {
      const missing = join(work, "nonexistent");
      const { code, stdout, lines } = hotline([...args, "--corpus", missing], "sources\n");
      expect(lines).toEqual([`hotline: corpus: ${missing}: not found`]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
    },
  );

  const kinds: [string, string, (dir: string) => string, string][] = [
    [
      "a directory named x.md",
      "ask",
      (dir) => {
        mkdirSync(join(dir, "x.md"));
        return join(dir, "x.md");
      },
      "not a regular file",
    ],
    [
      "a dangling symlink",
      "timeline",
      (dir) => {
        symlinkSync(join(dir, "nowhere.md"), join(dir, "x.md"));
        return join(dir, "x.md");
      },
      "dangling symlink",
    ],
    [
      "a symlink loop",
      "corpus check",
      (dir) => {
        symlinkSync(join(dir, "loop"), join(dir, "x.md"));
        symlinkSync(join(dir, "x.md"), join(dir, "loop"));
        return join(dir, "x.md");
      },
      "symlink loop",
    ],
    [
      "a corpus path that is a file",
      "start",
      (dir) => join(dir, "synonyms.json"),
      "not a directory",
    ],
    [
      "a symlink to /dev/zero",
      "sources",
      (dir) => {
        symlinkSync("/dev/zero", join(dir, "x.md"));
        return join(dir, "x.md");
      },
      "symlink leaves the corpus directory",
    ],
  ];

  test.each(kinds)(
    "WHEN it holds %s (`hotline %s`) THEN one line names the path and the reason, exit 1",
    (name, command, spoil, reason) => {
      const { dir, bad } = spoiltCorpus(name.replace(/\W+/g, "-"), spoil);
      const corpus = reason === "not a directory" ? bad : dir;
      const args = COMMANDS.find(([n]) => n === command)?.[1] ?? [];
      const { code, stdout, lines } = hotline([...args, "--corpus", corpus], "sources\n");
      expect(lines).toEqual([`hotline: corpus: ${bad}: ${reason}`]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
    },
  );

  test("WHEN `hotline start` runs the Slack bot on a missing corpus THEN one line, exit 1, before anything listens", () => {
    const missing = join(work, "nonexistent");
    const result = spawnSync(
      process.execPath,
      [join(root, "bin", "hotline.js"), "start", "--corpus", missing],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          SLACK_BOT_TOKEN: "xoxb-errors-test",
          SLACK_SIGNING_SECRET: "errors-test-secret",
          SLACK_API_URL: "http://127.0.0.1:9/api/",
          PORT: "0",
          DATABASE_PATH: join(work, "start.db"),
          LOG_LEVEL: "silent",
        },
        timeout: 60_000,
      },
    );
    expect(result.stderr.trim().split("\n")).toEqual([`hotline: corpus: ${missing}: not found`]);
    expect(result.status).toBe(1);
  });

  test("WHEN several files are refused THEN the one line names each with its reason, exit 1", () => {
    const { dir } = spoiltCorpus("several", (d) => {
      mkdirSync(join(d, "a.md"));
      symlinkSync("/etc/hostname", join(d, "b.md"));
      return d;
    });
    const { code, lines } = hotline(["sources", "--corpus", dir]);
    expect(lines).toEqual([
      `hotline: corpus: ${join(dir, "a.md")}: not a regular file; ${join(dir, "b.md")}: symlink leaves the corpus directory`,
    ]);
    expect(code).toBe(1);
  });

  test("WHEN it holds a FIFO named x.md THEN the command does not wait on it: one line, exit 1", () => {
    const { dir, bad } = spoiltCorpus("fifo", (d) => {
      const fifo = join(d, "x.md");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      return fifo;
    });
    const { code, signal, lines } = hotline(["ask", "what is the hotline for?", "--corpus", dir]);
    expect(signal).toBeNull();
    expect(lines).toEqual([`hotline: corpus: ${bad}: not a regular file`]);
    expect(code).toBe(1);
  });

  test("WHEN a file is larger than CORPUS_MAX_FILE_BYTES THEN one line names it and the limit, exit 1", () => {
    const { dir, bad } = spoiltCorpus("large", (d) => {
      writeFileSync(join(d, "x.md"), "x".repeat(200_001));
      return join(d, "x.md");
    });
    const result = spawnSync(
      process.execPath,
      [join(root, "bin", "hotline.js"), "sources", "--corpus", dir],
      {
        cwd: root,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", CORPUS_MAX_FILE_BYTES: "200000" },
      },
    );
    expect(result.stderr.trim()).toBe(
      `hotline: corpus: ${bad}: 200001 bytes, over the limit of 200000 bytes (CORPUS_MAX_FILE_BYTES)`,
    );
    expect(result.status).toBe(1);
  });

  // Root reads any file whatever its mode, so there is no unreadable file to make.
  test.skipIf(process.getuid?.() === 0)(
    "WHEN a document cannot be read (mode 000) THEN one line says 'permission denied', exit 1 (skipped as root)",
    () => {
      const { dir, bad } = spoiltCorpus("unreadable", (d) => {
        writeFileSync(join(d, "x.md"), "---\nid: x\n---\n");
        chmodSync(join(d, "x.md"), 0o000);
        return join(d, "x.md");
      });
      const { code, lines } = hotline(["ask", "what is the hotline for?", "--corpus", dir]);
      expect(lines).toEqual([`hotline: corpus: ${bad}: permission denied`]);
      expect(code).toBe(1);
    },
  );

  test("WHEN corpus ingest writes into a missing folder THEN one line names the file, exit 1", () => {
    const missing = join(work, "no-such-folder");
    const { code, lines } = hotline([
      "corpus",
      "ingest",
      "--manifest",
      "seeds/ingest.json",
      "--corpus",
      missing,
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^hotline: ${missing}/[a-z0-9-]+\\.md: not found$`));
    expect(code).toBe(1);
  });
});

describe("GIVEN `hotline today --date`", () => {
  test.each(["02-30", "02-31", "04-31", "13-01", "00-10", "01-00", "2024-02-30", "2027-02-29"])(
    "WHEN the date is %s (no such day) THEN exit 2 with a usage message",
    (date) => {
      const { code, stdout, lines } = hotline(["today", "--date", date]);
      expect(code).toBe(2);
      expect(lines[0]).toBe(
        `hotline: --date must be a real date, MM-DD or YYYY-MM-DD, e.g. 03-14 (got "${date}")`,
      );
      expect(lines).toContain("Usage:");
      expect(stdout).toBe("");
    },
  );

  test.each(["02-29", "2028-02-29", "12-31", "04-30"])(
    "WHEN the date is %s (a real day) THEN it answers, exit 0",
    (date) => {
      const { code, stdout, lines } = hotline(["today", "--date", date, "--json"]);
      expect(lines).toEqual([]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).monthDay).toBe(date.slice(-5));
    },
  );
});
