/**
 * The corpus document format: a Markdown body under YAML front matter.
 *
 * ```markdown
 * ---
 * id: bbc-army-phone-links
 * title: Army phone links China and Russia
 * publisher: BBC News
 * author: Chris Hogg
 * published: 2008-12-29
 * url: http://news.bbc.co.uk/2/hi/asia-pacific/7803028.stm
 * ---
 * ## A subheading
 *
 * A paragraph. Another sentence.
 * ```
 */
import type { z } from "zod";
import { zod } from "../lazy.js";

function build() {
  const { z } = zod();
  const isoDate = z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY")
    .refine((value) => !Number.isNaN(Date.parse(value.length === 4 ? `${value}-01-01` : value)), {
      message: "must be a real calendar date",
    });

  // YAML turns an unquoted 2008-12-29 into a Date; accept both forms.
  const dateField = z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    isoDate,
  );

  const nonEmpty = z.string().trim().min(1, "must not be empty");

  /** The front matter every corpus document must have. Unknown keys are rejected (typos). */
  return z
    .object({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,80}$/, "must be lower-case letters, digits and dashes"),
      title: nonEmpty,
      publisher: nonEmpty,
      author: nonEmpty.nullable().default(null),
      /** Publication date; null when the page does not say (never guessed). */
      published: dateField.nullable(),
      url: z.string().url("must be a URL"),
      /** For a translation: the original article's citation. */
      original: z
        .object({
          title: nonEmpty,
          publisher: nonEmpty,
          published: dateField,
          url: z.string().url("must be a URL"),
        })
        .strict()
        .nullable()
        .default(null),
      /**
       * The date that year-less or relative dates in the text are read against. Defaults to
       * `published`, then to the original's date.
       */
      reference_date: dateField.optional(),
    })
    .strict()
    .refine((fm) => fm.published !== null || fm.original !== null || fm.reference_date, {
      message: "needs published, original.published or reference_date to read dates in the text",
      path: ["published"],
    });
}

let schema: ReturnType<typeof build> | undefined;

/** The front matter schema (zod), built on first use. */
export function frontMatterSchema(): ReturnType<typeof build> {
  schema ??= build();
  return schema;
}

/** A document's validated front matter. */
export type FrontMatter = z.infer<ReturnType<typeof build>>;
