// Every card gets a thumbnail box: the stored image from our origin over a placeholder, or the placeholder alone; never a foreign URL.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PaperThumbnail } from "../../../src/components/paper-thumbnail";
import { placeholderLabel } from "../../../src/core/thumbnails/placeholder-label";

const paper = { title: "Attention Is All You Need", primaryCategory: "cs.CL", categories: ["cs.CL", "cs.LG"], thumbnail: null };

describe("placeholderLabel", () => {
  it("shows the primary category, else the first category, else the title's initials", () => {
    expect(placeholderLabel(paper)).toBe("cs.CL");
    expect(placeholderLabel({ title: "x", primaryCategory: null, categories: ["stat.ML"] })).toBe("stat.ML");
    expect(placeholderLabel({ title: "The Art of Scaling Language Models", categories: [] })).toBe("AS");
    expect(placeholderLabel({ title: "ünïcode étude", categories: [] })).toBe("ÜÉ");
    expect(placeholderLabel({ title: "On the", categories: [] })).toBe("OT");
    expect(placeholderLabel({ title: "…", categories: [] })).toBe("?");
  });
});

describe("PaperThumbnail", () => {
  const render = (props: Parameters<typeof PaperThumbnail>[0]) => renderToStaticMarkup(createElement(PaperThumbnail, props));

  it("draws the placeholder alone when no thumbnail is stored", () => {
    const html = render({ paper });
    expect(html).not.toContain("<img");
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain(">cs.CL</span>");
  });

  it("puts the stored image over the placeholder, with its size, lazily, and an empty alt so a failed load draws nothing", () => {
    const html = render({ paper: { ...paper, thumbnail: { src: "/thumbnails/3-0123456789abcdef.png", width: 1200, height: 648 } } });
    expect(html).toMatch(/<span class="thumb-label" aria-hidden="true">cs.CL<\/span><img /);
    for (const attr of ['src="/thumbnails/3-0123456789abcdef.png"', 'alt=""', 'width="1200"', 'height="648"', 'loading="lazy"', 'decoding="async"']) {
      expect(html).toContain(attr);
    }
  });

  it("gives the large variant the image's proportions", () => {
    const html = render({ paper: { ...paper, thumbnail: { src: "/thumbnails/3-0123456789abcdef.png", width: 1200, height: 648 } }, size: "large" });
    expect(html).toContain("aspect-ratio:1200 / 648");
  });

  it("escapes a hostile title in the placeholder", () => {
    const html = render({ paper: { title: "<script>x</script> Zebra", categories: [], thumbnail: null } });
    expect(html).not.toContain("<script>");
    expect(html).toContain(">SX</span>");
  });
});
