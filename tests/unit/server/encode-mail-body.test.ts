// encodeMailBody: pieces encoded once and joined per message decode to the exact text, line by line as nodemailer encodes it.
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { encode, Encoder, wrap } from "nodemailer/lib/qp";
import { describe, expect, it } from "vitest";
import { composeDigestBodies, joinBody, sharedText, type TMailBody } from "@/core/digest";
import { encodedTextPart, encodeMailBody } from "@/server/mail/encode-mail-body";
import { SMTP_MESSAGE_DEFAULTS } from "@/server/mail/mailer";
import { makePaper, NOW } from "../digest/fixtures";

const LONG = `${"x".repeat(74)}=é ${"a = b ".repeat(20)}`;
const EDGES = [
  LONG,
  "ends with spaces   \nand a tab\t\n",
  "= at the start\n==\n=\n",
  ".\n. a dot line\n..\n",
  "é 中文 😀 ".repeat(12),
  "",
  "\n\n",
  "trailing space \n",
  "   indented",
  "😀".repeat(30),
  "crlf\r\nline",
];

/** How nodemailer's own encoder writes a text, with its hard line breaks as CRLF. */
async function nodemailerEncoding(text: string): Promise<string> {
  const encoder = new Encoder();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => out.on("end", resolve));
  encoder.pipe(out);
  encoder.end(Buffer.from(text));
  await done;
  return Buffer.concat(chunks).toString("latin1").replace(/\r?\n/g, "\r\n");
}

async function parseBoth(subject: string, bodies: { text: TMailBody; html: TMailBody }) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true }, SMTP_MESSAGE_DEFAULTS);
  const base = { from: "a@example.org", to: "b@example.org", subject };
  const ours = await transport.sendMail({ ...base, text: { raw: encodedTextPart("plain", bodies.text) }, html: { raw: encodedTextPart("html", bodies.html) } });
  const theirs = await transport.sendMail({ ...base, text: joinBody(bodies.text), html: joinBody(bodies.html) });
  return {
    raw: (ours.message as Buffer).toString("latin1"),
    ours: await simpleParser(ours.message as Buffer),
    theirs: await simpleParser(theirs.message as Buffer),
  };
}

function expectValidQuotedPrintable(encoded: string) {
  expect(encoded).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  for (const line of encoded.split("\r\n")) {
    expect(line.length).toBeLessThanOrEqual(76);
    expect(line).toMatch(/^(?:[\t\x20-\x3c\x3e-\x7e]|=[0-9A-F]{2})*=?$/);
    expect(line).not.toMatch(/[ \t]$/);
  }
}

describe("encodeMailBody", () => {
  it("encodes every line exactly as nodemailer's encoder does, with CRLF line breaks", async () => {
    for (const text of EDGES) {
      const lines = text.replace(/\r\n/g, "\n").split("\n");
      const expected = (await Promise.all(lines.map(nodemailerEncoding))).join("\r\n");
      expect(encodeMailBody([sharedText(text)])).toBe(expected);
      expect(encodeMailBody([text])).toBe(expected);
      expectValidQuotedPrintable(expected);
    }
  });

  it("encodes plain ASCII lines (the URLs each message encodes) exactly as nodemailer's encode and wrap do, soft breaks included", async () => {
    // Breaks (space, tab, . , ! ?) rare or frequent, as nodemailer breaks after the last one near a line's end, else beside an escape.
    const unbroken = fc.constantFrom("a", "D", "3", "f", "=", "/", "&", "~", "-", "x");
    const breaking = fc.constantFrom(".", ",", "!", "?", " ", "\t");
    const line = fc.oneof(
      fc.array(unbroken, { maxLength: 400, size: "max" }),
      fc.array(fc.oneof({ arbitrary: unbroken, weight: 12 }, breaking), { maxLength: 400, size: "max" }),
    );
    fc.assert(
      fc.property(
        line.map((chars) => chars.join("")),
        (line) => {
          expect(encodeMailBody([line])).toBe(wrap(encode(line), 76));
        },
      ),
      { numRuns: 2000 },
    );
    const url = "https://papers.example.org/feedback/eyJzaWQiOjIsImV4cCI6MTgyNzI5ODgwMDAwMH0.UOTUj04olbYRS7kRjhXjTr7e9VM00yP8ivTexFFQX60";
    for (const line of [`<a href="${url}?paper=1962&amp;kind=more"`, `   More like this: ${url}?paper=1962&kind=more`, "=".repeat(200), "a.".repeat(120)]) {
      expect(encodeMailBody([line])).toBe(await nodemailerEncoding(line));
    }
  });

  it("gives the same encoding however the text is cut into shared and own pieces, with the cache cold or warm", () => {
    const char = fc.constantFrom("a", "b", " ", "\t", "=", ".", "\n", "é", "中", "😀", "-");
    const text = fc.array(char, { maxLength: 300 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        (whole, cuts, shared) => {
          const points = [...new Set(cuts.map((c) => Math.min(c, whole.length)))].sort((a, b) => a - b);
          const slices = [0, ...points].map((start, i) => whole.slice(start, points[i] ?? whole.length));
          const body: TMailBody = slices.map((slice, i) => (shared[i] ? sharedText(slice) : slice));
          const reference = encodeMailBody([whole]);
          expect(encodeMailBody(body)).toBe(reference);
          expect(encodeMailBody(body)).toBe(reference);
          expectValidQuotedPrintable(reference);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("builds a digest that mailparser reads back as the exact html and text, as it reads nodemailer's own encoding", async () => {
    const items = EDGES.map((edge, i) => ({
      paper: makePaper(i + 1, {
        title: `${edge} ${i}`,
        abstract: `${edge} abstract`,
        authors: [edge || "A", "B"],
        githubUrl: "https://github.com/a/b",
        aiSummary: i % 2 ? `${edge} summary` : null,
        listedOn: i % 2 ? "2026-11-24" : "2026-11-27",
      }),
      why: `Matches "${edge}"`,
      score: 1,
    }));
    const email = composeDigestBodies({
      appUrl: "https://papers.example.org",
      subscriberEmail: "r@example.org",
      periodKey: "daily:2026-11-27",
      items,
      // A range, so the subject and the heading carry an en dash through both encoders.
      listed: { from: "2026-11-24", to: "2026-11-27" },
      manageUrl: "https://papers.example.org/m?a=1&b=2",
      unsubscribeUrl: "https://papers.example.org/u?t=3",
      links: {
        readerUrl: (path) => `https://papers.example.org${path}?r=tok%2Ben`,
        feedbackUrl: (id, kind) => `https://papers.example.org/feedback/t.k?paper=${id}&kind=${kind}`,
      },
      now: NOW,
    });
    const { raw, ours, theirs } = await parseBoth(email.subject, email.bodies);
    expect(ours.text).toBe(email.text);
    expect(ours.html).toBe(email.html);
    expect(ours.text).toBe(theirs.text);
    expect(ours.html).toBe(theirs.html);
    expect(ours.subject).toBe(email.subject);
    const parts = raw.split(/\r\n\r\n/);
    expectValidQuotedPrintable(parts[2]!.slice(0, parts[2]!.indexOf("\r\n----_NmP")));
  });

  it("reads back edge cases as the exact text in plain and html parts", async () => {
    for (const edge of EDGES) {
      const text = [sharedText(`${edge}\n`), edge, sharedText(`\n${edge}`)];
      const html = [`<p>${edge}</p>\n`, sharedText(edge)];
      const { ours } = await parseBoth("edge", { text, html });
      expect(ours.text).toBe(joinBody(text).replace(/\r\n/g, "\n"));
      expect(ours.html).toBe(joinBody(html).replace(/\r\n/g, "\n"));
    }
  });
});
