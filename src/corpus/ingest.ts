/**
 * Turns a raw captured web page (a seed) into a clean, citable corpus document: page chrome is
 * dropped, every sentence of the article is kept verbatim (typos included), subheadings become
 * `## headings`, and the citation facts go into front matter.
 *
 * Chrome is recognised by general rules (navigation and browser notices, CMS markers such as
 * `{mospagebreak}`, bylines, related-story lists, footers after "Print Sponsor" or "Endnote:",
 * a paragraph repeated hard-wrapped) plus an explicit list of lines for what only a reader can
 * tell apart from the article, such as photo captions.
 */
import { HotlineError } from "../errors.js";
import { yaml } from "../lazy.js";
import { foldWhitespace } from "../text/normalize.js";
import { type FrontMatter, frontMatterSchema } from "./schema.js";

/** What to ingest besides the seed's text. */
export interface IngestOptions {
  /** Front matter for the document (validated). */
  meta: Record<string, unknown>;
  /** Exact lines (after trimming) that are chrome in this page, e.g. a photo caption. */
  drop?: string[];
}

/** Lines that are chrome on any page. */
const CHROME_LINE: RegExp[] = [
  /^skip to (main )?content$/i,
  /^\{mospagebreak\}$/i,
  /^page last updated\b/i,
  /^sign in$/i,
  /^[\w ]{0,20} navigation$/i,
  /^copyright\b|©/i,
  /is not responsible for the content of external/i,
  /best viewed in an up-to-date web browser/i,
  /^\d{1,2} [A-Z][a-z]{2} \d{2} \|/, // related story date line: "29 Feb 08 | Asia-Pacific"
];

/** A block at or after which everything is footer. */
const FOOTER = /^(print sponsor|related (stories|links|internet links)|see also:?)$/i;

/** Returns the Markdown document (front matter and body) for `seedText`. */
export function ingest(seedText: string, options: IngestOptions): string {
  const parsed = frontMatterSchema().safeParse(options.meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HotlineError(
      "ingest_failed",
      `ingest: front matter "${issue?.path.join(".") ?? ""}": ${issue?.message ?? "invalid"}`,
    );
  }
  const meta = parsed.data;
  const blocks = cleanBlocks(seedText, meta, new Set((options.drop ?? []).map(foldWhitespace)));
  if (blocks.length === 0) throw new HotlineError("ingest_failed", "ingest: no article text left");
  const body = blocks.map((b) => (b.heading ? `## ${b.text}` : b.text)).join("\n\n");
  return `---\n${yaml().stringify(frontMatterOut(meta), { lineWidth: 0 })}---\n\n${body}\n`;
}

interface CleanBlock {
  text: string;
  heading: boolean;
  wrapped: boolean;
}

function cleanBlocks(seedText: string, meta: FrontMatter, drop: Set<string>): CleanBlock[] {
  const lines = seedText.replace(/\r\n?/g, "\n").split("\n");
  const isChrome = (line: string): boolean => {
    const text = foldWhitespace(line);
    return (
      drop.has(text) ||
      CHROME_LINE.some((re) => re.test(text)) ||
      text.toLowerCase() === meta.title.toLowerCase() ||
      (meta.author !== null && text === `By ${meta.author}`)
    );
  };

  const raw: { lines: string[] }[] = [];
  let current: string[] = [];
  let afterByline = false;
  for (const line of lines) {
    const text = foldWhitespace(line);
    if (text === "") {
      if (current.length) raw.push({ lines: current });
      current = [];
      continue;
    }
    // The line under a byline names the publisher's desk ("BBC News, Beijing").
    if (afterByline && text.startsWith(meta.publisher)) {
      afterByline = false;
      continue;
    }
    afterByline = meta.author !== null && text === `By ${meta.author}`;
    if (isChrome(text)) {
      // A chrome line (e.g. `{mospagebreak}` before a subheading) separates blocks like a blank line.
      if (current.length) raw.push({ lines: current });
      current = [];
      continue;
    }
    current.push(text);
  }
  if (current.length) raw.push({ lines: current });

  const footer = raw.findIndex((b) => b.lines.length > 0 && FOOTER.test(b.lines[0] ?? ""));
  const article = footer === -1 ? raw : raw.slice(0, footer);
  const blocks = article.flatMap<CleanBlock>((b) => {
    // A short label line ending in a colon ("Endnote:") heads the lines under it.
    const [first, ...rest] = b.lines;
    if (first !== undefined && rest.length > 0 && /^[\p{Lu}][\p{L} ]{0,30}:$/u.test(first)) {
      return [
        { text: first, wrapped: false, heading: true },
        { text: rest.join(" "), wrapped: rest.length > 1, heading: false },
      ];
    }
    const text = b.lines.join(" ");
    return [
      { text, wrapped: b.lines.length > 1, heading: b.lines.length === 1 && isHeading(text) },
    ];
  });
  // A paragraph captured twice (once hard-wrapped) keeps its single-line copy.
  return blocks.filter(
    (block, i) =>
      !(
        block.wrapped &&
        blocks.some((other, j) => j !== i && !other.wrapped && other.text === block.text)
      ),
  );
}

function isHeading(text: string): boolean {
  return text.length <= 90 && !/[.?!:;,"”’)\]]$/.test(text) && /^[\p{Lu}‘']/u.test(text);
}

function frontMatterOut(meta: FrontMatter): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: meta.id,
    title: meta.title,
    publisher: meta.publisher,
    author: meta.author,
    published: meta.published,
    url: meta.url,
  };
  if (meta.original) out.original = meta.original;
  if (meta.reference_date) out.reference_date = meta.reference_date;
  return out;
}
