import { expect, test } from "vitest";
import { runLoad } from "../../bench/load.js";

test("GIVEN a tiny burst of slash commands and mentions (some redelivered) THEN every one is acked, answered correctly and once", async () => {
  const lines: string[] = [];
  const report = await runLoad({
    requests: 40,
    concurrency: 8,
    mentions: 20,
    print: (l) => lines.push(l),
  });
  expect(report).toMatchObject({ lateOrFailedAcks: 0, wrongAnswers: 0, redeliveries: 2, ok: true });
  expect(lines.at(-1)).toBe("load: PASS");
  expect(lines.join("\n")).toMatch(/p50 [\d.]+ ms {3}p99 [\d.]+ ms/);
}, 60_000);
