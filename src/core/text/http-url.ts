// One test of whether a link may go into a page or a mail: a stored code or project URL, an address found in an abstract.

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
