// The feed's pages rendered through react-dom's Node build come out as the edge build wrote them, with the stream Next's pages runtime reads.
import { createRequire } from "node:module";
import { createElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { SearchView } from "../../../src/components/search-view";
import { SiteShell } from "../../../src/components/site-shell";
import { renderPagesWithNodeBuild } from "../../../src/server/http/render-pages-with-node-build";
import { makePaper } from "../digest/fixtures";

const require = createRequire(import.meta.url);
type TRender = (element: ReactNode) => Promise<ReadableStream<Uint8Array> & { allReady?: Promise<void> }>;
const edgeRender = (): TRender => (require("react-dom/server.edge") as { renderToReadableStream: TRender }).renderToReadableStream;

const page = {
  papers: [
    {
      ...makePaper(1, { title: "Vision tokens & <pruning>" }),
      highlight: { title: "\u0002Vision\u0003 tokens & <pruning>", abstract: "… a \u0002token\u0003 budget …" },
    },
    makePaper(2, { abstract: 'Plain abstract with "quotes" and ünïcode.' }),
  ],
  nextCursor: "abc",
};
const filters = { q: "vision token", category: undefined, hasCode: false, minUpvotes: 0, sort: "trending" as const, cursor: undefined };
const document = () =>
  createElement("html", { lang: "en" }, createElement("body", null, createElement(SiteShell, null, createElement(SearchView, { filters, page }))));

function Broken(): ReactNode {
  throw new Error("render failed");
}

describe("renderPagesWithNodeBuild", () => {
  it("gives Next's pages runtime the edge build's HTML (Next adds the doctype), a stream whose allReady resolves, and a render error as a rejection", async () => {
    const before = edgeRender();
    const edgeHtml = await new Response(await before(document())).text();
    renderPagesWithNodeBuild();
    const after = edgeRender();
    expect(after).not.toBe(before);

    const stream = await after(document());
    await expect(stream.allReady).resolves.toBeUndefined();
    const html = await new Response(stream).text();
    expect(html).toContain("<mark");
    expect(`<!DOCTYPE html>${html}`).toBe(edgeHtml);

    await expect(after(createElement(Broken))).rejects.toThrow("render failed");
  });
});
