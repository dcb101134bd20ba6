// reader: a digest's feedback link (a scanner's GET records nothing, the POST records once and recognises the browser), the reader
// cookie (set from a digest link by the proxy, refused once revoked), /api/reader's state and JSON presses, the manage page's undo,
// follows and export, private feeds and their rotation, and the 4xx answers to bad links.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_FOLLOWS } from "../../src/server/repo/reader-feedback";
import { signSubscriberToken, subscriberLinks } from "../../src/server/subscriptions/subscription-links";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { seedPapers, seedSubscribers } from "./helpers/digest-fixtures";

const db = testDb();
const secret = "reader-test-secret-0123456789abcdef";
const appUrl = "http://app.test";
let dataDir: string;
let feedbackRoute: typeof import("../../src/app/feedback/[token]/route");
let readerRoute: typeof import("../../src/app/api/reader/route");
let readerFeedbackRoute: typeof import("../../src/app/api/reader/feedback/route");
let readerFollowsRoute: typeof import("../../src/app/api/reader/follows/route");
let feedRoutes: {
  rss: typeof import("../../src/app/feeds/[token]/feed.xml/route");
  atom: typeof import("../../src/app/feeds/[token]/atom.xml/route");
  json: typeof import("../../src/app/feeds/[token]/feed.json/route");
};
let exportRoute: typeof import("../../src/app/subscription/[token]/data.json/route");
let service: typeof import("../../src/server/subscriptions/subscription-service");
let proxyModule: typeof import("../../src/proxy");

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-reader-"));
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    APP_SECRET: secret,
    APP_URL: appUrl,
    ADMIN_TOKEN: "admin-token-0123456789",
    CRON_SECRET: "cron-secret-0123456789",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
  feedbackRoute = await import("../../src/app/feedback/[token]/route");
  readerRoute = await import("../../src/app/api/reader/route");
  readerFeedbackRoute = await import("../../src/app/api/reader/feedback/route");
  readerFollowsRoute = await import("../../src/app/api/reader/follows/route");
  feedRoutes = {
    rss: await import("../../src/app/feeds/[token]/feed.xml/route"),
    atom: await import("../../src/app/feeds/[token]/atom.xml/route"),
    json: await import("../../src/app/feeds/[token]/feed.json/route"),
  };
  exportRoute = await import("../../src/app/subscription/[token]/data.json/route");
  service = await import("../../src/server/subscriptions/subscription-service");
  proxyModule = await import("../../src/proxy");
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

let subscriberId: number;
let paperIds: Map<string, number>;
beforeEach(async () => {
  await resetDb(db);
  paperIds = await seedPapers(db, [
    { arxivId: "2611.00001", title: "Diffusion for graphs", listedOn: today, upvotes: 30 },
    { arxivId: "2611.00002", title: "Agents that plan", listedOn: today, upvotes: 20 },
  ]);
  subscriberId = (await seedSubscribers(db, [{ email: "reader@example.org", frequency: "weekly" }]))[0]!;
});

const paper = (arxivId: string) => paperIds.get(arxivId)!;
const links = (now = new Date()) => subscriberLinks({ appUrl, secret, subscriberId, now });
const params = (token: string) => ({ params: Promise.resolve({ token }) });
const tokenOf = (url: string) => new URL(url).pathname.split("/")[2]!;
const feedbackRows = () => db.feedback.findMany({ where: { subscriberId }, select: { paperId: true, kind: true } });

function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=") as [string, string]));
}

async function pressLink(url: string, headers: Record<string, string> = {}) {
  return feedbackRoute.POST(
    new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: "" }),
    params(tokenOf(url)),
  );
}

/** A recognised browser: the reader cookie the feedback page's POST hands out. */
async function readerCookie(): Promise<string> {
  const res = await pressLink(links().feedbackUrl(paper("2611.00002"), "more"));
  return `pd_reader=${cookiesOf(res).pd_reader}`;
}

function jsonPost(url: string, body: unknown, headers: Record<string, string>) {
  return new Request(`${appUrl}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl, host: "app.test", ...headers },
    body: JSON.stringify(body),
  });
}

describe("reader: the digest's feedback link", () => {
  it("a scanner's GETs record nothing; they show the paper's title and one button", async () => {
    const url = links().feedbackUrl(paper("2611.00001"), "more");
    for (let i = 0; i < 3; i++) {
      const res = await feedbackRoute.GET(new Request(url), params(tokenOf(url)));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Diffusion for graphs");
      expect(html).toContain('method="post"');
      expect(html).toContain("More like this</button>");
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(await feedbackRows()).toEqual([]);
  });

  it("the POST records one press, sets the reader cookie, and links to the manage page; a later press on the paper wins", async () => {
    const more = links().feedbackUrl(paper("2611.00001"), "more");
    const res = await pressLink(more, { origin: appUrl, host: "app.test" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/href="\/subscription\/[^"]+"/);
    const set = res.headers.getSetCookie();
    expect(set.find((c) => c.startsWith("pd_reader="))).toMatch(/HttpOnly/);
    expect(set.find((c) => c.startsWith("pd_reader_seen=1"))).toBeDefined();
    expect(await feedbackRows()).toEqual([{ paperId: paper("2611.00001"), kind: "more" }]);
    // The page now says it is recorded, and a second POST keeps one row.
    expect(await (await feedbackRoute.GET(new Request(more), params(tokenOf(more)))).text()).toContain("Noted");
    await pressLink(more);
    await pressLink(links().feedbackUrl(paper("2611.00001"), "less"));
    expect(await feedbackRows()).toEqual([{ paperId: paper("2611.00001"), kind: "less" }]);
  });

  it("bad links get a clear 4xx page and record nothing", async () => {
    const good = links().feedbackUrl(paper("2611.00001"), "more");
    const token = tokenOf(good);
    const expired = subscriberLinks({ appUrl, secret, subscriberId, now: new Date(Date.now() - 400 * 86_400_000) }).feedbackUrl(paper("2611.00001"), "more");
    const wrongPurpose = signSubscriberToken({ secret, purpose: "manage", subscriberId, now: new Date() });
    const cases: [string, number][] = [
      [good.replace(token, `${token.slice(0, -3)}abc`), 404],
      [good.replace(token, wrongPurpose), 404],
      [expired, 410],
      [links().feedbackUrl(999_999, "more"), 404],
      [good.replace("kind=more", "kind=maybe"), 400],
      [good.replace(/paper=\d+/, "paper=99999999999"), 400],
      [`${appUrl}/feedback/${token}`, 400],
    ];
    for (const [url, status] of cases) {
      const t = tokenOf(url);
      const get = await feedbackRoute.GET(new Request(url), params(t));
      expect(get.status, url).toBe(status);
      expect(await get.text()).toContain("This link does not work");
      expect((await pressLink(url)).status, url).toBe(status);
    }
    expect((await pressLink(good, { origin: "https://evil.example", host: "app.test" })).status).toBe(403);
    await db.subscriber.delete({ where: { id: subscriberId } });
    expect((await feedbackRoute.GET(new Request(good), params(token))).status).toBe(404);
    expect(await db.feedback.count()).toBe(0);
  });
});

describe("reader: the cookie and /api/reader", () => {
  it("the proxy turns a digest link's r into the reader cookie and drops r from the URL; a forged r sets nothing", async () => {
    const res = await proxyModule.proxy(new NextRequest(links().readerUrl("/papers/2611.00001?x=1")));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${appUrl}/papers/2611.00001?x=1`);
    const cookie = cookiesOf(res).pd_reader!;
    const state = await readerRoute.GET(new Request(`${appUrl}/api/reader?papers=${paper("2611.00001")}`, { headers: { cookie: `pd_reader=${cookie}` } }));
    expect(state.headers.get("cache-control")).toBe("private, no-store");
    expect(await state.json()).toEqual({ reader: { feedback: {}, follows: [] } });

    const forged = await proxyModule.proxy(new NextRequest(`${appUrl}/?r=not-a-token-at-all`));
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe(`${appUrl}/`);
    expect(forged.headers.getSetCookie()).toEqual([]);
  });

  it("a recognised reader presses, takes back and follows through the JSON endpoints; anonymous and cross-site calls are refused", async () => {
    const cookie = await readerCookie();
    const id = paper("2611.00001");
    const press = (kind: string, headers: Record<string, string> = { cookie }) =>
      readerFeedbackRoute.POST(jsonPost("/api/reader/feedback", { paperId: id, kind }, headers));
    expect((await press("less")).status).toBe(200);
    const state = await readerRoute.GET(new Request(`${appUrl}/api/reader?papers=${id},${paper("2611.00002")}`, { headers: { cookie } }));
    expect(await state.json()).toEqual({ reader: { feedback: { [id]: "less", [paper("2611.00002")]: "more" }, follows: [] } });
    expect((await press("none")).status).toBe(200);
    expect((await feedbackRows()).map((r) => r.paperId)).toEqual([paper("2611.00002")]);

    expect((await press("more", {})).status).toBe(401);
    expect((await press("more", { cookie, origin: "https://evil.example" })).status).toBe(403);
    const noOrigin = jsonPost("/api/reader/feedback", { paperId: id, kind: "more" }, { cookie });
    noOrigin.headers.delete("origin");
    expect((await readerFeedbackRoute.POST(noOrigin)).status).toBe(403);
    expect((await readerFeedbackRoute.POST(jsonPost("/api/reader/feedback", { paperId: 999_999, kind: "more" }, { cookie }))).status).toBe(404);
    // A press not declared as JSON is refused as such (415), before its body is taken for JSON, and records nothing.
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const typed = jsonPost("/api/reader/feedback", { paperId: id, kind: "more" }, { cookie, "content-type": type });
      expect((await readerFeedbackRoute.POST(typed)).status, type).toBe(415);
      const notJson = new Request(typed.url, { method: "POST", headers: typed.headers, body: "paperId=1&kind=more" });
      expect((await readerFeedbackRoute.POST(notJson)).status, type).toBe(415);
    }
    // A key the endpoint does not take is refused, as /api/subscribe refuses one: a misspelt field was silently dropped.
    const extra = jsonPost("/api/reader/feedback", { paperId: id, kind: "more", knd: "less" }, { cookie });
    expect((await readerFeedbackRoute.POST(extra)).status).toBe(400);
    expect((await feedbackRows()).map((r) => r.paperId)).toEqual([paper("2611.00002")]);

    const follow = (body: unknown) => readerFollowsRoute.POST(jsonPost("/api/reader/follows", body, { cookie }));
    expect((await follow({ kind: "author", label: "Aäron van den Oord", follow: true })).status).toBe(200);
    expect((await follow({ kind: "organization", label: "Acme Labs", follow: true })).status).toBe(200);
    expect((await follow({ kind: "organization", label: "acme labs", follow: false })).status).toBe(200);
    expect((await follow({ kind: "person", label: "x", follow: true })).status).toBe(400);
    expect((await follow({ kind: "author", label: "Yann LeCun", follow: true, unfollow: true })).status).toBe(400);
    expect(await db.follow.findMany({ select: { kind: true, key: true, label: true } })).toEqual([
      { kind: "author", key: "aaron van den oord", label: "Aäron van den Oord" },
    ]);

    // Follows are bounded (every digest matches each against every candidate): presses at once never pass the bound, a name already
    // followed is still a 200, and one more is a 409 saying why, until one is unfollowed.
    const subscriberId = (await db.follow.findFirstOrThrow()).subscriberId;
    await db.follow.createMany({
      data: Array.from({ length: MAX_FOLLOWS - 11 }, (_, i) => ({ subscriberId, kind: "author", key: `author ${i}`, label: `Author ${i}` })),
    });
    const names = Array.from({ length: 30 }, (_, i) => `Author Pressed ${i}`);
    const statuses = await Promise.all(names.map((label) => follow({ kind: "author", label, follow: true }).then((res) => res.status)));
    expect(await db.follow.count()).toBe(MAX_FOLLOWS);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(20);
    const refused = await follow({ kind: "organization", label: "One More Lab", follow: true });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/You follow 200 names/);
    expect((await follow({ kind: "author", label: "Aäron van den Oord", follow: true })).status).toBe(200);
    expect((await follow({ kind: "author", label: "Aäron van den Oord", follow: false })).status).toBe(200);
    expect((await follow({ kind: "organization", label: "One More Lab", follow: true })).status).toBe(200);
    expect(await db.follow.count()).toBe(MAX_FOLLOWS);
  });

  it("a reader's presses and follows are limited to 60 a minute: one more is a 429 with Retry-After, and records nothing", async () => {
    const cookie = await readerCookie();
    const id = paper("2611.00001");
    const statuses: number[] = [];
    for (let n = 0; n < 60; n += 1) {
      const kind = n % 2 === 0 ? "more" : "less";
      statuses.push((await readerFeedbackRoute.POST(jsonPost("/api/reader/feedback", { paperId: id, kind }, { cookie }))).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await readerFollowsRoute.POST(jsonPost("/api/reader/follows", { kind: "author", label: "Ada Lovelace", follow: true }, { cookie }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/Too many presses/);
    expect(await db.follow.count()).toBe(0);
    expect((await db.feedback.findFirstOrThrow({ where: { paperId: id } })).kind).toBe("less");
  });

  it("signing out other browsers revokes every earlier cookie; the browser that asked stays recognised", async () => {
    const old = await readerCookie();
    const state = (cookie: string) => readerRoute.GET(new Request(`${appUrl}/api/reader?papers=1`, { headers: { cookie } }));
    expect((await (await state(old)).json()).reader).not.toBeNull();
    const fresh = await service.signOutOthersWithToken(tokenOf(links().manageUrl));
    const revoked = await state(old);
    expect(await revoked.json()).toEqual({ reader: null });
    expect(revoked.headers.getSetCookie().some((c) => c.startsWith("pd_reader=;"))).toBe(true);
    expect((await readerFeedbackRoute.POST(jsonPost("/api/reader/feedback", { paperId: paper("2611.00001"), kind: "more" }, { cookie: old }))).status).toBe(
      401,
    );
    const current = fresh.find((c) => c.name === "pd_reader")!;
    expect((await (await state(`pd_reader=${current.value}`)).json()).reader).not.toBeNull();
    // An old digest link carries the old generation: the cookie it sets is refused too.
    const arrival = await proxyModule.proxy(new NextRequest(links().readerUrl("/")));
    expect((await (await state(`pd_reader=${cookiesOf(arrival).pd_reader}`)).json()).reader).toBeNull();
  });
});

describe("reader: the manage page's undo, follows, export and private feeds", () => {
  it("undo removes a press; a typed name is followed and removed; the export lists all of it with titles", async () => {
    await pressLink(links().feedbackUrl(paper("2611.00001"), "more"));
    await pressLink(links().feedbackUrl(paper("2611.00002"), "less"));
    const manage = tokenOf(links().manageUrl);
    await service.undoFeedbackWithToken(manage, String(paper("2611.00002")));
    await service.followWithToken(manage, { kind: "organization", label: "  Hugging   Face " });
    await expect(service.followWithToken(manage, { kind: "organization", label: "!!!" })).rejects.toThrow();
    const subscriberId = (await db.follow.findFirstOrThrow()).subscriberId;
    await db.follow.createMany({ data: Array.from({ length: MAX_FOLLOWS - 1 }, (_, i) => ({ subscriberId, kind: "author", key: `a ${i}`, label: `A ${i}` })) });
    await expect(service.followWithToken(manage, { kind: "author", label: "One Too Many" })).rejects.toMatchObject({ code: "CONFLICT" });
    await db.follow.deleteMany({ where: { key: { startsWith: "a " } } });
    const overview = await service.readerOverview(manage);
    expect(overview.feedback.map((f) => [f.title, f.kind])).toEqual([["Diffusion for graphs", "more"]]);
    expect(overview.follows).toEqual([{ kind: "organization", key: "hugging face", label: "Hugging   Face" }]);

    const res = await exportRoute.GET(new Request(`${appUrl}/subscription/${manage}/data.json`), params(manage));
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = await res.json();
    expect(data.subscription.email).toBe("reader@example.org");
    expect(data.interests).toMatchObject({ keywords: [], negativeKeywords: [] });
    expect(data.follows).toEqual([{ kind: "organization", name: "Hugging   Face" }]);
    expect(data.feedback).toEqual([expect.objectContaining({ title: "Diffusion for graphs", kind: "more", arxivId: "2611.00001" })]);
    await service.unfollowWithToken(manage, { kind: "organization", key: "hugging face" });
    expect(await db.follow.count()).toBe(0);
    expect((await exportRoute.GET(new Request(`${appUrl}/subscription/x/data.json`), params("not-a-valid-manage-token"))).status).toBe(404);
  });

  it("the private feeds hold the subscriber's digest selection, uncached and unindexed; rotating makes the old URLs 410", async () => {
    const manage = tokenOf(links().manageUrl);
    const { feedUrls } = await service.readerOverview(manage);
    expect((await service.readerOverview(manage)).feedUrls).toEqual(feedUrls);
    const get = (format: keyof typeof feedRoutes, url: string) => feedRoutes[format].GET(new Request(url), params(url.split("/")[4]!));
    for (const format of ["rss", "atom", "json"] as const) {
      const res = await get(format, feedUrls[format]);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("x-robots-tag")).toBe("noindex");
      const body = await res.text();
      expect(body).toContain("Diffusion for graphs");
      expect(body).toContain("Agents that plan");
    }
    await service.rotateFeedWithToken(manage);
    for (const format of ["rss", "atom", "json"] as const) expect((await get(format, feedUrls[format])).status).toBe(410);
    const rotated = (await service.readerOverview(manage)).feedUrls;
    expect(rotated.rss).not.toBe(feedUrls.rss);
    expect((await get("rss", rotated.rss)).status).toBe(200);
    expect((await get("rss", `${appUrl}/feeds/garbage-token-123/feed.xml`)).status).toBe(404);
  });

  it("negative keywords are stored from the subscribe form and edited on the manage page", async () => {
    const result = await service.submitSubscription(
      { email: "new@example.org", frequency: "weekly", negativeKeywords: "robotics, Medical imaging" },
      "192.0.2.1",
    );
    await result.delivery;
    const created = await db.subscriber.findFirstOrThrow({ where: { email: "new@example.org" } });
    expect(created.negativeKeywords).toEqual(["robotics", "Medical imaging"]);
    const manage = tokenOf(links().manageUrl);
    await service.savePreferences(manage, { frequency: "weekly", keywords: "llm", negativeKeywords: "quantum" });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: subscriberId } })).negativeKeywords).toEqual(["quantum"]);
    await expect(service.savePreferences(manage, { negativeKeywords: "bad\u0000word" })).rejects.toThrow();
  });
});
