// Text whose web addresses are links (textLinks): an abstract's "Code: https://…" is one click away. Authors' links, so nofollow ugc.
import { Fragment } from "react";
import { textLinks } from "@/core/text/text-links";

export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {textLinks(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} rel="nofollow ugc noopener noreferrer" className="link break-all underline">
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
