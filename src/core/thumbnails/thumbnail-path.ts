// Where our origin serves a stored thumbnail: /thumbnails/<paper id>-<hash>.<ext>. The hash changes with the bytes, so a URL
// names one image forever and can be cached as immutable; a URL with an old or made-up hash names nothing.
import { ZRowId } from "../row-id";
import type { TImageType } from "./image-header";

const EXTENSIONS: Readonly<Record<TImageType, string>> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif" };

/** Hex digits of the SHA-256 a URL carries: 64 bits tell versions of one paper's thumbnail apart. */
const HASH_CHARS = 16;

export type TThumbnailKey = { paperId: number; hash: string; contentType: TImageType };

/** The path of a stored thumbnail, from its paper, its bytes' SHA-256 (hex) and its type. */
export function thumbnailPath(opts: { paperId: number; sha256: string; contentType: TImageType }): string {
  return `/thumbnails/${opts.paperId}-${opts.sha256.slice(0, HASH_CHARS)}.${EXTENSIONS[opts.contentType]}`;
}

const FILE_NAME = new RegExp(`^(\\d{1,10})-([0-9a-f]{${HASH_CHARS}})\\.([a-z]{3,4})$`);

/** The paper, hash and type a `/thumbnails/` file name names; null when it is not one we could have written. */
export function parseThumbnailFileName(name: string): TThumbnailKey | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const id = ZRowId.safeParse(match[1]);
  const contentType = (Object.keys(EXTENSIONS) as TImageType[]).find((type) => EXTENSIONS[type] === match[3]);
  return id.success && contentType ? { paperId: id.data, hash: match[2]!, contentType } : null;
}

/** True when a stored image's SHA-256 is the one a URL's hash names. */
export function hashMatches(sha256: string, hash: string): boolean {
  return sha256.length === 64 && sha256.slice(0, HASH_CHARS) === hash;
}
