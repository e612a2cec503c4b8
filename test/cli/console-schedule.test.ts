import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { answerLine, createConsoleSender } from "../../adapters/cli/console.js";
import { loadHotline } from "../../src/hotline.js";
import { createScheduler } from "../../src/schedule/scheduler.js";
import { openSqliteStore } from "../../src/schedule/sqlite-store.js";
import { createSubscriptionService } from "../../src/schedule/subscriptions.js";
import { fakeClock, manualTick, quietLogger, tempDir } from "../schedule/helpers.js";

const hotline = loadHotline();

describe("on-this-day posts at the console", () => {
  it("GIVEN subscribe at the prompt THEN the day's post is printed once at that time", async () => {
    const temp = tempDir();
    const store = openSqliteStore({ path: join(temp.dir, "hotline.db") });
    const time = fakeClock("2027-03-14T08:00:00Z");
    const subscriptions = await createSubscriptionService({
      store,
      config: { onThisDayTime: "09:00", timezone: "UTC", onThisDayChannels: undefined },
      clock: time.clock,
    });
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => {
      printed += String(chunk);
    });
    const options = { hotline, today: () => "2027-03-14", subscriptions };
    expect(await answerLine("subscribe 09:00 UTC", options)).toMatch(/^Subscribed/);
    expect(await answerLine("subscribe 09:00 UTC", options)).toMatch(/^Already subscribed/);

    const scheduler = createScheduler({
      store,
      hotline,
      senders: [createConsoleSender(output)],
      clock: time.clock,
      logger: quietLogger,
      tick: manualTick,
    });
    await scheduler.start();
    expect(printed).toBe("");
    time.set("2027-03-14T09:00:30Z");
    await scheduler.runOnce();
    time.advance(60_000);
    await scheduler.runOnce();
    await scheduler.stop();
    await store.close();
    temp.cleanup();

    const events = hotline.today("03-14").events;
    expect(events.length).toBeGreaterThan(0);
    expect(printed.match(/On this day in 2008:/g)).toHaveLength(1);
    for (const event of events) expect(printed).toContain(event.quote.text);
  });
});
