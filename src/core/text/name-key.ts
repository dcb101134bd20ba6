// One key per person or organization name, however a source or a reader spells it: followed names are matched on it.

/**
 * Case, accents, punctuation and spacing fold away: "Aäron van den Oord", "aaron van den oord" and "Aaron  van-den Oord"
 * share a key. Initials stay initials ("J. Smith" is not "John Smith"): guessing would follow the wrong person.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
