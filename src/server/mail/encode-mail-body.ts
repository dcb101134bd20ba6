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

/** Printable ASCII and tab, not ending in whitespace: nodemailer's encoder keeps every character but "=" as it is. */
const PLAIN_ASCII = /^[\t\x20-\x7e]*[\x21-\x7e]$/;

/**
 * One line without its line break, as nodemailer encodes it (trailing whitespace encoded, soft breaks at 76). The lines
 * each message encodes are mostly its own link URLs, plain ASCII: for those the encoding is the line with "=" as "=3D",
 * made without nodemailer's round trip through a byte buffer three times the line's length.
 */
function encodeLine(line: string): string {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (text === "") return "";
  if (!PLAIN_ASCII.test(text)) return wrap(encode(text), LINE);
  const encoded = text.includes("=") ? text.replaceAll("=", "=3D") : text;
  return encoded.length > LINE ? wrapAscii(encoded) : encoded;
}

const LINE = 76;
/** nodemailer's wrap looks this far back from a line's end for a place to break it. */
const MARGIN = Math.floor(LINE / 3);

const isBreakAfter = (c: number) => c === 0x20 || c === 0x09 || c === 0x2e || c === 0x2c || c === 0x21 || c === 0x3f;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * nodemailer's wrap(str, 76) for a line of printable ASCII whose only escapes are "=3D", with the same breaks (after the
 * last space or punctuation near the end, never inside an escape) found by index rather than by a regular expression on
 * each substring. The unit test holds it to nodemailer's own output.
 */
function wrapAscii(str: string): string {
  const len = str.length;
  let out = "";
  let pos = 0;
  while (pos < len) {
    const end = Math.min(pos + LINE, len);
    let n = end - pos;
    let breakAt = -1;
    if (n > LINE - MARGIN) {
      for (let i = end - 1; i >= end - MARGIN; i--) {
        if (isBreakAfter(str.charCodeAt(i))) {
          breakAt = i;
          break;
        }
      }
    }
    if (breakAt >= 0) n = breakAt - pos + 1;
    else if (str.charCodeAt(end - 1) === 0x3d) n -= 1;
    else if (n >= 2 && str.charCodeAt(end - 2) === 0x3d && isHex(str.charCodeAt(end - 1))) n -= 2;
    if (n === 0) n = end - pos;
    if (pos + n < len) {
      const escapeAtEnd = str.charCodeAt(pos + n - 3) === 0x3d && isHex(str.charCodeAt(pos + n - 2)) && isHex(str.charCodeAt(pos + n - 1));
      if (n === LINE) n -= escapeAtEnd ? 3 : 1;
      out += `${str.slice(pos, pos + n)}=\r\n`;
    } else {
      out += str.slice(pos, pos + n);
    }
    pos += n;
  }
  return out;
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
