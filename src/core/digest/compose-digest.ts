// Writes one subscriber's digest email (subject, HTML and plain text) from the selected papers.
import { buildDigestView, type TComposeDigestInput } from "./digest-view";
import { renderDigestHtml } from "./render-digest-html";
import { renderDigestText } from "./render-digest-text";

export type TDigestEmail = { subject: string; html: string; text: string };

/** Throws RangeError on a malformed periodKey or appUrl. */
export function composeDigest(input: TComposeDigestInput): TDigestEmail {
  const view = buildDigestView(input);
  return { subject: view.subject, html: renderDigestHtml(view), text: renderDigestText(view) };
}
