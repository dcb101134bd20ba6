// The proxy's check of server-action posts: cross-origin calls are 403, undeclared bodies 411, bodies over the cap 413, before Next reads them.
import { describe, expect, it } from "vitest";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "../../../src/server/http/body-limits";
import { refuseActionPost } from "../../../src/server/http/form-post-guard";

function actionPost(headers: Record<string, string>, pathname = "/subscribe"): Request {
  return new Request(`http://app.test${pathname}`, {
    method: "POST",
    headers: { host: "app.test", "next-action": "ab12", "content-length": "10", ...headers },
  });
}

const statusOf = (request: Request, adminArea = false) => refuseActionPost(request, { pathname: new URL(request.url).pathname, adminArea })?.status ?? null;

describe("refuseActionPost", () => {
  it("lets a same-origin action post of a small declared body through, with or without an Origin", () => {
    expect(statusOf(actionPost({ origin: "http://app.test" }))).toBeNull();
    expect(statusOf(actionPost({}))).toBeNull();
  });

  it("refuses another origin, a sandboxed frame's null origin and garbage with 403, as Next would have (with a 500)", () => {
    expect(statusOf(actionPost({ origin: "https://evil.example" }))).toBe(403);
    expect(statusOf(actionPost({ origin: "null" }))).toBe(403);
    expect(statusOf(actionPost({ origin: "::" }))).toBe(403);
  });

  it("accepts the origin a reverse proxy forwarded the request for", () => {
    expect(statusOf(actionPost({ origin: "https://papers.example.org", "x-forwarded-host": "papers.example.org, internal" }))).toBeNull();
  });

  it("refuses an action post that does not declare its length with 411", () => {
    const request = new Request("http://app.test/subscribe", { method: "POST", headers: { host: "app.test", "next-action": "ab12" } });
    expect(statusOf(request)).toBe(411);
  });

  it("holds public forms, the sign-in page's included, to the public cap, and the admin console to the paste size", () => {
    const over = String(MAX_PUBLIC_BODY_BYTES + 1);
    expect(statusOf(actionPost({ "content-length": over }))).toBe(413);
    expect(statusOf(actionPost({ "content-length": over }, "/admin/login"))).toBe(413);
    expect(statusOf(actionPost({ "content-length": String(MAX_PASTE_BYTES) }, "/admin/ingestion"), true)).toBeNull();
    expect(statusOf(actionPost({ "content-length": String(MAX_PASTE_BYTES + 1) }, "/admin/ingestion"), true)).toBe(413);
  });

  it("checks forms posted without JavaScript too, and leaves API routes and other requests to their handlers", () => {
    const form = (pathname: string) =>
      new Request(`http://app.test${pathname}`, {
        method: "POST",
        headers: { host: "app.test", "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_PUBLIC_BODY_BYTES * 2) },
      });
    expect(statusOf(form("/subscribe"))).toBe(413);
    expect(statusOf(form("/api/unsubscribe"))).toBeNull();
    expect(statusOf(new Request("http://app.test/subscribe", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });
});
