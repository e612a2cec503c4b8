/**
 * Test doubles shared by adapter tests: a log sink that parses pino's JSON lines, and a
 * subscription service that records what the command runner asked of it.
 */
import { Writable } from "node:stream";
import type { DayDigest } from "../../src/model.js";
import type {
  ChannelRef,
  PostSender,
  SubscribeRequest,
  SubscriptionService,
} from "../../src/schedule/types.js";

/** Collects the JSON lines a pino logger writes. */
export class LogSink extends Writable {
  readonly lines: Array<Record<string, unknown> & { msg?: string; level: number }> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString("utf8").split("\n"))
      if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
  /** Whether a line with this message was logged. */
  has(msg: string): boolean {
    return this.lines.some((l) => l.msg === msg);
  }
}

/** Records subscribe/unsubscribe calls; the store itself is the scheduler's, tested there. */
export class RecordingSubscriptions implements SubscriptionService {
  readonly calls: SubscribeRequest[] = [];
  async subscribe(request: SubscribeRequest) {
    this.calls.push(request);
    return {
      ok: true as const,
      created: true,
      subscription: {
        ...request,
        id: 1,
        time: request.time ?? "09:00",
        timezone: request.timezone ?? "UTC",
      },
    };
  }
  async unsubscribe() {
    return { removed: true };
  }
}

/**
 * Sends every part of the post for `digest` through `sender`, as the scheduler does for a first
 * attempt (keys name subscription 1 on the digest's date); rejects like the failing part.
 */
export async function sendPost(
  sender: PostSender,
  channel: ChannelRef,
  digest: DayDigest,
): Promise<void> {
  const parts = sender.renderParts(digest);
  for (const [index, part] of parts.entries()) {
    const key = {
      subscriptionId: 1,
      localDate: `2025-${digest.monthDay}`,
      index,
      count: parts.length,
    };
    await sender.sendPart(channel, part, key);
  }
}
