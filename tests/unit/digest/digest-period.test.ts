import { describe, expect, it } from "vitest";
import { digestPeriodKey, digestSince, formatDigestPeriod, isDue, periodWindow } from "@/core/digest";

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

  it("turns keys into human labels", () => {
    expect(formatDigestPeriod("daily:2026-11-27")).toEqual({ frequency: "daily", label: "Fri 27 Nov 2026" });
    expect(formatDigestPeriod("weekly:2026-W48")).toEqual({ frequency: "weekly", label: "week 48, 2026" });
    expect(formatDigestPeriod("weekly:2025-W53")).toBeNull();
    expect(formatDigestPeriod("daily:2026-02-30")).toBeNull();
    expect(formatDigestPeriod("monthly:2026-11")).toBeNull();
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
