// Renders search headlines as text: search marks matches with control characters (src/core/search/highlight-matches.ts), never HTML.
import { Fragment } from "react";

const PART_RE = /\u0002([^\u0002\u0003]*)\u0003/g;

export function HighlightedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PART_RE)) {
    if (match.index > last) parts.push(<Fragment key={last}>{text.slice(last, match.index)}</Fragment>);
    parts.push(
      <mark key={`m${match.index}`} className="hl">
        {match[1]}
      </mark>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(<Fragment key={last}>{text.slice(last).replace(/[\u0002\u0003]/g, "")}</Fragment>);
  return <>{parts}</>;
}
