// The day, week and month in a period page's address: parsed, labelled and linked, and refused when no date can write them.
import { describe, expect, it } from "vitest";
import { addDays, formatPeriodLabel, parsePeriod, periodOf, periodPath, todayUtc } from "@/core/periods";

describe("parsePeriod: days", () => {
  it("parses a real day, under its URL segment or its kind", () => {
    const day = { kind: "day", key: "2026-02-28", start: "2026-02-28", end: "2026-02-28" };
    expect(parsePeriod("date", "2026-02-28")).toEqual(day);
    expect(parsePeriod("day", "2026-02-28")).toEqual(day);
  });

  it("rejects days that do not exist", () => {
    expect(parsePeriod("date", "2026-02-30")).toBeNull();
    expect(parsePeriod("date", "2026-02-29")).toBeNull();
    expect(parsePeriod("date", "2026-04-31")).toBeNull();
    expect(parsePeriod("date", "2026-13-01")).toBeNull();
    expect(parsePeriod("date", "2026-00-10")).toBeNull();
    expect(parsePeriod("date", "2026-01-00")).toBeNull();
  });

  it("accepts leap days only in leap years", () => {
    expect(parsePeriod("date", "2024-02-29")?.key).toBe("2024-02-29");
    expect(parsePeriod("date", "2000-02-29")?.key).toBe("2000-02-29");
    expect(parsePeriod("date", "1900-02-29")).toBeNull();
    expect(parsePeriod("date", "2100-02-29")).toBeNull();
  });

  it("rejects loose formats", () => {
    for (const value of ["2026-2-28", "26-02-28", "2026-02-28T00:00:00Z", " 2026-02-28", "2026/02/28", "", "0999-01-01"]) {
      expect(parsePeriod("date", value)).toBeNull();
    }
    expect(parsePeriod("year", "2026")).toBeNull();
  });
});

describe("parsePeriod: weeks and months", () => {
  it("gives a week's Monday-to-Sunday range", () => {
    expect(parsePeriod("week", "2026-W53")).toEqual({ kind: "week", key: "2026-W53", start: "2026-12-28", end: "2027-01-03" });
    expect(parsePeriod("week", "2025-W01")).toEqual({ kind: "week", key: "2025-W01", start: "2024-12-30", end: "2025-01-05" });
  });

  it("rejects week 53 in a 52-week year", () => {
    expect(parsePeriod("week", "2025-W53")).toBeNull();
    expect(parsePeriod("week", "2026-W54")).toBeNull();
  });

  it("gives a month's first and last day", () => {
    expect(parsePeriod("month", "2024-02")).toEqual({ kind: "month", key: "2024-02", start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriod("month", "2026-02")?.end).toBe("2026-02-28");
    expect(parsePeriod("month", "2026-04")?.end).toBe("2026-04-30");
    expect(parsePeriod("month", "2026-12")?.end).toBe("2026-12-31");
    expect(parsePeriod("month", "2026-13")).toBeNull();
    expect(parsePeriod("month", "2026-00")).toBeNull();
    expect(parsePeriod("month", "2026-1")).toBeNull();
  });
});

describe("parsePeriod and periodOf: only periods whose days YYYY-MM-DD can write", () => {
  it("refuses a week that runs into year 10000 or starts in year 999", () => {
    expect(parsePeriod("week", "9999-W52")).toBeNull();
    expect(parsePeriod("week", "1000-W01")).toBeNull();
    expect(parsePeriod("week", "9999-W51")).toEqual({ kind: "week", key: "9999-W51", start: "9999-12-20", end: "9999-12-26" });
    expect(parsePeriod("week", "1000-W02")?.start).toBe("1000-01-06");
  });

  it("keeps the first and last writable days and months", () => {
    expect(parsePeriod("date", "9999-12-31")?.end).toBe("9999-12-31");
    expect(parsePeriod("date", "1000-01-01")?.start).toBe("1000-01-01");
    expect(parsePeriod("month", "9999-12")?.end).toBe("9999-12-31");
  });

  it("finds no period for a day whose week reaches beyond them", () => {
    expect(periodOf("week", "9999-12-31")).toBeNull();
    expect(periodOf("week", "1000-01-01")).toBeNull();
    expect(periodOf("day", "9999-12-31")?.key).toBe("9999-12-31");
    expect(periodOf("month", "1000-01-15")?.key).toBe("1000-01");
  });
});

describe("periodOf", () => {
  it("finds the period holding a day", () => {
    expect(periodOf("week", "2027-01-01")?.key).toBe("2026-W53");
    expect(periodOf("month", "2024-02-29")).toEqual({ kind: "month", key: "2024-02", start: "2024-02-01", end: "2024-02-29" });
    expect(periodOf("day", "2026-02-30")).toBeNull();
  });

  it("puts days around a year end in the right ISO week", () => {
    expect(periodOf("week", "2026-12-31")).toEqual({ kind: "week", key: "2026-W53", start: "2026-12-28", end: "2027-01-03" });
    expect(periodOf("week", "2027-01-04")?.key).toBe("2027-W01");
    expect(periodOf("week", "2021-01-03")?.key).toBe("2020-W53");
    expect(periodOf("month", "2026-12-15")?.key).toBe("2026-12");
  });

  it("links to the listing page of a period", () => {
    expect(periodPath(periodOf("day", "2026-11-27")!)).toBe("/papers/date/2026-11-27");
    expect(periodPath(periodOf("week", "2026-11-27")!)).toBe("/papers/week/2026-W48");
    expect(periodPath(periodOf("month", "2026-11-27")!)).toBe("/papers/month/2026-11");
  });

  it("labels periods in English regardless of locale", () => {
    expect(formatPeriodLabel(periodOf("day", "2026-11-27")!)).toBe("Fri 27 Nov 2026");
    expect(formatPeriodLabel(periodOf("week", "2026-11-27")!)).toBe("week 48, 2026");
    expect(formatPeriodLabel(periodOf("month", "2026-11-27")!)).toBe("November 2026");
  });
});

describe("todayUtc and addDays", () => {
  it("uses the UTC day, whatever the instant's local day", () => {
    expect(todayUtc(new Date("2026-03-29T00:30:00+02:00"))).toBe("2026-03-28");
    expect(todayUtc(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
  });

  it("adds days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-01", 0.5)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
    expect(() => addDays("1000-01-01", -1)).toThrow(RangeError);
  });
});
