/**
 * The platform-neutral text of an on-this-day post, shared by the scheduler's senders, the
 * console adapter and `hotline today --date MM-DD`, so every door shows the same words.
 * Quotes are always `event.quote.text` verbatim; only headings and citations are composed.
 */
import type { DayDigest, TimelineEvent } from "../answer/types.js";
import type { Hotline } from "../hotline-api.js";
import { eventHeading } from "../present/digest.js";
import { formatIso as formatIsoDate, formatMonthDay } from "../present/format.js";

export { formatMonthDay } from "../present/format.js";

/**
 * The events of one local date's post: the events of its month-day, plus 29 February's on
 * 28 February of a non-leap year (merged in date order). `localDate` is `YYYY-MM-DD`.
 * Only `today(...).events` is used; `next` is kept only for display when there are no events,
 * and the scheduler never posts it.
 */
export function digestForLocalDate(hotline: Pick<Hotline, "today">, localDate: string): DayDigest {
  return hotline.today(localDate);
}

/**
 * `Publisher, Author, “Title” (29 December 2008), ¶5: URL`, with the original's citation for a
 * translation. Parts the source does not give (author, date) are left out, never guessed.
 */
function citation(event: TimelineEvent): string {
  const { source, location } = event.quote;
  const author = source.author ? `, ${source.author}` : "";
  const published = source.published ? ` (${formatIsoDate(source.published)})` : "";
  const original = source.original
    ? `; translated from ${source.original.publisher}, “${source.original.title}” (${formatIsoDate(source.original.published)}): ${source.original.url}`
    : "";
  return `${source.publisher}${author}, “${source.title}”${published}, ${location}: ${source.url}${original}`;
}

function eventBlocks(events: TimelineEvent[], monthDay: string): string[] {
  const blocks: string[] = [];
  let heading = "";
  let lines: string[] = [];
  for (const event of events) {
    // 29 February events posted on the 28th say their real date.
    const next = eventHeading(event, monthDay);
    if (next !== heading) {
      if (lines.length > 0) blocks.push(lines.join("\n"));
      heading = next;
      lines = [heading];
    }
    lines.push(`“${event.quote.text}”`, `— ${citation(event)}`);
  }
  if (lines.length > 0) blocks.push(lines.join("\n"));
  return blocks;
}

/**
 * Composes the post for `digest`: for each event, in date order, a heading ("On this day in
 * 2008:", or "On 29 February 2008:" when posted on another day), the verbatim quote in curly
 * quotes, and a citation line (publisher, author, title, publication date, paragraph, URL, and
 * for a translation the original's citation).
 * Events of the same heading share it. Blocks are separated by a blank line.
 *
 * With no events it says so and shows the next anniversary instead ("Nothing on 22 November.
 * Next: 29 December." then that day's blocks), for `/hotline today`; the scheduler never posts
 * such a digest.
 */
export function composePostText(digest: DayDigest): string {
  if (digest.events.length > 0) return eventBlocks(digest.events, digest.monthDay).join("\n\n");
  const day = formatMonthDay(digest.monthDay);
  if (!digest.next || digest.next.events.length === 0) {
    return `Nothing on ${day}, and the sources date no other events.`;
  }
  const nextDay = formatMonthDay(digest.next.monthDay);
  const years = new Set(digest.next.events.map((e) => e.date.iso.slice(0, 4)));
  if (years.size === 1) {
    // "Nothing on 22 November. Next: 29 December, 2008:" then the quotes of that day.
    const lines = digest.next.events.flatMap((e) => [`“${e.quote.text}”`, `— ${citation(e)}`]);
    return [`Nothing on ${day}. Next: ${nextDay}, ${[...years][0]}:`, ...lines].join("\n");
  }
  // Headings of the next day's events always name their full date.
  const blocks = eventBlocks(digest.next.events, "");
  return [`Nothing on ${day}. Next: ${nextDay}.`, ...blocks].join("\n\n");
}
