// Builds every link a digest contains: app links from the configured app URL only, arXiv links
// from a validated id, and code links only when they are plain http(s) URLs.
import type { TPaper } from "@/core/paper";

const ARXIV_ID_RE = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/** /papers/<arxivId>, or /papers/p-<id> for a paper known by title alone. */
export function paperPath(paper: Pick<TPaper, "id" | "arxivId">): string {
  // Encoding keeps an old-style id such as hep-th/9901001 in one path segment.
  return paper.arxivId ? `/papers/${encodeURIComponent(paper.arxivId)}` : `/papers/p-${paper.id}`;
}

/** The app's base URL without a trailing slash. Throws when it is not an absolute http(s) URL. */
export function normalizeAppUrl(appUrl: string): string {
  const url = safeHttpUrl(appUrl);
  if (!url) throw new RangeError(`appUrl must be an absolute http(s) URL, got "${appUrl}"`);
  return url.replace(/\/+$/, "");
}

export function arxivAbsUrl(arxivId: string | null | undefined): string | null {
  return arxivId && ARXIV_ID_RE.test(arxivId) ? `https://arxiv.org/abs/${arxivId}` : null;
}

/** The URL if it parses as http or https (not javascript:, data: and the like), else null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
