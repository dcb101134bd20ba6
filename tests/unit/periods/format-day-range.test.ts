// The one label a digest writes for the days its papers were listed on (subject, heading, text part, preview): pinned per case here.
import { describe, expect, it } from "vitest";
import { formatDayRange } from "@/core/periods";

describe("formatDayRange", () => {
  it("writes one day with its weekday", () => {
    expect(formatDayRange("2026-06-12", "2026-06-12")).toBe("Fri 12 Jun 2026");
  });

  it("names the month and year once within a month", () => {
    expect(formatDayRange("2026-06-08", "2026-06-14")).toBe("8–14 Jun 2026");
    expect(formatDayRange("2026-06-12", "2026-06-13")).toBe("12–13 Jun 2026");
  });

  it("names both months across a month's end, with a spaced en dash", () => {
    expect(formatDayRange("2026-06-29", "2026-07-05")).toBe("29 Jun – 5 Jul 2026");
    expect(formatDayRange("2028-02-28", "2028-03-01")).toBe("28 Feb – 1 Mar 2028");
  });

  it("names both years across a year's end", () => {
    expect(formatDayRange("2026-12-28", "2027-01-03")).toBe("28 Dec 2026 – 3 Jan 2027");
    expect(formatDayRange("2026-12-31", "2027-01-01")).toBe("31 Dec 2026 – 1 Jan 2027");
  });

  it("refuses an invalid day or a range that ends before it starts", () => {
    expect(() => formatDayRange("2026-02-30", "2026-03-01")).toThrow(RangeError);
    expect(() => formatDayRange("2026-06-12", "")).toThrow(RangeError);
    expect(() => formatDayRange("2026-06-14", "2026-06-08")).toThrow(RangeError);
  });
});
