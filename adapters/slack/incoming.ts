/**
 * Reads text as Slack sends it (slash-command `text`, message and mention `text`) back into what
 * the user typed, before it reaches the command parser and the core. Slack escapes `&`, `<` and
 * `>` as entities and wraps mentions, channels and links in `<…>`; the core wants plain words.
 */

/** Readable form of one `<…>` token: `<@U1|ann>` → "@ann", `<#C1|general>` → "#general", … */
function readToken(inner: string): string {
  const bar = inner.indexOf("|");
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
  if (target.startsWith("#")) return label ? `#${label}` : target;
  if (target.startsWith("!")) {
    // <!channel>, <!here>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
    if (label) return label;
    return `@${target.slice(1).split("^")[0]}`;
  }
  return label ?? target.replace(/^mailto:/, "");
}

/**
 * Turns Slack-formatted text into plain text: `<…>` tokens become readable words (the bot's own
 * mention, given `botUserId`, is removed), then `&lt;`, `&gt;` and `&amp;` are decoded. A user
 * who typed the literal characters `&lt;` gets exactly `&lt;` back (Slack sent `&amp;lt;`).
 */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_match, inner: string) => {
    if (botUserId && (inner === `@${botUserId}` || inner.startsWith(`@${botUserId}|`))) return " ";
    return readToken(inner);
  });
  return withoutMarkup
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}
