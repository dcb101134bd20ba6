// Builds every link a digest contains: app links from the configured app URL only, arXiv links
// from a validated id, and code links only when they are plain http(s) URLs.
import type { TPaper } from "@/core/paper";
import { ZRowId } from "@/core/row-id";
import { ARXIV_ID, parseArxivId } from "@/core/text/arxiv-id";
import { safeHttpUrl } from "@/core/text/http-url";

/** /papers/<arxivId>, or /papers/p-<id> for a paper known by title alone. */
export function paperPath(paper: Pick<TPaper, "id" | "arxivId">): string {
  // Encoding keeps an old-style id such as hep-th/9901001 in one path segment.
  return paper.arxivId ? `/papers/${encodeURIComponent(paper.arxivId)}` : `/papers/p-${paper.id}`;
}

/**
 * The paper a /papers/<key> path names (the router has already decoded it once), the inverse of paperPath:
 * an arXiv id in any spelling parseArxivId reads (with a version, old style), or p-<id>. Null for anything else.
 */
export function parsePaperKey(key: string): { arxivId: string } | { id: number } | null {
  // Ids of papers known by title alone are database ids.
  const internal = /^p-(\d+)$/.exec(key);
  if (internal) {
    const id = ZRowId.safeParse(internal[1]);
    return id.success ? { id: id.data } : null;
  }
  const parsed = parseArxivId(key);
  return parsed ? { arxivId: parsed.id } : null;
}

/** The app's base URL without a trailing slash. Throws when it is not an absolute http(s) URL. */
export function normalizeAppUrl(appUrl: string): string {
  const url = safeHttpUrl(appUrl);
  if (!url) throw new RangeError(`appUrl must be an absolute http(s) URL, got "${appUrl}"`);
  return url.replace(/\/+$/, "");
}

export function arxivAbsUrl(arxivId: string | null | undefined): string | null {
  return arxivId && ARXIV_ID.test(arxivId) ? `https://arxiv.org/abs/${arxivId}` : null;
}
