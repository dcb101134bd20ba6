// HTTP at its edges, as a hostile or unusual client sends it: methods no route takes, addresses under /api/ that are not routes or do
// not decode, repeated query keys, Upgrade headers, other spellings of a paper's id. Each gets a clear answer (JSON where the caller
// reads JSON), never a 5xx, a dropped connection or an internal header. Raw node:http, since fetch refuses to send TRACE.
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appEntries, fillSegments, ROOT } from "./support/app-routes";
import { E2E_ADMIN_TOKEN } from "./support/constants";
import { seedPapers } from "./support/feed-seed";

type TRaw = { status: number; headers: http.IncomingHttpHeaders; body: string };

function raw(baseURL: string, method: string, path: string, headers: Record<string, string> = {}): Promise<TRaw> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("upgrade", () => reject(new Error(`${method} ${path}: the server switched protocols`)));
    req.on("error", (err) => reject(new Error(`${method} ${path}: ${err.message}`)));
    req.end();
  });
}

function expectJsonError(answer: TRaw, status: number, code: string, label: string): void {
  expect(answer.status, label).toBe(status);
  expect(answer.headers["content-type"], label).toMatch(/^application\/json/);
  expect((JSON.parse(answer.body) as { error: { code: string } }).error.code, label).toBe(code);
  expect(answer.headers["content-security-policy"], label).toBeTruthy();
}

test("http edges: a method no route takes (TRACE, PROPFIND) is a JSON 501 on every route handler and unknown API address", async ({ baseURL }) => {
  const paths = [
    ...appEntries()
      .filter((entry) => entry.kind === "route")
      .map((entry) => fillSegments(entry.path, "1")),
    "/api/nonexistent",
  ];
  expect(paths).toContain("/api/health");
  for (const path of paths) {
    for (const method of ["TRACE", "PROPFIND"]) expectJsonError(await raw(baseURL!, method, path), 501, "NOT_IMPLEMENTED", `${method} ${path}`);
  }
  // Pages keep their 405 with the methods they take: a static page reads only, an App Router page takes its forms too.
  const page = await raw(baseURL!, "TRACE", "/");
  expect([page.status, page.headers.allow]).toEqual([405, "GET, HEAD"]);
  const console = await raw(baseURL!, "TRACE", "/admin/login");
  expect([console.status, console.headers.allow]).toEqual([405, "GET, HEAD, POST"]);
});

test("http edges: a POST to a cached page, whatever its body, is one JSON 405 naming GET and HEAD, never a page rendered afresh", async ({
  request,
  baseURL,
}) => {
  // Next answered a urlencoded form with the page rendered past the cache (a render per request), anything else with a text 405
  // naming Allow twice.
  const bodies = [{ form: { a: "1" } }, { data: "x", headers: { "content-type": "text/plain" } }, { data: { a: 1 } }];
  for (const path of ["/", "/?sort=new", "/papers/date/2026-06-12", "/search?q=agents", "/subscribe", "/trending/abc"]) {
    for (const body of bodies) {
      const res = await request.post(path, { ...body, headers: { origin: baseURL!, ...body.headers }, maxRedirects: 0 });
      const label = `POST ${path} ${JSON.stringify(body)}`;
      expect(res.status(), label).toBe(405);
      expect(
        res.headersArray().filter((h) => h.name.toLowerCase() === "allow"),
        label,
      ).toEqual([{ name: expect.any(String), value: "GET, HEAD" }]);
      expect(((await res.json()) as { error: { code: string } }).error.code, label).toBe("METHOD_NOT_ALLOWED");
    }
  }
  // The path as Next routes it, not as written (dot segments, escapes), and a page's data route: each was rendered afresh too.
  const buildId = readFileSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
  for (const target of ["/x/../subscribe", "/%73ubscribe", "/papers/x/../2401.00001", `/_next/data/${buildId}/index.json`]) {
    const answer = await raw(baseURL!, "POST", target, { "content-type": "application/x-www-form-urlencoded", "content-length": "0" });
    expect([answer.status, answer.headers.allow], target).toEqual([405, "GET, HEAD"]);
  }
  // The subscribe form's own target still takes its post.
  expect((await request.post("/subscribe/submit", { form: { email: "not-an-address" }, headers: { origin: baseURL! } })).status()).toBe(400);
});

test("http edges: an address under /api/ that is no route, or does not decode, is answered as JSON, for any method", async ({ baseURL }) => {
  for (const path of ["/api/nonexistent", "/api/papers/x/y"]) {
    for (const method of ["GET", "POST", "DELETE"]) expectJsonError(await raw(baseURL!, method, path), 404, "NOT_FOUND", `${method} ${path}`);
  }
  for (const path of ["/api/papers/%ff", "/api/papers/%", "/thumbnails/%ff"]) expectJsonError(await raw(baseURL!, "GET", path), 400, "INVALID_INPUT", path);
});

test("http edges: a repeated query key is read by its first value on the API and feeds, as on the pages", async ({ request }) => {
  expect((await request.get("/api/papers?sort=top&sort=bogus")).status()).toBe(200);
  expect((await request.get("/api/papers?sort=bogus&sort=top")).status()).toBe(400);
  expect((await request.get("/api/papers?limit=2&limit=500")).status()).toBe(200);
  expect((await request.get("/search/feed.json?q=diffusion&q=%00")).status()).toBe(200);
  expect((await request.get("/search/feed.json?q=%00&q=diffusion")).status()).toBe(400);
  expect((await request.get("/?sort=top&sort=bogus")).status()).toBe(200);
});

test("http edges: CONNECT, which Node answered by dropping the connection, is a JSON 501 saying this is no proxy", async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 501 /);
  expect(answer).toMatch(/\r\ncontent-type: application\/json/i);
  expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({
    error: { code: "NOT_IMPLEMENTED", message: expect.stringMatching(/not a proxy/) },
  });
});

test("http edges: a request carrying Upgrade (h2c, a WebSocket handshake) gets a plain answer, not a dropped connection", async ({ baseURL }) => {
  const h2c = await raw(baseURL!, "GET", "/api/health", {
    connection: "Upgrade, HTTP2-Settings",
    upgrade: "h2c",
    "http2-settings": "AAMAAABkAAQCAAAAAAIAAAAA",
  });
  expect(h2c.status).toBe(200);
  expect(JSON.parse(h2c.body)).toMatchObject({ status: "ok" });
  const ws = await raw(baseURL!, "GET", "/", {
    connection: "Upgrade",
    upgrade: "websocket",
    "sec-websocket-version": "13",
    "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
  });
  expect(ws.status).toBe(200);
  expect(ws.body).toContain("</html>");
});

test("http edges: another spelling of a paper's id is a permanent redirect to its one address, so it is not cached as a page of its own", async ({
  request,
  baseURL,
}) => {
  const listed = ((await (await request.get("/api/papers?limit=20")).json()) as { papers: { arxivId: string | null }[] }).papers;
  const arxivId = listed.find((p) => p.arxivId !== null)!.arxivId!;
  for (const spelling of [`${arxivId}v77`, `arXiv:${arxivId}`, `${arxivId}v3.pdf`]) {
    const answer = await raw(baseURL!, "GET", `/papers/${encodeURIComponent(spelling)}`);
    expect([answer.status, answer.headers.location], spelling).toEqual([308, `/papers/${encodeURIComponent(arxivId)}`]);
  }
  expect((await raw(baseURL!, "GET", `/papers/${encodeURIComponent(arxivId)}`)).status).toBe(200);
});

test("http edges: an old-style arXiv id written with its slash is a permanent redirect to the paper's address, and an unknown one a 404", async ({
  baseURL,
}) => {
  const arxivId = "hep-th/9901001";
  await seedPapers([{ arxivId, title: "Old Style Slashed Strings", abstract: "A paper from before 2007.", authors: ["A. Author"], listedOn: "1999-01-04" }]);
  const answer = await raw(baseURL!, "GET", `/papers/${arxivId}`);
  expect([answer.status, answer.headers.location]).toEqual([308, `/papers/${encodeURIComponent(arxivId)}`]);
  const page = await raw(baseURL!, "GET", answer.headers.location as string);
  expect([page.status, page.body.includes("Old Style Slashed Strings")]).toEqual([200, true]);
  expect((await raw(baseURL!, "GET", "/papers/hep-th/9901002")).status).toBe(404);
});

test("http edges: no answer carries Next's internal rewrite header, a post to a cached page's variant included", async ({ baseURL }) => {
  for (const [method, path, headers] of [
    ["POST", "/search?q=x", { "content-type": "application/json" }],
    ["GET", "/search?q=diffusion", {}],
    ["GET", "/?sort=new", {}],
  ] as const) {
    const answer = await raw(baseURL!, method, path, headers);
    expect(answer.status, `${method} ${path}`).toBeLessThan(500);
    expect(
      Object.keys(answer.headers).filter((name) => name.startsWith("x-middleware")),
      `${method} ${path}`,
    ).toEqual([]);
  }
});

test("http edges: an App Router client's headers (a forged RSC: 1) on a cached variant get its page, never a redirect naming the internal path", async ({
  baseURL,
}) => {
  for (const path of ["/?sort=new", "/search?q=diffusion", "/papers/date/2026-06-12?code=1"]) {
    const answer = await raw(baseURL!, "GET", path, { rsc: "1", "next-router-prefetch": "1" });
    expect(answer.status, path).toBe(200);
    expect(answer.headers.location, path).toBeUndefined();
    expect(String(answer.headers["content-type"]), path).toContain("text/html");
  }
});

test("http edges: an admin search holding a control character shows why, answered with 400", async ({ request }) => {
  for (const path of ["/admin/papers?q=%00", "/admin/subscribers?q=a%00b"]) {
    const res = await request.get(path, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toMatch(/Search/);
  }
  expect((await request.get("/admin/papers?q=diffusion", { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })).status()).toBe(200);
});

test("http edges: a cached page tells every cache to ask again each time (a hide must not outlive a CDN's copy), and a repeat is a 304", async ({
  baseURL,
}) => {
  for (const path of ["/", "/?sort=new", "/search?q=diffusion"]) {
    const first = await raw(baseURL!, "GET", path);
    expect([first.status, first.headers["cache-control"]], path).toEqual([200, "public, no-cache"]);
    const again = await raw(baseURL!, "GET", path, { "if-none-match": String(first.headers.etag) });
    expect(again.status, path).toBe(304);
  }
});

test("http edges: a feed reader or API client polling with If-None-Match gets a 304 while nothing changed, per encoding, and HEAD names the same tag", async ({
  baseURL,
}) => {
  // The papers API too: a reader may keep it, but asks again each time (a hidden paper must not outlive a copy by a minute).
  // A paper known by its arXiv id (a pasted one, known by title alone, may lead the list after another spec's ingestion).
  const listed = ((await (await fetch(`${baseURL}/api/papers?limit=20`)).json()) as { papers: { arxivId: string | null }[] }).papers;
  const paperId = listed.find((paper) => paper.arxivId !== null)!.arxivId!;
  const paths = ["/feed.xml", "/atom.xml", "/feed.json", "/search/feed.xml?q=diffusion", "/search/feed.json?sort=new&code=1"];
  for (const path of [...paths, "/api/papers?limit=5", `/api/papers/${paperId}`]) {
    for (const encoding of ["identity", "gzip", "br"]) {
      const asked = { "accept-encoding": encoding };
      const first = await raw(baseURL!, "GET", path, asked);
      const label = `${path} (${encoding})`;
      expect(first.status, label).toBe(200);
      expect(first.headers["cache-control"], label).toBe("public, no-cache");
      const etag = String(first.headers.etag);
      // Each encoding's bytes are their own representation, with their own validator (RFC 9110 8.8.3).
      expect(etag, label).toMatch(encoding === "identity" ? /^"[\w-]{27}"$/ : new RegExp(`^"[\\w-]{27}-${encoding}"$`));
      const again = await raw(baseURL!, "GET", path, { ...asked, "if-none-match": etag });
      expect([again.status, again.body, again.headers.etag], label).toEqual([304, "", etag]);
      expect(again.headers.vary ?? "", label).toMatch(/accept-encoding/i);
      const head = await raw(baseURL!, "HEAD", path, asked);
      expect([head.status, head.headers.etag], `HEAD ${label}`).toEqual([200, etag]);
      // Another encoding's tag does not validate these bytes.
      const other = await raw(baseURL!, "GET", path, { ...asked, "if-none-match": `"${etag.slice(1, 28)}-zz"` });
      expect(other.status, label).toBe(200);
    }
  }
});

test("http edges: HEAD of a cached page names the ETag its GET sends, and answers 304 to a client holding it", async ({ baseURL }) => {
  for (const path of ["/", "/search?q=diffusion"]) {
    const get = await raw(baseURL!, "GET", path, { "accept-encoding": "gzip" });
    const head = await raw(baseURL!, "HEAD", path, { "accept-encoding": "gzip" });
    expect([head.status, head.headers.etag, head.body], path).toEqual([200, get.headers.etag, ""]);
    expect((await raw(baseURL!, "HEAD", path, { "accept-encoding": "gzip", "if-none-match": String(get.headers.etag) })).status, path).toBe(304);
  }
});

test("http edges: every 404, an unknown address or an unknown paper, is titled Not found and kept out of search engines", async ({ page }) => {
  for (const path of ["/no-such-page", "/subscribe/no/such/page", "/papers/9999.99999"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page, path).toHaveTitle("Not found · paper-digest");
    await expect(page.locator('meta[name="robots"]'), path).toHaveCount(1);
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute("content", /noindex/);
  }
});

test("http edges: the date picker's target explains a date it cannot read in a page to a browser, and in JSON to any other client", async ({
  page,
  request,
}) => {
  const response = await page.goto("/papers/go?view=week&date=2026-02-30");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "That address did not work" })).toBeVisible();
  await expect(page.getByText("must be a date as YYYY-MM-DD")).toBeVisible();
  await page.getByRole("link", { name: "The latest day" }).click();
  await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}$/);
  const api = await request.get("/papers/go?view=week&date=2026-02-30", { headers: { accept: "application/json" } });
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("INVALID_INPUT");
});

test("http edges: a router state header Next cannot read is a JSON 400 on every kind of page, never a 500 with a stack trace", async ({ baseURL }) => {
  // Next parses the header for an App Router render (a page, the not-found page) and threw on one it could not read: 500, two traces logged.
  const states = ["x", "%7B", encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]))];
  for (const path of ["/nope", "/api", "/admin/login", "/subscription/abc", "/", "/search?q=x"]) {
    for (const state of states) {
      const label = `${path} with ${state.slice(0, 40)}`;
      const answer = await raw(baseURL!, "GET", path, { RSC: "1", "Next-Router-State-Tree": state });
      expectJsonError(answer, 400, "INVALID_INPUT", label);
      expect(JSON.parse(answer.body).error.message, label).toMatch(/Next-Router-State-Tree/);
    }
  }
  // A state of the shape Next's own client sends is Next's to read, as before.
  const valid = encodeURIComponent(JSON.stringify(["", { children: ["api", { children: ["__PAGE__", {}] }] }]));
  for (const path of ["/api", "/nope"]) {
    expect((await raw(baseURL!, "GET", path, { RSC: "1", "Next-Router-State-Tree": valid })).status, path).toBeLessThan(500);
  }
});

test("http edges: Next's image optimizer, which no page uses, is not served: a plain 404, with nothing fetched or logged", async ({ baseURL }) => {
  for (const url of ["/x", "/", "/api/papers", "/favicon.svg", "https://huggingface.co/x.png"]) {
    const path = `/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`;
    expectJsonError(await raw(baseURL!, "GET", path), 404, "NOT_FOUND", path);
  }
});

test("http edges: a page address holding a %-escape that does not decode says so, as a page to a browser and as JSON to other clients", async ({ baseURL }) => {
  for (const path of ["/papers/%zz", "/papers/date/%zz", "/papers/%E0%A4%A", "/subscription/%zz"]) {
    const page = await raw(baseURL!, "GET", path, { accept: "text/html,application/xhtml+xml" });
    expect(page.status, path).toBe(400);
    expect(page.headers["content-type"], path).toMatch(/^text\/html/);
    expect(page.body, path).toContain("The address holds a %-escape that does not decode.");
    expect(page.headers["content-security-policy"], path).toBeTruthy();
    expectJsonError(await raw(baseURL!, "GET", path), 400, "INVALID_INPUT", path);
  }
});

test("http edges: an address with more query parameters than anything reads is a 400 at once, however its keys repeat", async ({ baseURL }) => {
  // 7,900 of one key held the server's thread for a second in Next's parse of the query, on every route.
  const repeated = Array.from({ length: 7_900 }, () => "q").join("&");
  for (const path of [`/search?${repeated}`, `/api/papers?${repeated}`, `/api/health?${repeated}`, `/?${"a=1&".repeat(101)}`]) {
    expectJsonError(await raw(baseURL!, "GET", path), 400, "INVALID_INPUT", path.slice(0, 20));
    const page = await raw(baseURL!, "GET", path, { accept: "text/html" });
    expect([page.status, page.body.includes("more than 100 query parameters")], path.slice(0, 20)).toEqual([400, true]);
  }
  // A hundred still reach the page, which reads the ones it knows.
  expect((await raw(baseURL!, "GET", `/api/papers?limit=2&${"utm=x&".repeat(98)}sort=new`)).status).toBe(200);
});

test("http edges: /favicon.ico, which browsers and feed readers ask for without reading a page, is the site's icon at 16, 32 and 48 px", async ({
  request,
}) => {
  const res = await request.get("/favicon.ico", { headers: { accept: "*/*" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const icon = await res.body();
  expect(icon.equals(readFileSync(path.join(ROOT, "public", "favicon.ico")))).toBe(true);
  // An ICO directory (reserved 0, type 1) whose entries are the sizes a tab, a bookmark and a desktop shortcut draw.
  expect([icon.readUInt16LE(0), icon.readUInt16LE(2)]).toEqual([0, 1]);
  const sizes = Array.from({ length: icon.readUInt16LE(4) }, (_, n) => icon[6 + 16 * n]);
  expect(sizes).toEqual([16, 32, 48]);
  expect((await request.head("/favicon.ico")).status()).toBe(200);
});
