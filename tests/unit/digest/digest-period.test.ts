// Digest periods: the ledger's keys, when a subscriber is due, which papers count as new since the last digest, and the days a mail names.
import { describe, expect, it } from "vitest";
import {
  digestListingDays,
  digestPeriodKey,
  digestSince,
  formatDigestPeriod,
  formatListingDays,
  isDue,
  periodWindow,
  selectDigest,
  type TDigestSubscriber,
} from "@/core/digest";
import { makePaper, makeSubscriber } from "./fixtures";

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("digest period keys", () => {
  it("keys a daily digest by UTC day and a weekly one by ISO week", () => {
    expect(digestPeriodKey("daily", at("2026-11-27T08:00:00Z"))).toBe("daily:2026-11-27");
    expect(digestPeriodKey("weekly", at("2026-11-27T08:00:00Z"))).toBe("weekly:2026-W48");
  });

  it("keeps New Year's Day in the old year's ISO week 53", () => {
    expect(digestPeriodKey("weekly", at("2026-12-31T23:59:59Z"))).toBe("weekly:2026-W53");
    expect(digestPeriodKey("weekly", at("2027-01-01T00:00:00Z"))).toBe("weekly:2026-W53");
    expect(digestPeriodKey("weekly", at("2027-01-03T23:59:59Z"))).toBe("weekly:2026-W53");
    expect(digestPeriodKey("weekly", at("2027-01-04T00:00:00Z"))).toBe("weekly:2027-W01");
    expect(digestPeriodKey("daily", at("2027-01-01T00:00:00Z"))).toBe("daily:2027-01-01");
  });

  it.each([
    ["Europe spring forward", "2026-03-29"],
    ["Europe fall back", "2026-10-25"],
    ["US spring forward", "2026-03-08"],
    ["US fall back", "2026-11-01"],
  ])("is unaffected by the %s day (%s): UTC days stay 24 hours", (_name, day) => {
    const midnight = Date.parse(`${day}T00:00:00Z`);
    for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
      const now = new Date(midnight + minutes * 60_000);
      expect(digestPeriodKey("daily", now)).toBe(`daily:${day}`);
      expect(periodWindow("daily", now).start.getTime()).toBe(midnight - DAY);
    }
    expect(digestPeriodKey("daily", new Date(midnight + DAY))).not.toBe(`daily:${day}`);
  });
});

describe("a period key as the admin pages show it", () => {
  it("names the day, or the Monday-to-Sunday days of the ISO week, across a year's end too", () => {
    expect(formatDigestPeriod("daily:2026-11-27")).toBe("Daily, Fri 27 Nov 2026");
    expect(formatDigestPeriod("weekly:2026-W48")).toBe("Weekly, 23–29 Nov 2026");
    expect(formatDigestPeriod("weekly:2026-W53")).toBe("Weekly, 28 Dec 2026 – 3 Jan 2027");
    expect(formatDigestPeriod(digestPeriodKey("weekly", at("2027-01-01T00:00:00Z")))).toBe("Weekly, 28 Dec 2026 – 3 Jan 2027");
  });

  it("shows a key it cannot read as it is, never throwing on a page", () => {
    for (const key of [
      "daily:2026-02-30",
      "weekly:2026-W54",
      "monthly:2026-11",
      "daily",
      "",
      "daily:2026-11-27:x",
      "weekly:2026-W48:x",
      "weekly:1000-W01",
      "weekly:9999-W52",
    ]) {
      expect(formatDigestPeriod(key)).toBe(key);
    }
  });
});

describe("the days a digest names", () => {
  /** The label of what selectDigest picks at `now` from papers listed on `days` (ids from 1), less the ids already sent. */
  function labelOf(subscriber: Partial<TDigestSubscriber>, now: string, days: string[], sent: number[] = []) {
    const papers = days.map((listedOn, i) => makePaper(i + 1, { listedOn }));
    const selection = selectDigest({ now: at(now), subscriber: makeSubscriber(subscriber), papers, alreadySent: new Set(sent) });
    return selection.items.length === 0 ? null : formatListingDays(selection.listed);
  }

  it("names the listing day a daily holds, not the day it is sent: Saturday 07:00 after Friday's digest holds Friday's later papers", () => {
    const friday = { lastDigestAt: at("2026-06-12T07:00:00Z") };
    // Paper 1 went out in Friday's digest; paper 2 was listed on Friday after it.
    expect(labelOf(friday, "2026-06-13T07:00:00Z", ["2026-06-12", "2026-06-12"], [1])).toBe("Fri 12 Jun 2026");
    expect(digestPeriodKey("daily", at("2026-06-13T07:00:00Z"))).toBe("daily:2026-06-13");
  });

  it("names the send day too when that day's early listings are in the daily, as its selection runs up to now", () => {
    expect(labelOf({ lastDigestAt: at("2026-06-12T07:00:00Z") }, "2026-06-13T07:00:00Z", ["2026-06-12", "2026-06-13"])).toBe("12–13 Jun 2026");
    expect(labelOf({ lastDigestAt: at("2026-06-12T07:00:00Z") }, "2026-06-13T07:00:00Z", ["2026-06-12", "2026-06-13"], [1])).toBe("Sat 13 Jun 2026");
  });

  it("names Monday alone on the Monday daily after a weekend without listings, and Friday too when Friday's late papers wait in it", () => {
    // Saturday's and Sunday's runs found nothing new and sent nothing, so the last digest is still Friday's.
    const friday = { lastDigestAt: at("2026-06-12T07:00:00Z") };
    expect(labelOf(friday, "2026-06-14T07:00:00Z", ["2026-06-12"], [1])).toBeNull();
    expect(labelOf(friday, "2026-06-15T07:00:00Z", ["2026-06-12", "2026-06-15"], [1])).toBe("Mon 15 Jun 2026");
    expect(labelOf(friday, "2026-06-15T07:00:00Z", ["2026-06-12", "2026-06-15"])).toBe("12–15 Jun 2026");
  });

  it("names a weekly's days as a range, not the ISO week it is sent in", () => {
    const lastMonday = { frequency: "weekly" as const, lastDigestAt: at("2026-06-08T07:00:00Z") };
    expect(labelOf(lastMonday, "2026-06-15T07:00:00Z", ["2026-06-08", "2026-06-08", "2026-06-10", "2026-06-14"], [1])).toBe("8–14 Jun 2026");
    expect(digestPeriodKey("weekly", at("2026-06-15T07:00:00Z"))).toBe("weekly:2026-W25");
  });

  it("spans a month's end and a year's end, through ISO week 53", () => {
    const monthEnd = { frequency: "weekly" as const, lastDigestAt: at("2026-06-29T07:00:00Z") };
    expect(labelOf(monthEnd, "2026-07-06T07:00:00Z", ["2026-06-29", "2026-07-01", "2026-07-05"])).toBe("29 Jun – 5 Jul 2026");
    const week53 = { frequency: "weekly" as const, lastDigestAt: at("2026-12-28T07:00:00Z") };
    expect(labelOf(week53, "2027-01-04T07:00:00Z", ["2026-12-28", "2027-01-01", "2027-01-03"])).toBe("28 Dec 2026 – 3 Jan 2027");
    expect(digestPeriodKey("weekly", at("2027-01-03T07:00:00Z"))).toBe("weekly:2026-W53");
    const newYear = { lastDigestAt: at("2026-12-31T07:00:00Z") };
    expect(labelOf(newYear, "2027-01-01T07:00:00Z", ["2026-12-31", "2027-01-01"])).toBe("31 Dec 2026 – 1 Jan 2027");
  });

  it("names the days a digest looked at when it holds no paper", () => {
    expect(digestListingDays({ frequency: "daily" }, at("2026-06-13T07:00:00Z"), [])).toEqual({ from: "2026-06-12", to: "2026-06-13" });
    expect(digestListingDays({ frequency: "weekly" }, at("2027-01-04T07:00:00Z"), [])).toEqual({ from: "2026-12-28", to: "2027-01-04" });
    expect(digestListingDays({ frequency: "daily" }, at("2026-06-13T07:00:00Z"), ["2026-06-13", "2026-06-11", "2026-06-12"])).toEqual({
      from: "2026-06-11",
      to: "2026-06-13",
    });
  });
});

describe("periodWindow", () => {
  it("covers the previous and current UTC day for a daily digest", () => {
    const now = at("2026-11-27T08:00:00Z");
    expect(periodWindow("daily", now)).toEqual({ key: "daily:2026-11-27", start: at("2026-11-26T00:00:00Z"), end: now });
  });

  it("covers the previous and current ISO week for a weekly digest", () => {
    const now = at("2026-11-27T08:00:00Z");
    expect(periodWindow("weekly", now)).toEqual({ key: "weekly:2026-W48", start: at("2026-11-16T00:00:00Z"), end: now });
    expect(periodWindow("weekly", at("2027-01-04T06:00:00Z")).start).toEqual(at("2026-12-28T00:00:00Z"));
  });
});

describe("isDue", () => {
  const now = at("2026-11-27T08:00:00Z");
  const daily = { frequency: "daily" as const, status: "confirmed" };

  it("sends only to confirmed subscribers", () => {
    expect(isDue({ ...daily, status: "pending" }, now)).toBe(false);
    expect(isDue({ ...daily, status: "unsubscribed" }, now)).toBe(false);
    expect(isDue({ ...daily, lastDigestAt: null }, now)).toBe(true);
  });

  it("sends once per UTC day", () => {
    expect(isDue({ ...daily, lastDigestAt: at("2026-11-27T00:00:00Z") }, now)).toBe(false);
    expect(isDue({ ...daily, lastDigestAt: at("2026-11-26T23:59:59Z") }, now)).toBe(true);
  });

  it("is due after a missed day", () => {
    expect(isDue({ ...daily, lastDigestAt: at("2026-11-25T08:00:00Z") }, now)).toBe(true);
  });

  it("does not resend when lastDigestAt is ahead of the clock", () => {
    expect(isDue({ ...daily, lastDigestAt: at("2026-11-28T01:00:00Z") }, now)).toBe(false);
  });

  it("uses the UTC day across a DST change: 00:30 local in Paris is still the previous UTC day", () => {
    const lastDigestAt = at("2026-03-28T23:30:00Z");
    expect(isDue({ ...daily, lastDigestAt }, at("2026-03-29T00:10:00Z"))).toBe(true);
    expect(isDue({ ...daily, lastDigestAt }, at("2026-03-28T23:50:00Z"))).toBe(false);
  });

  it("sends once per ISO week, across New Year", () => {
    const weekly = { frequency: "weekly" as const, status: "confirmed", lastDigestAt: at("2026-12-28T08:00:00Z") };
    expect(isDue(weekly, at("2027-01-01T08:00:00Z"))).toBe(false);
    expect(isDue(weekly, at("2027-01-03T23:59:59Z"))).toBe(false);
    expect(isDue(weekly, at("2027-01-04T00:00:00Z"))).toBe(true);
  });
});

describe("digestSince", () => {
  const now = at("2026-11-27T08:00:00Z");

  it("starts a first digest at the window start", () => {
    expect(digestSince({ frequency: "daily" }, now)).toBe("2026-11-26");
    expect(digestSince({ frequency: "weekly", lastDigestAt: null }, now)).toBe("2026-11-16");
  });

  it("starts at the last digest's day, which may be inside the window", () => {
    expect(digestSince({ frequency: "daily", lastDigestAt: at("2026-11-26T08:00:00Z") }, now)).toBe("2026-11-26");
    expect(digestSince({ frequency: "weekly", lastDigestAt: at("2026-11-20T08:00:00Z") }, now)).toBe("2026-11-20");
  });

  it("reaches back over a missed day so nothing listed in between is skipped", () => {
    expect(digestSince({ frequency: "daily", lastDigestAt: at("2026-11-24T08:00:00Z") }, now)).toBe("2026-11-24");
  });

  it("caps the look-back after a long pause", () => {
    expect(digestSince({ frequency: "daily", lastDigestAt: at("2026-09-01T08:00:00Z") }, now)).toBe("2026-11-20");
    expect(digestSince({ frequency: "weekly", lastDigestAt: at("2026-09-01T08:00:00Z") }, now)).toBe("2026-10-30");
  });
});
