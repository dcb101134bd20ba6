// A digest mail's subject, preheader, HTML and text parts, written from its chosen papers: what a subscriber reads in the inbox.
import { describe, expect, it } from "vitest";
import { composeDigest, composeDigestBodies, digestListingDays, escapeHtml, joinBody, paperPath, shortAuthors, type TDigestItem } from "@/core/digest";
import { makePaper, makeSubscriber, NOW } from "./fixtures";

const APP = "https://digest.example.org/";
const MANAGE = "https://digest.example.org/subscribe/manage?token=abc.def";
const UNSUBSCRIBE = "https://digest.example.org/unsubscribe?token=abc.def&x=1";

/** A subscriber's own links, as subscriberLinks builds them (tokens stand in for signed ones). */
function linksFor(base: string, token: string) {
  return {
    readerUrl: (path: string) => `${base}${path}?r=${token}`,
    feedbackUrl: (paperId: number, kind: "more" | "less") => `${base}/feedback/${token}?paper=${paperId}&kind=${kind}`,
  };
}
const LINKS = linksFor("https://digest.example.org", "reader.tok");

function item(id: number, fields: Parameters<typeof makePaper>[1] = {}, why = "Trending"): TDigestItem {
  return { paper: makePaper(id, fields), why, score: 1 / id };
}

/** The listing days selectDigest reports for these items, for a daily subscriber whose last digest went out the day before NOW. */
function listedOf(items: readonly TDigestItem[]) {
  const days = items.map((i) => i.paper.listedOn);
  return digestListingDays(makeSubscriber(), NOW, days);
}

function compose(items: TDigestItem[], periodKey = "daily:2026-11-27") {
  return composeDigest({
    appUrl: APP,
    subscriberEmail: "reader@example.com",
    periodKey,
    items,
    listed: listedOf(items),
    manageUrl: MANAGE,
    unsubscribeUrl: UNSUBSCRIBE,
    links: LINKS,
    now: NOW,
  });
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

describe("composeDigest: subject", () => {
  it("names the day its papers were listed on and the top paper", () => {
    const email = compose([item(1, { title: "Attention Is All You Need" }), item(2)]);
    expect(email.subject).toBe("Your daily papers · Fri 27 Nov 2026: Attention Is All You Need (+1 more)");
  });

  it("names the papers' listing day, not the day of the period it is sent in: Saturday's daily of Friday's papers says Friday", () => {
    const email = compose([item(1, { title: "Short", listedOn: "2026-11-27" })], "daily:2026-11-28");
    expect(email.subject).toBe("Your daily papers · Fri 27 Nov 2026: Short");
  });

  it("names a weekly digest's days as a range, not the ISO week it is sent in", () => {
    const items = [item(1, { title: "Short", listedOn: "2026-11-22" }), item(2, { listedOn: "2026-11-16" }), item(3, { listedOn: "2026-11-19" })];
    expect(compose(items, "weekly:2026-W48").subject).toBe("Your weekly papers · 16–22 Nov 2026: Short (+2 more)");
  });

  it("spans a new year in a weekly digest sent after ISO week 53", () => {
    const items = [item(1, { title: "Short", listedOn: "2026-12-28" }), item(2, { listedOn: "2027-01-03" })];
    expect(compose(items, "weekly:2027-W01").subject).toBe("Your weekly papers · 28 Dec 2026 – 3 Jan 2027: Short (+1 more)");
  });

  it("truncates a long title on a word boundary and keeps it on one line", () => {
    const title = "A Remarkably Long Title About Scaling\nLaws for Diffusion Transformers Trained on Very Large Video Corpora";
    const subject = compose([item(1, { title })]).subject;
    expect(subject).toMatch(/^Your daily papers · Fri 27 Nov 2026: A Remarkably Long Title About Scaling Laws for Diffusion[^\n]*…$/);
    expect(subject.length).toBeLessThan(120);
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it("still has a subject with no items, naming the days it looked at", () => {
    expect(compose([]).subject).toBe("Your daily papers · 26–27 Nov 2026");
  });

  it("names the same days in the heading and the plain text as in the subject, across a month's end", () => {
    const { subject, html, text } = compose([item(1, { title: "Short", listedOn: "2026-07-05" }), item(2, { listedOn: "2026-06-29" })], "weekly:2026-W28");
    expect(subject).toBe("Your weekly papers · 29 Jun – 5 Jul 2026: Short (+1 more)");
    expect(html).toMatch(/>Your weekly papers<\/h1>\n<p [^>]*>29 Jun – 5 Jul 2026 &middot; 2 new papers for you<\/p>/);
    expect(text.startsWith("Your weekly papers · 29 Jun – 5 Jul 2026\n2 new papers for you\n")).toBe(true);
  });

  it("refuses a malformed period key, listing day or app URL", () => {
    expect(() => compose([], "daily:2026-02-30")).toThrow(RangeError);
    expect(() => compose([item(1, { listedOn: "2026-02-30" })])).toThrow(RangeError);
    expect(() =>
      composeDigest({
        appUrl: "javascript:alert(1)",
        subscriberEmail: "a@b.c",
        periodKey: "daily:2026-11-27",
        items: [],
        listed: listedOf([]),
        manageUrl: MANAGE,
        unsubscribeUrl: UNSUBSCRIBE,
        links: LINKS,
        now: NOW,
      }),
    ).toThrow(RangeError);
  });
});

describe("composeDigest: html", () => {
  const hostile = item(
    1,
    {
      title: '<script>alert("x")</script> Tricky <img src=x onerror=alert(1)>',
      abstract: "Results </p><iframe src=//evil.example></iframe> & more",
      authors: ["<b>Mallory</b>", 'Eve "quotes"'],
      githubUrl: "javascript:alert(1)",
    },
    'Matches "<svg onload=1>"',
  );

  it("renders web text as text, never markup", () => {
    const { html } = compose([hostile]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tricky &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;b&gt;Mallory&lt;/b&gt;");
    expect(html).toContain("Matches &quot;&lt;svg onload=1&gt;&quot;");
    expect(html).not.toContain("javascript:");
  });

  it("links papers through the reader's own links, and code and arXiv to their sites", () => {
    const { html } = compose([item(1, { arxivId: "2408.00714", githubUrl: "https://github.com/org/repo" }), item(2, { arxivId: null })]);
    const links = hrefs(html);
    expect(links).toContain("https://digest.example.org/papers/2408.00714?r=reader.tok");
    expect(links).toContain("https://digest.example.org/papers/p-2?r=reader.tok");
    expect(links).toContain("https://digest.example.org/feedback/reader.tok?paper=2&kind=less");
    expect(links).toContain("https://github.com/org/repo");
    expect(links).toContain("https://arxiv.org/abs/2408.00714");
    expect(links).toContain(MANAGE);
    expect(links).toContain(UNSUBSCRIBE);
    for (const href of links) expect(href).toMatch(/^https:\/\//);
    expect(links.filter((href) => href.includes("/papers/")).every((href) => href.startsWith("https://digest.example.org/papers/"))).toBe(true);
    expect(links.filter((href) => href.includes("/papers/")).every((href) => href.endsWith("?r=reader.tok"))).toBe(true);
  });

  it("gives every paper a More like this and a Less like this link to its own feedback page", () => {
    const { html } = compose([item(1), item(2), item(3)]);
    for (const id of [1, 2, 3]) {
      for (const [kind, label] of [
        ["more", "More like this"],
        ["less", "Less like this"],
      ]) {
        const url = escapeHtml(`https://digest.example.org/feedback/reader.tok?paper=${id}&kind=${kind}`);
        expect(html).toMatch(new RegExp(`<a href="${url.replace(/[.?]/g, "\\$&")}"\\s+style="[^"]*">${label}</a>`));
      }
    }
    expect(html.match(/>More like this<\/a>/g)).toHaveLength(3);
    expect(html.match(/>Less like this<\/a>/g)).toHaveLength(3);
  });

  it("shows the AI summary, labelled with its source, above the abstract's excerpt, as text", () => {
    const { html, text } = compose([item(1, { aiSummary: "It <b>works</b> & scales.", abstract: "The abstract itself." }), item(2)]);
    expect(html).toContain("<strong>AI summary (from Hugging Face):</strong> It &lt;b&gt;works&lt;/b&gt; &amp; scales.");
    expect(html).toContain("<strong>Abstract:</strong> The abstract itself.");
    expect(html.indexOf("AI summary")).toBeLessThan(html.indexOf("The abstract itself."));
    expect(html.match(/AI summary/g)).toHaveLength(1);
    expect(text).toContain("   AI summary (from Hugging Face): It <b>works</b> & scales.\n   Abstract: The abstract itself.\n");
    expect(text).toContain("   We study things.\n   arXiv: https://arxiv.org/abs/2611.10002\n   Read:");
  });

  it("is an inline-styled, image-free table layout that declares dark-mode support", () => {
    const { html } = compose([item(1)]);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('role="presentation"');
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/<style|<link|<img|class=/i);
  });

  it("lets a long unbroken word (a URL in an abstract, a long address) wrap in every text cell, so it cannot widen the mail past a phone's screen", () => {
    // An abstract ending in a dataset URL, as Hugging Face's listings carry them: a table grows to its longest word unless the cell may break it.
    const { html } = compose([item(1, { abstract: "Data at https://huggingface.co/datasets/qiangminjie27/TabBench" })]);
    const cells = [...html.matchAll(/<td [^>]*style="([^"]*)"/g)].map((m) => m[1] ?? "").filter((style) => style.includes("font-family"));
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const style of cells) {
      expect(style).toContain("word-break:break-word;");
      expect(style).toContain("overflow-wrap:anywhere;");
    }
  });

  it("shows authors, the reason, upvotes and an abstract excerpt", () => {
    const abstract = `${"word ".repeat(100)}END`;
    const { html } = compose([item(1, { authors: ["A One", "B Two", "C Three", "D Four"], upvotes: 42, abstract }, "In cs.CL")]);
    expect(html).toContain("A One, B Two, C Three et al.");
    expect(html).toContain("In cs.CL");
    expect(html).toContain("42 upvotes");
    expect(html).toContain("word word");
    expect(html).not.toContain("END");
  });
});

describe("composeDigest: preheader", () => {
  const hidden = (html: string) => /<div style="display:none;[^"]*">([^<]*)<\/div>/.exec(html)?.[1] ?? "";
  const preheaderOf = (html: string) => hidden(html).split("\n")[0];

  it("pads the preview line after the preheader with a short run of invisible characters, in the HTML only", () => {
    const { html, text } = compose([item(1, { title: "First Paper" }), item(2, { title: "Second Paper" })]);
    const [preheader, padding = "", ...rest] = hidden(html).split("\n");
    expect(preheader).toBe("Also: Second Paper");
    expect(rest).toEqual([]);
    // The usual run costs about 1 KB a mail; this one a tenth of that.
    expect(padding).toMatch(/^(&#847;&zwnj;&nbsp;)+$/);
    expect(padding.length).toBeGreaterThanOrEqual(100);
    expect(padding.length).toBeLessThanOrEqual(150);
    expect(html.split("&zwnj;").length - 1).toBe(padding.split("&zwnj;").length - 1);
    expect(text).not.toMatch(/&#847;|&zwnj;|&nbsp;|\u034f|\u200c|\u00a0/);
  });

  it("previews the papers the subject does not name, not the subject's own title again", () => {
    const { html, subject } = compose([item(1, { title: "First Paper" }), item(2, { title: "Second Paper" }), item(3, { title: "Third Paper" })]);
    expect(subject).toContain("First Paper");
    expect(preheaderOf(html)).toBe("Also: Second Paper · Third Paper");
  });

  it("previews a lone paper's summary, as its title is already the subject", () => {
    const { html } = compose([item(1, { title: "Lone Paper", abstract: "We find that lone papers read well." })]);
    expect(preheaderOf(html)).toBe("We find that lone papers read well.");
    const summarised = compose([item(1, { title: "Lone Paper", aiSummary: "A short AI summary.", abstract: "Long abstract." })]);
    expect(preheaderOf(summarised.html)).toBe("A short AI summary.");
  });
});

describe("composeDigest: plain text", () => {
  it("carries the same papers, links and unsubscribe URL, unescaped", () => {
    const { text } = compose([
      item(1, { title: "Fast <Attention> & Friends", githubUrl: "https://github.com/org/repo" }, 'Matches "attention"'),
      item(2, { title: "Second paper", arxivId: null }),
    ]);
    expect(text).toContain("1. Fast <Attention> & Friends");
    expect(text).toContain("2. Second paper");
    expect(text).toContain('Matches "attention" · 10 upvotes');
    expect(text).toContain("Read: https://digest.example.org/papers/2611.10001?r=reader.tok\n");
    expect(text).toContain("Read: https://digest.example.org/papers/p-2?r=reader.tok\n");
    expect(text).toContain("More like this: https://digest.example.org/feedback/reader.tok?paper=1&kind=more\n");
    expect(text).toContain("Less like this: https://digest.example.org/feedback/reader.tok?paper=2&kind=less\n");
    expect(text).toContain("Code: https://github.com/org/repo");
    expect(text).toContain("arXiv: https://arxiv.org/abs/2611.10001");
    expect(text).toContain(`Unsubscribe: ${UNSUBSCRIBE}`);
    expect(text).toContain(`Manage your digest: ${MANAGE}`);
    expect(text).toContain("reader@example.com");
  });

  it("says so when there is nothing new", () => {
    expect(compose([]).text).toContain("No new papers matched your interests.");
  });

  it('ends with a signature block ("-- ") that names the site and why this address gets the mail, as the HTML\'s footer does', () => {
    const { text, html } = compose([item(1)], "weekly:2026-W48");
    expect(text).toContain("\n-- \nSent to reader@example.com on ");
    expect(text).toContain(". You subscribed to weekly papers at digest.example.org.\nManage your digest: ");
    expect(html).toContain(". You subscribed to weekly papers at digest.example.org.<br>");
    expect(compose([item(1)]).text).toContain("You subscribed to daily papers at digest.example.org.");
  });
});

describe("helpers", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("builds paper paths from the arXiv id or the paper id", () => {
    expect(paperPath({ id: 7, arxivId: "2408.00714" })).toBe("/papers/2408.00714");
    expect(paperPath({ id: 7, arxivId: null })).toBe("/papers/p-7");
    expect(paperPath({ id: 7, arxivId: "hep-th/9901001" })).toBe("/papers/hep-th%2F9901001");
  });

  it("shortens author lists with et al.", () => {
    expect(shortAuthors(["A", "B", "C"])).toBe("A, B, C");
    expect(shortAuthors(["A", "B", "C", "D"])).toBe("A, B, C et al.");
    expect(shortAuthors(["A", "B"], 1)).toBe("A et al.");
    expect(shortAuthors([" A\n", ""])).toBe("A");
    expect(shortAuthors([])).toBe("");
  });
});

describe("composeDigest: one paper in many digests", () => {
  it("shows each subscriber's own reason and follows the app URL, though a paper's markup is reused", () => {
    const paper = makePaper(5, { title: "Shared <paper>" });
    const first = compose([{ paper, why: 'Matches "graph"', score: 1 }]);
    const second = compose([{ paper, why: "In cs.LG", score: 1 }]);
    expect(first.html).toContain("Matches &quot;graph&quot; &middot; &#9650; 10 upvotes");
    expect(second.html).toContain("In cs.LG &middot; &#9650; 10 upvotes");
    expect(second.html).not.toContain("graph");
    expect(second.text).toContain("1. Shared <paper>\n   Ada Lovelace\n   In cs.LG · 10 upvotes\n   We study things.");
    const elsewhere = composeDigest({
      appUrl: "https://other.example.net",
      subscriberEmail: "r@example.com",
      periodKey: "daily:2026-11-27",
      items: [{ paper, why: "Trending", score: 1 }],
      listed: listedOf([{ paper, why: "Trending", score: 1 }]),
      manageUrl: MANAGE,
      unsubscribeUrl: UNSUBSCRIBE,
      links: linksFor("https://other.example.net", "other.tok"),
      now: NOW,
    });
    expect(elsewhere.text).toContain("Read: https://other.example.net/papers/2611.10005?r=other.tok");
    expect(elsewhere.html).not.toContain("digest.example.org/papers");
  });

  it("hands out a paper's html and text as the same shared pieces in every digest, joining to the same mail", () => {
    const paper = makePaper(6);
    const bodies = (why: string, token: string) =>
      composeDigestBodies({
        appUrl: APP,
        subscriberEmail: "r@example.com",
        periodKey: "daily:2026-11-27",
        items: [{ paper, why, score: 1 }],
        listed: listedOf([{ paper, why, score: 1 }]),
        manageUrl: MANAGE,
        unsubscribeUrl: UNSUBSCRIBE,
        links: linksFor("https://digest.example.org", token),
        now: NOW,
      });
    const first = bodies("Trending", "reader.tok");
    const second = bodies("In cs.LG", "second.tok");
    const sharedPieces = (body: typeof first.bodies.html) => body.filter((piece) => typeof piece !== "string");
    for (const part of ["html", "text"] as const) {
      expect(joinBody(first.bodies[part])).toBe(first[part]);
      expect(sharedPieces(first.bodies[part])).toEqual(sharedPieces(second.bodies[part]));
      expect(sharedPieces(first.bodies[part]).every((piece, i) => piece === sharedPieces(second.bodies[part])[i])).toBe(true);
    }
    expect(sharedPieces(first.bodies.html).some((piece) => piece.text.includes(escapeHtml(paper.title)))).toBe(true);
    expect(sharedPieces(first.bodies.html).some((piece) => piece.text.includes("tok"))).toBe(false);
    expect(second.html).toContain(`${paperPath(paper)}?r=second.tok`);
    expect(first.html).toBe(compose([{ paper, why: "Trending", score: 1 }]).html.replace("reader@example.com", "r@example.com"));
  });
});
