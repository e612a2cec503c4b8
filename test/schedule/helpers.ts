/**
 * Shared test helpers for the schedule tests: temp database paths, a fake clock, a tick driver
 * that never fires, recording PostSenders (test doubles of the platforms), and corpus-derived
 * dates so no test hard-codes which days have events.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hotline } from "../../src/hotline-api.js";
import { createLogger } from "../../src/log.js";
import type { DayDigest, TimelineEvent } from "../../src/model.js";
import { localDateTime } from "../../src/schedule/local-time.js";
import type {
  ChannelRef,
  PartCheck,
  PartKey,
  Platform,
  PostSender,
} from "../../src/schedule/types.js";

/** A fresh directory under the OS temp dir; `cleanup` removes it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "hotline-schedule-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function fakeClock(start: Date | string) {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    set: (at: Date | string) => {
      now = new Date(at);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** A tick driver that never fires: tests call `runOnce` themselves. */
export const manualTick = () => ({ stop: () => {} });

/** Polls `done` every few milliseconds until it holds (tests of work in flight). */
export async function until(done: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("until: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A logger that drops everything. */
export const quietLogger = createLogger("silent");

/** One part a recording sender was asked to send, with the fake clock's time when it came. */
export interface SentPost {
  channel: ChannelRef;
  digest: DayDigest;
  /** 0-based part of the post, and how many parts it has. */
  part: number;
  count: number;
  at: Date;
  ok: boolean;
}

/** Options of {@link recordingSender}. */
export interface RecordingOptions {
  /** Fails the first `failures` part sends, whichever parts they are. */
  failures?: number;
  /** Fails part `index` the given number of times (e.g. `{ 2: 1 }`: the third part once). */
  failParts?: Record<number, number>;
  /** The channels it owns (default all). */
  owns?: (channel: ChannelRef) => boolean;
  /** How many parts each post has (default 1). */
  parts?: number;
  /** What `checkPart` answers (default `unknown`, like a platform that cannot tell). */
  check?: PartCheck;
}

/**
 * A PostSender test double: renders every post into `parts` parts, records every part sent and
 * every `checkPart` question, and fails as told.
 */
export function recordingSender(
  platform: Platform,
  clock: () => Date,
  options: RecordingOptions = {},
): PostSender & {
  calls: SentPost[];
  posts: () => SentPost[];
  checks: Array<{ key: PartKey; since: Date }>;
} {
  let failuresLeft = options.failures ?? 0;
  const failParts = { ...options.failParts };
  const calls: SentPost[] = [];
  const checks: Array<{ key: PartKey; since: Date }> = [];
  const count = options.parts ?? 1;
  return {
    platform,
    calls,
    checks,
    posts: () => calls.filter((call) => call.ok),
    owns: options.owns ?? (() => true),
    renderParts: (digest) => Array.from({ length: count }, (_, part) => ({ digest, part })),
    async sendPart(channel, part, key) {
      const { digest } = part as { digest: DayDigest };
      const failHere = (failParts[key.index] ?? 0) > 0;
      const ok = failuresLeft <= 0 && !failHere;
      calls.push({ channel, digest, part: key.index, count: key.count, at: clock(), ok });
      if (!ok) {
        if (failHere) failParts[key.index] = (failParts[key.index] ?? 0) - 1;
        else failuresLeft--;
        throw new Error("platform said 503");
      }
    },
    async checkPart(_channel, key, since) {
      checks.push({ key, since });
      return options.check ?? "unknown";
    },
  };
}

/** Month-days (`MM-DD`) with events of day precision, in calendar order. */
export function eventMonthDays(hotline: Hotline): string[] {
  const days = new Set<string>();
  for (const event of hotline.timeline()) {
    if (event.date.precision === "day") days.add(event.date.iso.slice(5, 10));
  }
  return [...days].sort();
}

/** The first month-day (scanning a leap year, skipping February) with no events. */
export function emptyMonthDay(hotline: Hotline): string {
  for (let t = Date.UTC(2024, 2, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
    const monthDay = new Date(t).toISOString().slice(5, 10);
    if (hotline.today(monthDay).events.length === 0) return monthDay;
  }
  throw new Error("test setup: every day of the year has events");
}

/** Events dated 29 February, from the timeline. */
export function leapDayEvents(hotline: Hotline): TimelineEvent[] {
  return hotline
    .timeline()
    .filter((event) => event.date.precision === "day" && event.date.iso.slice(5) === "02-29");
}

/** Runs `tick` with the clock stepped every `stepMs` from `from` to `to` (inclusive). */
export async function runTicks(
  clock: ReturnType<typeof fakeClock>,
  tick: () => Promise<void>,
  from: Date,
  to: Date,
  stepMs: number,
): Promise<void> {
  for (let t = from.getTime(); t <= to.getTime(); t += stepMs) {
    clock.set(new Date(t));
    await tick();
  }
}

/** A wall-clock change on local date `date` in `zone`, found by scanning in 15-minute steps. */
export interface ClockChange {
  zone: string;
  date: string;
  kind: "gap" | "repeat";
  /** For a gap: a local time that never occurs that day. For a repeat: one that occurs twice. */
  time: string;
  /** For a gap: the first local reading after the jump. For a repeat: `time`. */
  firstReadingAtOrAfter: string;
  /** UTC instants (15-minute grid) whose local date is `date`, in order. */
  instants: Date[];
}

const QUARTER = 15 * 60_000;

/** Scans local date `date` (`YYYY-MM-DD`) in `zone` for a DST gap or repeat. */
export function findClockChange(zone: string, date: string): ClockChange | undefined {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const instants: Date[] = [];
  const readings: string[] = [];
  for (let t = midnight - 16 * 3_600_000; t <= midnight + 40 * 3_600_000; t += QUARTER) {
    const local = localDateTime(new Date(t), zone);
    if (local.date !== date) continue;
    instants.push(new Date(t));
    readings.push(local.time);
  }
  for (let i = 1; i < readings.length; i++) {
    const previous = readings[i - 1] as string;
    const current = readings[i] as string;
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    const delta = minutes(current) - minutes(previous);
    if (delta > 15) {
      // The gap starts 15 minutes after `previous`; take a time 30 minutes into it if it fits.
      const gapStart = minutes(previous) + 15;
      const inside = Math.min(gapStart + 30, minutes(current) - 1);
      const time = `${String(Math.floor(inside / 60)).padStart(2, "0")}:${String(inside % 60).padStart(2, "0")}`;
      return { zone, date, kind: "gap", time, firstReadingAtOrAfter: current, instants };
    }
    if (delta < 15 && readings.indexOf(current) < i) {
      return {
        zone,
        date,
        kind: "repeat",
        time: current,
        firstReadingAtOrAfter: current,
        instants,
      };
    }
  }
  return undefined;
}

const DST_ZONES = [
  "America/New_York",
  "America/Santiago",
  "America/Asuncion",
  "Pacific/Auckland",
  "Europe/London",
  "Australia/Sydney",
  "Africa/Casablanca",
];

/**
 * A local date with a DST change of `kind` on a month-day that has events, searching the years
 * 2000–2040 in a few zones. Derived from the corpus rather than hard-coded.
 */
export function findEventDayWithClockChange(
  hotline: Hotline,
  kind: "gap" | "repeat",
): ClockChange | undefined {
  const days = eventMonthDays(hotline).filter((day) => day !== "02-29");
  for (const zone of DST_ZONES) {
    for (let year = 2000; year <= 2040; year++) {
      for (const monthDay of days) {
        const date = `${year}-${monthDay}`;
        // Cheap prefilter: the UTC offset differs across the UTC span that any zone's day covers.
        const midnight = Date.parse(`${date}T00:00:00Z`);
        const before = localDateTime(new Date(midnight - 16 * 3_600_000), zone);
        const after = localDateTime(new Date(midnight + 56 * 3_600_000), zone);
        if (before.time === after.time) continue;
        const change = findClockChange(zone, date);
        if (change?.kind === kind) return change;
      }
    }
  }
  return undefined;
}
