/**
 * Turns a chat message into the plain question the core reads. Every door (Discord, Slack, the
 * console, the CLI) passes through here, because the core calls it before reading a question.
 *
 * - Mentions of users, roles and channels (`<@123>`, `<@!123>`, `<@&123>`, `<#123>`, Slack's
 *   `<@U024BE7LH>`, `<#C123|general>`, `<!channel>`, `<!subteam^S1|@team>`) and `@everyone` /
 *   `@here` are dropped, with any label Slack sends with them: they name who is asked, never
 *   what is asked about, and must never reach the search.
 * - Slack links `<http://…|label>` keep their label; bare links and `<http://…>` are dropped.
 * - Custom emoji (`:thinking:`, `<:name:123>`, `<a:name:123>`) and pictographic emoji are dropped.
 * - Markdown emphasis, strike-through, code and quote markers are removed, keeping the words.
 * - Leading filler ("ok so", "yo", "hey", "pls"), trailing "thx" and chat interjections anywhere
 *   ("lol", "tbh", "btw") are dropped; one between two questions ("who picks up lol do they
 *   speak russian") ends the first with a question mark, as it ended it in chat.
 * The result may be empty: the caller then asks for a question.
 */
export function plainQuestion(text: string): string {
  const unmarked = withoutEmoji(
    text
      // Slack: <@U123|name>, <#C123|name>, <!subteam^S1|@team> are dropped with their labels.
      .replace(/<[@#!][^<>|]*\|[^<>]*>/g, " ")
      .replace(/<(?:https?|mailto):[^<>|]*\|([^<>]*)>/g, " $1 ")
      .replace(/<(?:https?|mailto):[^<>]*>/g, " ")
      // Discord and Slack mentions with no label, and Discord custom emoji.
      .replace(/<(?:@[!&]?|#|!)[^<>\s]*>/g, " ")
      .replace(/<a?:\w+:\d+>/g, " ")
      // @everyone, @here, @channel and "@name" / "#channel" as the Slack adapter reads them.
      .replace(/(^|\s)@[\w.-]+/g, " ")
      .replace(/(^|\s)#[a-z][\w-]*/gi, " ")
      .replace(/\bhttps?:\/\/\S+/gi, " ")
      // :emoji_name: shortcodes; times such as 10:30 are left alone because they hold digits only.
      .replace(/:[a-z][a-z0-9_+-]*:/gi, " "),
  )
    // Markdown: code fences and spans, emphasis, strike-through, block quotes, spoilers.
    .replace(/```+|`+/g, " ")
    .replace(/(\*\*|__|\*|~~|\|\|)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|\s)_(?=\S)([^_]*?\S)_(?=\s|$|[?!.,])/g, "$1$2")
    .replace(/(^|\n)\s*>+\s?/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .replace(FILLER_START, "")
    .replace(FILLER_END, "");
  return withoutInterjections(unmarked)
    .replace(/\s+/g, " ")
    .replace(/ (?=[?!.]$)/, "")
    .trim();
}

/**
 * `text` without emoji, flags and their joiners. Plain ASCII text holds none, and is not run
 * through the Unicode-property expression, which costs a command to compile.
 */
function withoutEmoji(text: string): string {
  if (!/[^\x20-\x7e\s]/.test(text)) return text;
  return text.replace(
    /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu,
    " ",
  );
}

// Chat openers and closers that carry no content; repeated ("ok so yo").
const FILLER_START =
  /^(?:(?:ok(?:ay)?|so|yo|hey|hi|hello|um+|uh+|hmm+|pls|please|quick q(?:uestion)?)(?:[\s,:!.]+|$))+/i;
const FILLER_END = /[\s,]*\b(?:lol|lmao|haha|pls|please|thx|thanks|ty)\b[\s!.]*$/i;
/** The chat interjections, as a pattern's alternatives. */
const INTERJECTIONS = "lol+|lmf?ao+|rofl|haha(?:ha)*|tbh|imo|imho|btw|fwiw|idk|smh|ngl|omg";

/**
 * Chat interjections anywhere in a message ("who picks up lol do they speak russian", "is it
 * on tbh"): they say how the asker feels, never what is asked, and no source uses them.
 */
const MAY_INTERJECT = new RegExp(INTERJECTIONS, "i");
const INTERJECTION = new RegExp(
  `(?:,\\s*)?(?<![\\p{L}\\p{N}'’-])(?:${INTERJECTIONS})(?![\\p{L}\\p{N}'’-])[,!.]*`,
  "giu",
);

/**
 * `text` without chat interjections. Tested first with a plain expression: most questions hold
 * none, and the Unicode-aware ones cost a command to compile.
 */
function withoutInterjections(text: string): string {
  if (!MAY_INTERJECT.test(text)) return text;
  return text
    .replace(BETWEEN_QUESTIONS, (m, at: number, whole: string) =>
      OPENS_QUESTION.test(whole.slice(0, at)) ? "? " : m,
    )
    .replace(INTERJECTION, " ");
}

/** Words that open a question: an interrogative or an auxiliary verb. */
export const QUESTION_OPENER =
  "(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|what|who|whom|whose|when|where|why|how|which)";

/** A text that opens with a question word or an auxiliary ("who picks up …"). */
const OPENS_QUESTION = new RegExp(`^\\W*${QUESTION_OPENER}\\b`, "i");

/**
 * An interjection after a word and before a question opener: in a message that opens with a
 * question ({@link OPENS_QUESTION}), "who picks up on the israeli side lol do they even speak
 * russian" is two questions, the interjection standing for the first one's question mark ("saw
 * this lol what did he say" asks one).
 */
const BETWEEN_QUESTIONS = new RegExp(
  `(?<=[\\p{L}\\p{N}])\\s*,?\\s+(?:${INTERJECTIONS})[,!.]*\\s+(?=${QUESTION_OPENER}\\b)`,
  "giu",
);
