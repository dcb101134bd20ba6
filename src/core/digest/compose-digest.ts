// Writes one subscriber's digest email (subject, HTML and plain text) from the selected papers.
import { buildDigestView, type TComposeDigestInput } from "./digest-view";
import { joinBody, type TMailBody } from "./mail-body";
import { renderDigestHtml } from "./render-digest-html";
import { renderDigestText } from "./render-digest-text";

export type TDigestEmail = { subject: string; html: string; text: string };

/** The same email with its HTML and text as pieces, so a sender can prepare the shared ones once. */
export type TDigestEmailBodies = TDigestEmail & { bodies: { html: TMailBody; text: TMailBody } };

/** Throws RangeError on a malformed periodKey, listing day or appUrl. */
export function composeDigestBodies(input: TComposeDigestInput): TDigestEmailBodies {
  const view = buildDigestView(input);
  const html = renderDigestHtml(view);
  const text = renderDigestText(view);
  return { subject: view.subject, html: joinBody(html), text: joinBody(text), bodies: { html, text } };
}

/** Throws RangeError on a malformed periodKey, listing day or appUrl. */
export function composeDigest(input: TComposeDigestInput): TDigestEmail {
  const { subject, html, text } = composeDigestBodies(input);
  return { subject, html, text };
}
