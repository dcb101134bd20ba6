// Search headlines become <mark> elements around matches while every scraped character stays escaped text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "../../../src/components/highlighted-text";

const render = (text: string) => renderToStaticMarkup(createElement(HighlightedText, { text }));

describe("HighlightedText", () => {
  it("marks the delimited matches", () => {
    expect(render("Video \u0002diffusion\u0003 at \u0002scale\u0003")).toMatch(/^Video <mark[^>]*>diffusion<\/mark> at <mark[^>]*>scale<\/mark>$/);
  });

  it("escapes markup inside and outside matches", () => {
    const html = render(`<img src=x onerror=alert(1)> \u0002<script>\u0003`);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toMatch(/<mark[^>]*>&lt;script&gt;<\/mark>/);
  });

  it("drops stray delimiters but keeps the text", () => {
    expect(render("a\u0002b")).toBe("ab");
    expect(render("plain \u0003text")).toBe("plain text");
  });
});
