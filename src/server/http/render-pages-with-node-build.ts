// Next renders Pages Router pages (the feed's zero-JS pages) through react-dom's edge build; this makes that render react-dom's Node build.
import { createRequire } from "node:module";
import type { ReactNode } from "react";

const require = createRequire(import.meta.url);

type TEdgeServer = { renderToReadableStream: (element: ReactNode, options?: unknown) => Promise<ReadableStream<Uint8Array>> };
type TAllReadyStream = ReadableStream<Uint8Array> & { allReady: Promise<void> };

/**
 * Next's pages runtime requires `react-dom/server.edge` and calls its `renderToReadableStream`, waits for `allReady` and reads the
 * stream back into a string. The edge build encodes each of a page's thousands of small chunks on its own (TextEncoder per chunk):
 * a search page of 20 results took 3.3 ms of CPU that way against 0.6 ms through the Node build's `renderToString`, the same HTML
 * but for the doctype, which Next adds itself when the document lacks it. Nothing on these pages suspends (their data comes from
 * getStaticProps), so rendering the whole page at once loses nothing. Replacing the module's cached exports is Node's documented
 * way (`require.cache` entries may be added or replaced); App Router pages use Next's own copy of React and are not touched.
 */
export function renderPagesWithNodeBuild(): void {
  const edgePath = require.resolve("react-dom/server.edge");
  const edge = require(edgePath) as TEdgeServer;
  const { renderToString } = require("react-dom/server.node") as { renderToString: (element: ReactNode) => string };
  const encoder = new TextEncoder();
  const renderToReadableStream: TEdgeServer["renderToReadableStream"] = async (element) => {
    const html = encoder.encode(renderToString(element));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(html);
        controller.close();
      },
    }) as TAllReadyStream;
    stream.allReady = Promise.resolve();
    return stream;
  };
  require.cache[edgePath]!.exports = { ...edge, renderToReadableStream };
}
