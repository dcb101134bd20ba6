// The proxy's check of server-action posts: cross-origin calls are 403, undeclared bodies 411, bodies over the cap 413, before Next reads them.
import { describe, expect, it } from "vitest";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "../../../src/server/http/body-limits";
import { buildRoutesFrom, type TBuildRoutes } from "../../../src/server/http/build-routes";
import { checkActionPost, refuseUnknownAction } from "../../../src/server/http/form-post-guard";

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

/** The proxy's checks in its order (the admin gate, between them, is not part of this test). */
async function refuseActionPost(request: Request, opts: { adminArea: boolean; site: typeof SITE; routes: TBuildRoutes | null }) {
  const pathname = new URL(request.url).pathname;
  const post = await checkActionPost(request, { pathname, adminArea: opts.adminArea, site: opts.site });
  return post?.refused ?? (post && refuseUnknownAction(request, post.form, pathname, opts.routes));
}

const statusOf = async (request: Request, adminArea = false, site = SITE) =>
  (await refuseActionPost(request, { adminArea, site, routes: null }))?.status ?? null;

describe("the proxy's checks of action posts", async () => {
  it("lets a same-origin action post of a small declared body through, with or without an Origin", async () => {
    expect(await statusOf(actionPost({ origin: "http://app.test" }))).toBeNull();
    expect(await statusOf(actionPost({}))).toBeNull();
  });

  it("refuses another origin, a sandboxed frame's null origin and garbage with 403, as Next would have (with a 500)", async () => {
    expect(await statusOf(actionPost({ origin: "https://evil.example" }))).toBe(403);
    // A browser that names the request cross-site is believed, with or without an Origin.
    expect(await statusOf(actionPost({ "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(await statusOf(actionPost({ "sec-fetch-site": "cross-site", origin: "http://app.test" }))).toBe(403);
    expect(await statusOf(actionPost({ "sec-fetch-site": "same-origin", origin: "http://app.test" }))).toBeNull();
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

  describe("a post naming an action this build does not have, on an App Router page", () => {
    const OURS = "40" + "a".repeat(40);
    const STALE = "40" + "b".repeat(40);
    // As Next writes them: pages (with a dynamic one) and route handlers, and the actions by id.
    const actions = buildRoutesFrom(
      {
        "/admin/login/page": "/admin/login",
        "/admin/papers/page": "/admin/papers",
        "/subscription/[token]/page": "/subscription/[token]",
        "/feed.xml/route": "/feed.xml",
      },
      { node: { [OURS]: { workers: { "app/admin/login/page": {}, "app/subscription/[token]/page": {} } } }, edge: {}, encryptionKey: "k" },
      { routes: { "/": {} }, dynamicRoutes: {} },
    )!;
    const call = (pathname: string, id: string) =>
      new Request(`http://app.test${pathname}`, {
        method: "POST",
        headers: { host: "app.test", "next-action": id, "content-type": "text/plain;charset=UTF-8", "content-length": "7" },
        body: '["$K1"]',
      });
    const form = (pathname: string, fields: Record<string, string>) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      const sized = new Request(`http://app.test${pathname}`, { method: "POST", body });
      return new Request(sized, { headers: { ...Object.fromEntries(sized.headers), host: "app.test", "content-length": "300" } });
    };
    const answer = async (request: Request) => {
      const response = await refuseActionPost(request, { adminArea: false, site: SITE, routes: actions });
      return response && { status: response.status, notFound: response.headers.get("x-nextjs-action-not-found"), body: await response.json() };
    };

    it("lets the build's own actions through, called by a page's JavaScript or posted as a form, bound or not", async () => {
      expect(await answer(call("/admin/login", OURS))).toBeNull();
      expect(await answer(call("/subscription/some-token", OURS))).toBeNull();
      expect(await answer(form("/admin/login", { [`$ACTION_ID_${OURS}`]: "", token: "t" }))).toBeNull();
      expect(await answer(form("/admin/login", { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: OURS, bound: null }), token: "t" }))).toBeNull();
    });

    it("answers one from another deployment, or from another page, with 409 and the header Next's client router reads, as Next would, but as JSON", async () => {
      for (const request of [
        // Next would forward these to a page that has the action, over HTTP to the Host sent (aborted, with a stack trace, when forged).
        call("/admin/papers", OURS),
        form("/admin/papers", { [`$ACTION_ID_${OURS}`]: "" }),
        call("/admin/login", STALE),
        form("/admin/login", { [`$ACTION_ID_${STALE}`]: "" }),
        form("/subscription/abc", { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: STALE, bound: null }) }),
      ]) {
        expect(await answer(request)).toEqual({ status: 409, notFound: "1", body: { error: { code: "CONFLICT", message: expect.stringMatching(/reload/) } } });
      }
    });

    it("answers an id no build could have, a form naming no action and an unreadable bound action with 400", async () => {
      expect(await answer(call("/admin/login", "7fdeadbeef"))).toMatchObject({ status: 400, notFound: "1", body: { error: { code: "INVALID_INPUT" } } });
      expect(await answer(form("/admin/login", { token: "t" }))).toMatchObject({ status: 400, body: { error: { code: "INVALID_INPUT" } } });
      expect(await answer(form("/admin/login", { $ACTION_REF_1: "", "$ACTION_1:0": "{not json" }))).toMatchObject({ status: 400 });
    });

    it("answers a bound action whose arguments are not JSON with 400 (Next answers it with a 500), and leaves a FormData argument's fields to Next", async () => {
      const bound = { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: OURS, bound: "$@1" }) };
      expect(await answer(form("/admin/login", { ...bound, "$ACTION_1:1": "notjson" }))).toMatchObject({
        status: 400,
        body: { error: { code: "INVALID_INPUT" } },
      });
      expect(await answer(form("/admin/login", { ...bound, "$ACTION_1:1": '["a"]', "$ACTION_1:2_note": "plain text", token: "t" }))).toBeNull();
    });

    it("checks every action a form names, as Next checks them all and React runs the last", async () => {
      const ours = { [`$ACTION_ID_${OURS}`]: "" };
      const unreadable = { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: OURS, bound: "$@1" }), "$ACTION_1:1": "notjson" };
      expect(await answer(form("/admin/login", { ...ours, ...unreadable }))).toMatchObject({ status: 400, body: { error: { code: "INVALID_INPUT" } } });
      expect(await answer(form("/admin/login", { ...ours, [`$ACTION_ID_${STALE}`]: "" }))).toMatchObject({ status: 409 });
      // OURS is bound on /admin/login, not /admin/papers.
      expect(await answer(form("/admin/papers", { [`$ACTION_ID_${STALE}`]: "", ...ours }))).toMatchObject({ status: 409 });
    });

    it("reads a page's call as Next does: multipart only by the type as written, anything else as JSON text, an urlencoded body included", async () => {
      const typed = (type: string, body: string) =>
        new Request("http://app.test/admin/login", {
          method: "POST",
          headers: { host: "app.test", "next-action": OURS, "content-type": type, "content-length": String(body.length) },
          body,
        });
      expect(await answer(typed("application/x-www-form-urlencoded", "a=1"))).toMatchObject({ status: 400 });
      expect(await answer(typed("application/x-www-form-urlencoded", '["$K1"]'))).toBeNull();
      const body = '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["a"]\r\n--x--\r\n';
      expect(await answer(typed("multipart/form-data; boundary=x", body))).toBeNull();
      // Next reads this one as text, which is not JSON: a 500 from Next.
      expect(await answer(typed("Multipart/Form-Data; boundary=x", body))).toMatchObject({ status: 400 });
    });

    it("refuses a page's multipart call whose numbered parts are not JSON with 400 (Next answers it with a 500)", async () => {
      const multipartCall = (fields: Record<string, string>) => {
        const request = form("/admin/login", fields);
        return new Request(request, { headers: { ...Object.fromEntries(request.headers), "next-action": OURS } });
      };
      expect(await answer(multipartCall({ "0": "notjson" }))).toMatchObject({ status: 400, body: { error: { code: "INVALID_INPUT" } } });
      expect(await answer(multipartCall({ "0": '["$K1"]', "1_note": "plain text" }))).toBeNull();
    });

    it("leaves pages that are not App Router pages (the cached feed pages, route handlers) to what serves them", async () => {
      expect(await answer(call("/", STALE))).toBeNull();
      expect(await answer(form("/subscribe", { token: "t" }))).toBeNull();
      expect(await answer(call("/feed.xml", STALE))).toBeNull();
      expect(await answer(call("/subscription/abc/more", STALE))).toBeNull();
    });
  });
});
