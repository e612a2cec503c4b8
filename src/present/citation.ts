/**
 * Citation parts every renderer shares: which facts a citation names, in which order, with dates
 * in words. Renderers add only their markup (links, escaping, separators).
 */
import type { Quote, SourceRef } from "../model.js";
import { formatIso } from "./format.js";

/** The parts of one citation. */
export interface CitationParts {
  title: string;
  url: string;
  /**
   * Who and where, in citation order: publisher, author (when named), publication date in words
   * (when the source gives one; never guessed) and the paragraph (when given).
   */
  facts: string[];
  /** A translation's original: its title, link, publisher and date in words. */
  original: { title: string; url: string; facts: string[] } | null;
}

/** The citation parts of `source`, at paragraph `location` when given. */
export function citationParts(source: SourceRef, location?: string): CitationParts {
  const facts = [source.publisher];
  if (source.author) facts.push(source.author);
  if (source.published) facts.push(formatIso(source.published));
  if (location) facts.push(location);
  const { original } = source;
  return {
    title: source.title,
    url: source.url,
    facts,
    original: original
      ? {
          title: original.title,
          url: original.url,
          facts: [original.publisher, formatIso(original.published)],
        }
      : null,
  };
}

/**
 * The date part of a citation: the publication date, or for an undated translation the
 * original's ("original: 18 March 2008"), or "undated".
 */
export function citationDate(source: SourceRef): string {
  if (source.published) return formatIso(source.published);
  if (source.original) return `original: ${formatIso(source.original.published)}`;
  return "undated";
}

/**
 * A one-line citation without markup: `Army phone links China and Russia — BBC News, Chris Hogg,
 * 29 December 2008, ¶3`. A translation names its original.
 */
export function citationLine(quote: Quote): string {
  const s = quote.source;
  const parts = [s.publisher, s.author, citationDate(s), quote.location].filter(Boolean);
  const original = s.original
    ? ` (translation of “${s.original.title}”, ${s.original.publisher})`
    : "";
  return `${s.title}${original} — ${parts.join(", ")}`;
}
