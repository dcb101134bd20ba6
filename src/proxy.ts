// Keeps "/" a static, cached page: only a front-page request that carries list parameters is rewritten to the dynamic /trending view.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = "/trending";
  return NextResponse.rewrite(url);
}

// Next reads the matcher statically, so the list parameters (q, cat, code, min, sort, cursor) are spelled out.
export const config = {
  matcher: [
    { source: "/", has: [{ type: "query", key: "q" }] },
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
  ],
};
