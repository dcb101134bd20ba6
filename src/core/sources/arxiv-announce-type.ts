// What an arXiv listing entry was announced as (new, cross-list, replacement), from its section heading and its id line: one reading for the HTML page and for its pasted text.
import { findDayMonthYear } from "./dates";
import { insideListing, type TAnnounceType } from "./normalized-paper";

/** A listing's section: "New submissions", "Cross submissions", "Replacements …" say what they hold; a /recent day heading dates its entries. */
export type TListingSection = { announceType: TAnnounceType | undefined; isDay: boolean; day: string | undefined };

/** What the id line says of its entry: "(cross-list from cs.SE)", "(replaced)". */
export type TIdLineMarks = { crossList: boolean; replaced: boolean };

const DAY_HEADING = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3,}/i;

/** The section a heading opens, or undefined for a heading that is none ("Showing new listings for …"). */
export function sectionOf(heading: string): TListingSection | undefined {
  const day = findDayMonthYear(heading);
  if (/^new submissions/i.test(heading)) return { announceType: "new", isDay: false, day };
  if (/^cross[- ]?(?:lists?|listings?|submissions)/i.test(heading)) return { announceType: "cross", isDay: false, day };
  if (/^replace(?:ment)?s?(?:\s+submissions)?\b/i.test(heading)) return { announceType: "replace", isDay: false, day };
  if (DAY_HEADING.test(heading) && day !== undefined) return { announceType: undefined, isDay: true, day };
  return undefined;
}

export function idLineMarks(text: string): TIdLineMarks {
  return {
    // Current pages say "(cross-list from cs.SE)"; old replacement sections said "(*cross-listing*)".
    crossList: /cross-list/i.test(text),
    replaced: /\(replaced\)/i.test(text),
  };
}

/**
 * /recent days hold new papers and cross-lists; /new sections say what they hold; otherwise the id line's marks tell. A replaced paper
 * marked as a cross-list, or whose primary category lies outside the listing's, was listed there as a cross-list (replace-cross).
 */
export function entryAnnounceType(
  section: TListingSection | undefined,
  marks: TIdLineMarks,
  primaryCategory: string | undefined,
  listingCategory: string | undefined,
): TAnnounceType | undefined {
  const type = section?.isDay
    ? marks.crossList
      ? "cross"
      : "new"
    : (section?.announceType ?? (marks.replaced ? "replace" : marks.crossList ? "cross" : undefined));
  return type === "replace" && (marks.crossList || !insideListing(primaryCategory, listingCategory)) ? "replace-cross" : type;
}
