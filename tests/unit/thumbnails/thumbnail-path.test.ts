// A thumbnail's URL names one paper, one image (by hash) and its type; anything else names nothing.
import { describe, expect, it } from "vitest";
import { hashMatches, parseThumbnailFileName, thumbnailPath } from "../../../src/core/thumbnails/thumbnail-path";

const SHA = "0123456789abcdef".repeat(4);

describe("thumbnail paths", () => {
  it("writes /thumbnails/<paper id>-<hash>.<ext> and reads it back", () => {
    expect(thumbnailPath({ paperId: 42, sha256: SHA, contentType: "image/jpeg" })).toBe("/thumbnails/42-0123456789abcdef.jpg");
    expect(thumbnailPath({ paperId: 7, sha256: SHA, contentType: "image/webp" })).toBe("/thumbnails/7-0123456789abcdef.webp");
    expect(parseThumbnailFileName("42-0123456789abcdef.png")).toEqual({ paperId: 42, hash: "0123456789abcdef", contentType: "image/png" });
    expect(parseThumbnailFileName("1-0123456789abcdef.gif")?.contentType).toBe("image/gif");
  });

  it("refuses names it could not have written", () => {
    for (const name of [
      "",
      "42.png",
      "42-0123456789abcdef",
      "42-0123456789ABCDEF.png",
      "42-0123456789abcde.png",
      "42-0123456789abcdef.svg",
      "42-0123456789abcdef.png.html",
      "0-0123456789abcdef.png",
      "9999999999-0123456789abcdef.png",
      "-1-0123456789abcdef.png",
      "../42-0123456789abcdef.png",
    ]) {
      expect(parseThumbnailFileName(name), name).toBeNull();
    }
  });

  it("matches a hash only against the start of the stored SHA-256", () => {
    expect(hashMatches(SHA, "0123456789abcdef")).toBe(true);
    expect(hashMatches(SHA, "fedcba9876543210")).toBe(false);
    expect(hashMatches("0123456789abcdef", "0123456789abcdef")).toBe(false);
  });
});
