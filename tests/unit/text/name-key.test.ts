// The key that matches an author or organization name however it is written (case, accents, spacing), for follows and the digest.
import { describe, expect, it } from "vitest";
import { nameKey } from "@/core/text/name-key";

describe("nameKey", () => {
  it("folds case, accents, punctuation and spacing", () => {
    expect(nameKey("Aäron van den Oord")).toBe("aaron van den oord");
    expect(nameKey("  aaron   VAN-den oord ")).toBe("aaron van den oord");
    expect(nameKey("Meta AI (FAIR)")).toBe("meta ai fair");
    expect(nameKey("Zoë Kravitz")).toBe(nameKey("Zoe Kravitz"));
  });

  it("keeps initials and non-Latin names apart from full names", () => {
    expect(nameKey("J. Smith")).toBe("j smith");
    expect(nameKey("J. Smith")).not.toBe(nameKey("John Smith"));
    expect(nameKey("李飞飞")).toBe("李飞飞");
  });
});
