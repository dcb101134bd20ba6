// A count with its noun ("1 upvote", "1,204 upvotes"), so every page, mail and message states a count one way.

/** `count` with US digit grouping and the noun in the number it takes: singular for exactly 1, `plural` (the noun and an s) otherwise. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : plural}`;
}
