// An abstract's addresses become links, and nothing else in it becomes markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinkedText } from "../../../src/components/linked-text";

const render = (text: string) => renderToStaticMarkup(createElement(LinkedText, { text }));

describe("LinkedText", () => {
  it("links an address, as an author's link, and keeps the rest as text", () => {
    expect(render("Code: https://github.com/a/b.")).toBe(
      'Code: <a href="https://github.com/a/b" rel="nofollow ugc noopener noreferrer" class="link break-all underline">https://github.com/a/b</a>.',
    );
  });

  it("escapes markup around and inside addresses, and links no other scheme", () => {
    const html = render(`<img src=x onerror=alert(1)> javascript:alert(1) https://x.org/?q="><script>`);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; javascript:alert(1) ");
    expect(html).toContain('<a href="https://x.org/?q=" rel="nofollow ugc noopener noreferrer" class="link break-all underline">https://x.org/?q=</a>');
  });
});
