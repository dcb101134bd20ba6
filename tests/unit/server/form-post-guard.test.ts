// The proxy's check of server-action posts: cross-origin calls are 403, undeclared bodies 411, bodies over the cap 413, before Next reads them.
import { describe, expect, it } from "vitest";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "../../../src/server/http/body-limits";
import { refuseActionPost } from "../../../src/server/http/form-post-guard";

/** A call from a page's JavaScript: its arguments as JSON text, its length as declared (the guard goes by the declaration). */
function actionPost(headers: Record<string, string>, pathname = "/subscribe"): Request {
  return new Request(`http://app.test${pathname}`, {
    method: "POST",
    headers: { host: "app.test", "next-action": "ab12", "content-type": "text/plain;charset=UTF-8", "content-length": "10", ...headers },
    body: '["$K1"]',
  });
}

/** The site as APP_URL=https://papers.example.org, behind no trusted proxy unless said. */
const SITE = { appHost: "papers.example.org", trustForwardedHost: false };

const statusOf = async (request: Request, adminArea = false, site = SITE) =>
  (await refuseActionPost(request, { pathname: new URL(request.url).pathname, adminArea, site }))?.status ?? null;

describe("refuseActionPost", async () => {
  it("lets a same-origin action post of a small declared body through, with or without an Origin", async () => {
    expect(await statusOf(actionPost({ origin: "http://app.test" }))).toBeNull();
    expect(await statusOf(actionPost({}))).toBeNull();
  });

  it("refuses another origin, a sandboxed frame's null origin and garbage with 403, as Next would have (with a 500)", async () => {
    expect(await statusOf(actionPost({ origin: "https://evil.example" }))).toBe(403);
    expect(await statusOf(actionPost({ origin: "null" }))).toBe(403);
    expect(await statusOf(actionPost({ origin: "::" }))).toBe(403);
  });

  it("accepts APP_URL's origin, and the one a trusted reverse proxy (TRUST_PROXY) forwarded the request for", async () => {
    expect(await statusOf(actionPost({ origin: "https://papers.example.org" }))).toBeNull();
    const forwarded = actionPost({ origin: "https://mirror.example.org", "x-forwarded-host": "mirror.example.org, internal" });
    expect(await statusOf(forwarded, false, { ...SITE, trustForwardedHost: true })).toBeNull();
  });

  it("does not take X-Forwarded-Host from a client when no proxy is trusted: any client can write it", async () => {
    expect(await statusOf(actionPost({ origin: "http://evil.example", "x-forwarded-host": "evil.example" }))).toBe(403);
  });

  it("refuses an action post that does not declare its length with 411", async () => {
    const request = new Request("http://app.test/subscribe", { method: "POST", headers: { host: "app.test", "next-action": "ab12" } });
    expect(await statusOf(request)).toBe(411);
  });

  it("holds public forms, the sign-in page's included, to the public cap, and the admin console to the paste size", async () => {
    const over = String(MAX_PUBLIC_BODY_BYTES + 1);
    expect(await statusOf(actionPost({ "content-length": over }))).toBe(413);
    expect(await statusOf(actionPost({ "content-length": over }, "/admin/login"))).toBe(413);
    expect(await statusOf(actionPost({ "content-length": String(MAX_PASTE_BYTES) }, "/admin/ingestion"), true)).toBeNull();
    expect(await statusOf(actionPost({ "content-length": String(MAX_PASTE_BYTES + 1) }, "/admin/ingestion"), true)).toBe(413);
  });

  it("checks forms posted without JavaScript too, and leaves API routes and other requests to their handlers", async () => {
    const form = (pathname: string) =>
      new Request(`http://app.test${pathname}`, {
        method: "POST",
        headers: { host: "app.test", "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_PUBLIC_BODY_BYTES * 2) },
      });
    expect(await statusOf(form("/subscribe"))).toBe(413);
    expect(await statusOf(form("/api/unsubscribe"))).toBeNull();
    expect(await statusOf(new Request("http://app.test/subscribe", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });

  it("refuses a multipart form whose body does not parse with 400 (Next answers it with a 500), and lets a well-formed one through", async () => {
    const multipart = (type: string, body: string) =>
      new Request("http://app.test/admin/login", {
        method: "POST",
        headers: { host: "app.test", "content-type": type, "content-length": String(body.length) },
        body,
      });
    const good = '--x\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc\r\n--x--\r\n';
    expect(await statusOf(multipart("multipart/form-data; boundary=x", good))).toBeNull();
    expect(await statusOf(multipart("multipart/form-data; boundary=x", "garbage%%%=&&"))).toBe(400);
    expect(await statusOf(multipart("multipart/form-data", "token=abc"))).toBe(400);
  });

  it("refuses a page's JavaScript call whose arguments are not JSON with 400 (Next answers it with a 500), and lets JSON through", async () => {
    const call = (body: string) =>
      new Request("http://app.test/subscription/token", {
        method: "POST",
        headers: { host: "app.test", "next-action": "ab12", "content-type": "text/plain;charset=UTF-8", "content-length": String(body.length) },
        body,
      });
    expect(await statusOf(call('["$K1"]'))).toBeNull();
    expect(await statusOf(call("{bad json"))).toBe(400);
    expect(await statusOf(call(""))).toBe(400);
  });
});
