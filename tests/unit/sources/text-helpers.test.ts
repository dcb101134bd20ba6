// Text helpers every parser relies on: whitespace, entities, markup, title keys, arXiv ids, GitHub links.
import { describe, expect, it } from "vitest";
import { findArxivIds, parseArxivId } from "@/core/text/arxiv-id";
import { findGithubUrl, normalizeGithubUrl } from "@/core/text/github-url";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { stripMarkup } from "@/core/text/strip-markup";
import { titleKey } from "@/core/text/title-key";
import { decodeTexAccents, decodeTexProse } from "@/core/text/tex-accents";

describe("text: normalizeWhitespace", () => {
  it("collapses line breaks, tabs and NBSP and trims", () => {
    expect(normalizeWhitespace("  MoMa: Efficient Early-Fusion\n  Experts\t\u00A0 ")).toBe("MoMa: Efficient Early-Fusion Experts");
  });
  it("drops control characters and zero-width spaces", () => {
    expect(normalizeWhitespace("a\u0000b\u200Bc\uFEFF")).toBe("abc");
  });
  it("reads a vertical tab and a form feed as the line breaks they are, not as nothing", () => {
    expect(normalizeWhitespace("Vertical\vtab and form\ffeed")).toBe("Vertical tab and form feed");
  });
  it("drops C1 controls and bidirectional overrides, embeddings and isolates, which would reverse the text after them", () => {
    expect(normalizeWhitespace("RTL \u202Ereversed\u202C and \u2067isolated\u2069 \u0085x\u009F")).toBe("RTL reversed and isolated x");
    // Right-to-left text itself, and its marks, are text.
    expect(normalizeWhitespace("\u05E9\u05DC\u05D5\u05DD \u200Fworld")).toBe("\u05E9\u05DC\u05D5\u05DD \u200Fworld");
  });
});

describe("text: stripMarkup", () => {
  it("removes HTML tags and decodes entities once", () => {
    expect(stripMarkup("<p>We study <i>grounded</i>\n dialogue &amp; retrieval.</p><p>Second.</p>")).toBe("We study grounded dialogue & retrieval. Second.");
  });
  it("decodes named, decimal and hex references", () => {
    expect(stripMarkup("A &amp; B &#34;q&#34; &#x2014; &eacute; &notin;")).toBe('A & B "q" — é ∉');
  });
  it("leaves unknown names, unterminated references and bare ampersands alone", () => {
    expect(stripMarkup("AT&T &notanentity; &copy2024 x && y")).toBe("AT&T &notanentity; &copy2024 x && y");
  });
  it("keeps an escaped tag as literal text instead of interpreting it", () => {
    expect(stripMarkup("Title &lt;script&gt;alert(1)&lt;/script&gt;")).toBe("Title <script>alert(1)</script>");
  });
  it("drops real script elements with their content", () => {
    expect(stripMarkup("safe<script>alert(1)</script> text")).toBe("safe text");
  });
  it("keeps model tokens and comparisons that only look like tags", () => {
    expect(stripMarkup("The model emits <swi> to enter and </swi> to exit; x<y and a < b.")).toBe(
      "The model emits <swi> to enter and </swi> to exit; x<y and a < b.",
    );
  });
});

describe("text: titleKey", () => {
  it("lowercases, strips diacritics and punctuation, collapses spaces", () => {
    expect(titleKey("Héllo,  Wörld! — A Study: Part II")).toBe("hello world a study part ii");
  });
  it("makes the same title from two sources match", () => {
    expect(titleKey("MoMa: Efficient Early-Fusion\n  Pre-training")).toBe(titleKey("MoMa: efficient early fusion pre training"));
  });
});

describe("text: parseArxivId", () => {
  it.each([
    ["2408.00714", { id: "2408.00714" }],
    ["2408.00714v2", { id: "2408.00714", version: 2 }],
    ["arXiv:2408.00714", { id: "2408.00714" }],
    ["https://arxiv.org/abs/2408.00714v3", { id: "2408.00714", version: 3 }],
    ["http://arxiv.org/pdf/2408.00714v1", { id: "2408.00714", version: 1 }],
    ["https://arxiv.org/pdf/2408.00714v1.pdf", { id: "2408.00714", version: 1 }],
    ["oai:arXiv.org:2408.00714", { id: "2408.00714" }],
    ["oai:arXiv.org:2403.15527v1", { id: "2403.15527", version: 1 }],
    ["0704.0001", { id: "0704.0001" }],
    ["hep-th/9901001", { id: "hep-th/9901001" }],
    ["http://arxiv.org/abs/cond-mat/0412498v1", { id: "cond-mat/0412498", version: 1 }],
    // arXiv's preferred external form drops the subject class (math.CA/0611800v2 → math/0611800v2).
    ["math.GT/0309136v1", { id: "math/0309136", version: 1 }],
  ])("%s", (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each(["", "hello", "2408.007", "2413.00714", "0000.0000", "https://example.org/abs/2408.00714x"])("rejects %j", (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it("finds explicitly marked ids in prose", () => {
    expect(findArxivIds("see arXiv:2403.12345 and https://arxiv.org/abs/2401.00001v2; not 2402.99999")).toEqual([
      { id: "2403.12345" },
      { id: "2401.00001", version: 2 },
    ]);
  });
});

describe("text: normalizeGithubUrl", () => {
  it.each([
    ["github.com/foo/bar", "https://github.com/foo/bar"],
    ["github.com/foo/bar.", "https://github.com/foo/bar"],
    ["https://github.com/foo/bar).", "https://github.com/foo/bar"],
    ["http://www.github.com/foo/bar/", "https://github.com/foo/bar"],
    ["https://github.com/foo/bar.git", "https://github.com/foo/bar"],
    ["git@github.com:foo/bar.git", "https://github.com/foo/bar"],
    ["https://github.com/foo/bar.js;", "https://github.com/foo/bar.js"],
    ["https://github.com/foo/bar#readme", "https://github.com/foo/bar"],
    ["https://github.com/foo/bar/issues/12", "https://github.com/foo/bar"],
    ["https://github.com/foo/mono/tree/main/packages/x.", "https://github.com/foo/mono/tree/main/packages/x"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeGithubUrl(input)).toBe(expected);
  });

  it.each(["https://github.com/foo", "https://github.com/orgs/foo/repositories", "https://gitlab.com/foo/bar", "foo.github.io/bar", ""])(
    "rejects %j",
    (input) => {
      expect(normalizeGithubUrl(input)).toBeNull();
    },
  );

  it("finds the first repository link in prose", () => {
    expect(findGithubUrl("Project page at foo.github.io. Code: github.com/foo/bar.")).toBe("https://github.com/foo/bar");
  });
});

describe("decodeTexAccents", () => {
  it.each([
    ["Jos\\'e M. F. Moura", "José M. F. Moura"],
    ["\\'Etienne Marcotte", "Étienne Marcotte"],
    ['Jakob Knollm\\"uller', "Jakob Knollmüller"],
    ["Borja Rodr\\'iguez-G\\'alvez", "Borja Rodríguez-Gálvez"],
    ["Rodr\\'{\\i}guez", "Rodríguez"],
    ["{\\'E}mile", "Émile"],
    ["\\c{C}etin Ko\\c{c}", "Çetin Koç"],
    ["Ha\\v{s}ek \\v Sime\\v{c}ek", "Hašek Šimeček"],
    ["Erd\\H{o}s", "Erdős"],
    ["Gr\\o nbech", "Grønbech"],
    ["Stra\\ss{}e", "Straße"],
    ["\\L{}ukasz Kaiser", "Łukasz Kaiser"],
    ['\\AA{}ngstr\\"om', "Ångström"],
    ["Ng\\~{u}y\\^en", "Ngũyên"],
    ["Plain Name", "Plain Name"],
    ["A \\emph{note}", "A \\emph{note}"],
  ])("%s → %s", (input, expected) => {
    expect(decodeTexAccents(input)).toBe(expected);
  });
});

describe("decodeTexProse", () => {
  it.each([
    ['the Landauer-B\\"uttiker probe', "the Landauer-Büttiker probe"],
    ["or a \\$15 run at \\$0.0007 and 92.1\\% accuracy", "or a $15 run at $0.0007 and 92.1% accuracy"],
    ["\\textbf{adaptability} and \\emph{robustness} of {\\'E}mile", "adaptability and robustness of Émile"],
    ["R\\&D, snake\\_case, \\#1", "R&D, snake_case, #1"],
    // Math and unknown commands stay as written, and so do braces that are no TeX grouping of an accent.
    ["with $\\alpha_{n} \\% 2$ and $$\\hat{x}$$ kept, R\\'enyi", "with $\\alpha_{n} \\% 2$ and $$\\hat{x}$$ kept, Rényi"],
    ["our \\method{x} on {0, 1} and {a}", "our \\method{x} on {0, 1} and {a}"],
    ["no backslash: {a} $x$", "no backslash: {a} $x$"],
    // Links as arXiv's feeds carry them (tests/fixtures/arxiv/rss-stat-2024-03-26.xml): the address, and a link's own words beside it.
    ["code: \\url{https://github.com/v18nguye/GLAD}.", "code: https://github.com/v18nguye/GLAD."],
    ["code: \\href{https://github.com/kaist-silab/bootgen}{https://github.com/kaist-silab/bootgen}", "code: https://github.com/kaist-silab/bootgen"],
    ["see \\href{https://x.org/p?a=1_2}{our page} and \\url{ https://y.org/a\\_b }", "see our page (https://x.org/p?a=1_2) and https://y.org/a_b"],
    ["our \\href{https://x.org}{\\textbf{repo}}", "our repo (https://x.org)"],
  ])("%s → %s", (input, expected) => {
    expect(decodeTexProse(input)).toBe(expected);
  });
});
