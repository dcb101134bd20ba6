// Small real images as bytes, for the thumbnail tests: PNGs encoded here (zlib and CRC-32), a GIF written by hand, and a JPEG and
// WebP bitstreams Chromium encoded from a canvas (metadata segments removed), wrapped here in their containers.
import { crc32, deflateSync } from "node:zlib";

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width × height RGB PNG of one colour. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [200, 60, 60]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", pixels),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A 1 × 1 GIF89a: a two-colour palette and one LZW-coded pixel. */
export const GIF_1X1 = Buffer.from("47494638396101000100800000000000ffffff2c00000000010001000002024401003b", "hex");

/** A 3 × 2 baseline JPEG (Chromium's encoder, quality 0.8). */
export const JPEG_3X2 = Buffer.from(
  "/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCWAAqu/9k=",
  "base64",
);

function riff(chunkType: "VP8 " | "VP8L", data: Buffer): Buffer {
  const chunk = Buffer.concat([Buffer.from(chunkType, "latin1"), Buffer.alloc(4), data, Buffer.alloc(data.length % 2)]);
  chunk.writeUInt32LE(data.length, 4);
  const head = Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.alloc(4), Buffer.from("WEBP", "latin1")]);
  head.writeUInt32LE(4 + chunk.length, 4);
  return Buffer.concat([head, chunk]);
}

/** A 5 × 4 lossy WebP (VP8 key frame). */
export const WEBP_LOSSY_5X4 = riff("VP8 ", Buffer.from("kAEAnQEqBQAEAAFAJiWgAnS6AAOYAP7u/5/8BdPdGLf/uDj/sHH/YOP3TAAAAA==", "base64"));

/** A 5 × 4 lossless WebP (VP8L). */
export const WEBP_LOSSLESS_5X4 = riff("VP8L", Buffer.from("2f04c0001007d0e32ad4a3808188e87f00", "hex"));
