// A mail body as pieces, so the text every subscriber's digest repeats can be prepared once
// (for instance transfer-encoded) by whoever sends it, and only each message's own pieces per message.

/** Text shared by many messages: the same object stands for the same text, so it can key a cache. */
export type TSharedText = { readonly text: string };

/** Strings are one message's own text; shared pieces recur unchanged across messages. */
export type TMailBody = readonly (string | TSharedText)[];

export function sharedText(text: string): TSharedText {
  return Object.freeze({ text });
}

export function joinBody(body: TMailBody): string {
  let text = "";
  for (const piece of body) text += typeof piece === "string" ? piece : piece.text;
  return text;
}
