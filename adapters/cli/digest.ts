/**
 * The terminal's rendering of an on-this-day digest, for the console's scheduled posts and
 * `hotline today`: the core's digest view (title, headings with the 28/29 February rule) in
 * plain text, each quote as a block quote with its citation, as the terminal shows answers.
 */
import type { DayDigest } from "../../src/model.js";
import { citationLine } from "../../src/present/citation.js";
import { digestView } from "../../src/present/digest.js";

/** The digest as terminal text: the title, then each heading over its quotes. */
export function digestText(digest: DayDigest): string {
  const view = digestView(digest);
  const blocks = [view.title];
  let heading = "";
  for (const { heading: next, event } of view.items) {
    // Events under the same heading share it.
    if (next !== heading) blocks.push(next);
    heading = next;
    blocks.push(
      `> ${event.quote.text}\n    — ${citationLine(event.quote)}\n      ${event.quote.source.url}`,
    );
  }
  return blocks.join("\n\n");
}
