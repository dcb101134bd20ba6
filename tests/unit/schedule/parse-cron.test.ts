import { describe, expect, it } from "vitest";
import { isValidCronExpression } from "@/core/schedule";

describe("isValidCronExpression", () => {
  it.each([
    "0 7 * * *",
    "*/15 * * * *",
    "0 6,18 * * 1-5",
    "30 0 7 * * MON-FRI",
    "0 0 1 JAN *",
    "0 0 L * ?",
    "0 0 * * 5#3",
    "5-59/10 * * * *",
    " 0 7 * * * ",
    "@daily",
    "@Weekly",
  ])("accepts %s", (expr) => {
    expect(isValidCronExpression(expr)).toBe(true);
  });

  it.each(["", "   ", "* * * *", "* * * * * * *", "0 7 * * * ; rm -rf /", "0 7 ** * *", "0 7 *,, * *", "0 7 * * */", "every day at 7", "@sometimes"])(
    "rejects %j",
    (expr) => {
      expect(isValidCronExpression(expr)).toBe(false);
    },
  );
});
