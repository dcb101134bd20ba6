// Quoted-printable encodes a mail body with nodemailer's own encoder, once per shared piece: the text
// every digest repeats is encoded once per process, only each message's own lines per message.
import { encode, wrap } from "nodemailer/lib/qp";
import { cachePerObject, type TMailBody, type TSharedText } from "@/core/digest";

const CRLF = "\r\n";

/**
 * A shared piece cut at its line breaks. Quoted-printable soft breaks never cross a hard one, so
 * whole lines encode the same wherever they stand; the partial lines at either end are encoded
 * with the text around them in each message.
 */
type TEncodedPiece = { first: string; firstEncoded: string; middle: string; last: string };

/** One line without its line break, as nodemailer encodes it (trailing whitespace encoded, soft breaks at 76). */
function encodeLine(line: string): string {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  return text === "" ? "" : wrap(encode(text), 76);
}

const encodedPiece = cachePerObject((piece: TSharedText): TEncodedPiece | null => {
  const lines = piece.text.split("\n");
  if (lines.length === 1) return null;
  const first = lines[0]!;
  let middle = "";
  for (let i = 1; i < lines.length - 1; i++) middle += encodeLine(lines[i]!) + CRLF;
  return { first, firstEncoded: encodeLine(first) + CRLF, middle, last: lines[lines.length - 1]! };
});

/** The body's quoted-printable encoding, with CRLF line breaks: the same text nodemailer would send for joinBody(body). */
export function encodeMailBody(body: TMailBody): string {
  let out = "";
  let line = "";
  for (const piece of body) {
    if (typeof piece === "string") {
      let start = 0;
      for (let end = piece.indexOf("\n"); end !== -1; end = piece.indexOf("\n", start)) {
        out += encodeLine(line + piece.slice(start, end)) + CRLF;
        line = "";
        start = end + 1;
      }
      line += start === 0 ? piece : piece.slice(start);
      continue;
    }
    const encoded = encodedPiece(piece);
    if (!encoded) {
      line += piece.text;
      continue;
    }
    out += line === "" ? encoded.firstEncoded : encodeLine(line + encoded.first) + CRLF;
    out += encoded.middle;
    line = encoded.last;
  }
  return line === "" ? out : out + encodeLine(line);
}

/** A complete MIME text part (headers and body) for nodemailer's `raw` alternatives. */
export function encodedTextPart(subtype: "plain" | "html", body: TMailBody): string {
  return `Content-Type: text/${subtype}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${encodeMailBody(body)}`;
}
