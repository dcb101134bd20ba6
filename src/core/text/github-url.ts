// Code links arrive as "github.com/foo/bar.", "https://www.github.com/foo/bar.git" or inside prose; we store one form.

const GITHUB_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?github\.com\/[^\s<>"'`()[\]{}|\\^]+/gi;
const HOST_PREFIX = /^(?:git\+)?(?:https?:\/\/|git:\/\/|ssh:\/\/git@|git@)?(?:www\.)?github\.com[/:]/i;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>'"*`]+$/;
// First path segments that are GitHub pages rather than accounts.
const RESERVED_OWNERS = new Set([
  "about",
  "apps",
  "collections",
  "enterprise",
  "explore",
  "features",
  "issues",
  "login",
  "marketplace",
  "notifications",
  "orgs",
  "pricing",
  "pulls",
  "search",
  "security",
  "settings",
  "site",
  "sponsors",
  "topics",
  "trending",
]);

/**
 * Normalises a GitHub repository reference to "https://github.com/owner/repo", keeping a
 * /tree/… or /blob/… sub path (it points at the exact project inside a monorepo). Returns null
 * for anything that is not a repository link.
 */
export function normalizeGithubUrl(input: string): string | null {
  if (typeof input !== "string" || input.length > 2000) return null;
  const trimmed = input.trim().replace(TRAILING_PUNCTUATION, "");
  if (!HOST_PREFIX.test(trimmed)) return null;
  const path = trimmed.replace(HOST_PREFIX, "").replace(/[?#].*$/, "");
  const segments = path.split("/").filter((s) => s.length > 0);
  const [owner, rawRepo, kind, ...rest] = segments;
  if (owner === undefined || rawRepo === undefined) return null;
  const repo = rawRepo.replace(TRAILING_PUNCTUATION, "").replace(/\.git$/i, "");
  if (!OWNER.test(owner) || RESERVED_OWNERS.has(owner.toLowerCase())) return null;
  if (!REPO.test(repo) || repo === "." || repo === "..") return null;
  const base = `https://github.com/${owner}/${repo}`;
  if ((kind === "tree" || kind === "blob") && rest.length > 0) {
    const sub = rest.join("/").replace(TRAILING_PUNCTUATION, "");
    return sub.length > 0 ? `${base}/${kind}/${sub}` : base;
  }
  return base;
}

/** The first GitHub repository link found in free text, normalised, or null. */
export function findGithubUrl(text: string): string | null {
  for (const match of text.matchAll(GITHUB_IN_TEXT)) {
    const url = normalizeGithubUrl(match[0]);
    if (url) return url;
  }
  return null;
}
