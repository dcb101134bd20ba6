// ISO weeks, which name the weekly digests and week pages: week keys, the years with 53, and each week's first day.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, isoWeekKey, isoWeeksInYear, parseIsoWeekKey, weekStart } from "@/core/periods";

describe("iso weeks", () => {
  it.each([
    ["2020-12-31", "2020-W53"],
    ["2021-01-03", "2020-W53"],
    ["2021-01-04", "2021-W01"],
    ["2024-12-29", "2024-W52"],
    ["2024-12-30", "2025-W01"],
    ["2026-01-01", "2026-W01"],
    ["2026-11-27", "2026-W48"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-01", "2026-W53"],
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2024-02-29", "2024-W09"],
  ])("%s is in %s", (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it("takes the UTC day of an instant, not the server's local day", () => {
    expect(isoWeekKey(new Date("2021-01-03T23:59:59.999Z"))).toBe("2020-W53");
    expect(isoWeekKey(new Date("2021-01-04T00:00:00.000Z"))).toBe("2021-W01");
  });

  it("knows which years have 53 weeks", () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2032)).toBe(53);
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2025)).toBe(52);
  });

  it("accepts week 53 only in years that have it", () => {
    expect(parseIsoWeekKey("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey("2020-W53")).toEqual({ year: 2020, week: 53 });
    expect(parseIsoWeekKey("2025-W53")).toBeNull();
    expect(parseIsoWeekKey("2026-W54")).toBeNull();
    expect(parseIsoWeekKey("2026-W00")).toBeNull();
    expect(parseIsoWeekKey("2026-W1")).toBeNull();
    expect(parseIsoWeekKey("2026W01")).toBeNull();
    expect(parseIsoWeekKey("2026-w01")).toBeNull();
  });

  it("starts weeks on Monday, including week 1 that begins in the previous year", () => {
    expect(weekStart("2026-W01")).toBe("2025-12-29");
    expect(weekStart("2025-W01")).toBe("2024-12-30");
    expect(weekStart("2020-W53")).toBe("2020-12-28");
    expect(weekStart("2026-W53")).toBe("2026-12-28");
    expect(weekStart("2026-W48")).toBe("2026-11-23");
    expect(() => weekStart("2025-W53")).toThrow(RangeError);
  });

  it("maps every day of a week back to that week's Monday", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), (offset) => {
        const day = addDays("2000-01-01", offset);
        const start = weekStart(isoWeekKey(day));
        expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
        const distance = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
        expect(distance).toBeGreaterThanOrEqual(0);
        expect(distance).toBeLessThan(7);
      }),
    );
  });
});
