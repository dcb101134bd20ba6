// What a fetched thumbnail really is, read from its first bytes: only JPEG, PNG, WebP and GIF with sane dimensions are stored,
// whatever the server's Content-Type claimed, so our origin never serves a page or a script disguised as an image.

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;

export type TImageType = (typeof IMAGE_TYPES)[number];

export const isImageType = (value: string): value is TImageType => (IMAGE_TYPES as readonly string[]).includes(value);

export type TImageHeader = { contentType: TImageType; width: number; height: number };

/** Larger sides are refused: a real thumbnail is far smaller, and a decoder bomb is not. */
export const MAX_IMAGE_SIDE = 8_192;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u24be = (b: Uint8Array, i: number) => (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
const u32be = (b: Uint8Array, i: number) => b[i]! * 2 ** 24 + u24be(b, i + 1);

type TSize = { width: number; height: number } | null;

function pngSize(b: Uint8Array): TSize {
  // The first chunk must be IHDR: length 13, then width and height as big-endian 32-bit numbers.
  if (b.length < 24 || !startsWith(b, ascii("IHDR"), 12)) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function gifSize(b: Uint8Array): TSize {
  return b.length < 10 ? null : { width: u16le(b, 6), height: u16le(b, 8) };
}

function webpSize(b: Uint8Array): TSize {
  if (b.length < 30) return null;
  if (startsWith(b, ascii("VP8 "), 12)) {
    // Lossy: a key frame's start code, then 14-bit width and height (the top two bits are scaling).
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (startsWith(b, ascii("VP8L"), 12)) {
    // Lossless: a 0x2f signature, then width - 1 and height - 1 in 14 bits each, least significant bit first.
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(b, ascii("VP8X"), 12)) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(b: Uint8Array): TSize {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    // Markers without a length: TEM, RST0-7. Start of scan (DA) or end of image (D9) before a frame header: no size to read.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) return i + 8 < b.length ? { width: u16be(b, i + 7), height: u16be(b, i + 5) } : null;
    i += 2 + length;
  }
  return null;
}

const READERS: readonly { type: TImageType; signature: readonly number[]; size: (b: Uint8Array) => TSize; also?: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size: pngSize },
  { type: "image/jpeg", signature: [0xff, 0xd8, 0xff], size: jpegSize },
  { type: "image/gif", signature: ascii("GIF8"), size: gifSize, also: (b) => startsWith(b, ascii("7a"), 4) || startsWith(b, ascii("9a"), 4) },
  { type: "image/webp", signature: ascii("RIFF"), size: webpSize, also: (b) => startsWith(b, ascii("WEBP"), 8) },
];

/** The image's type and size from its magic bytes and header; null for anything else, a truncated header, or an absurd size. */
export function readImageHeader(bytes: Uint8Array): TImageHeader | null {
  const reader = READERS.find((r) => startsWith(bytes, r.signature) && (r.also?.(bytes) ?? true));
  const size = reader?.size(bytes);
  if (!reader || !size) return null;
  const sane = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_IMAGE_SIDE;
  return sane(size.width) && sane(size.height) ? { contentType: reader.type, ...size } : null;
}
