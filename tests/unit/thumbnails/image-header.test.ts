// A thumbnail is stored only when its bytes are a JPEG, PNG, WebP or GIF, and its size comes from the header, whatever the server claimed.
import { describe, expect, it } from "vitest";
import { MAX_IMAGE_SIDE, readImageHeader } from "../../../src/core/thumbnails/image-header";
import { GIF_1X1, JPEG_3X2, pngImage, WEBP_LOSSLESS_5X4, WEBP_LOSSY_5X4 } from "../../support/test-images";

describe("readImageHeader", () => {
  it("reads the type and size of real PNG, JPEG, WebP (lossy and lossless) and GIF images", () => {
    expect(readImageHeader(pngImage(7, 3))).toEqual({ contentType: "image/png", width: 7, height: 3 });
    expect(readImageHeader(pngImage(1200, 648))).toEqual({ contentType: "image/png", width: 1200, height: 648 });
    expect(readImageHeader(JPEG_3X2)).toEqual({ contentType: "image/jpeg", width: 3, height: 2 });
    expect(readImageHeader(WEBP_LOSSY_5X4)).toEqual({ contentType: "image/webp", width: 5, height: 4 });
    expect(readImageHeader(WEBP_LOSSLESS_5X4)).toEqual({ contentType: "image/webp", width: 5, height: 4 });
    expect(readImageHeader(GIF_1X1)).toEqual({ contentType: "image/gif", width: 1, height: 1 });
  });

  it("finds a JPEG's frame header past other segments (APP0, comments, fill bytes)", () => {
    const app0 = Buffer.from("ffe000104a46494600010100000100010000", "hex");
    const comment = Buffer.concat([Buffer.from("fffe0007", "hex"), Buffer.from("hello")]);
    const padded = Buffer.concat([JPEG_3X2.subarray(0, 2), app0, comment, Buffer.from([0xff]), JPEG_3X2.subarray(2)]);
    expect(readImageHeader(padded)).toEqual({ contentType: "image/jpeg", width: 3, height: 2 });
  });

  it("refuses what is not an image: HTML, SVG, text, empty bodies and other formats", () => {
    for (const text of ["<!doctype html><title>x</title>", '<svg xmlns="http://www.w3.org/2000/svg"/>', "GIF8 but not really", ""]) {
      expect(readImageHeader(Buffer.from(text)), text).toBeNull();
    }
    expect(readImageHeader(Buffer.from("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toBeNull();
    expect(readImageHeader(Buffer.from("%PDF-1.7\n"))).toBeNull();
  });

  it("refuses truncated headers and impossible sizes", () => {
    expect(readImageHeader(pngImage(4, 4).subarray(0, 20))).toBeNull();
    expect(readImageHeader(JPEG_3X2.subarray(0, 143))).toBeNull();
    expect(readImageHeader(WEBP_LOSSY_5X4.subarray(0, 26))).toBeNull();
    expect(readImageHeader(pngImage(0, 4))).toBeNull();
    const huge = pngImage(1, 1);
    huge.writeUInt32BE(MAX_IMAGE_SIDE + 1, 16);
    expect(readImageHeader(huge)).toBeNull();
    // A PNG signature whose first chunk is not IHDR.
    const noHeader = pngImage(2, 2);
    noHeader.write("tEXt", 12, "latin1");
    expect(readImageHeader(noHeader)).toBeNull();
  });
});
