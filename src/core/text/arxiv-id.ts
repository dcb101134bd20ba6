// Every source spells arXiv ids differently (URL, "arXiv:" prefix, OAI guid, with or without version); this finds the one id.

export type TArxivIdParts = { id: string; version?: number };

/** The canonical, versionless form of an id, as parseArxivId returns it: 2408.00714 or hep-th/9901001. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?\/\d{7})$/;

/** An arXiv category as arXiv spells it: an archive, with a subject class after a dot (cs.CL, q-bio.NC, cond-mat.mes-hall, hep-ex). */
export const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

const PREFIX = /^(?:oai:arxiv\.org:|arxiv:|(?:https?:)?(?:\/\/)?(?:www\.|export\.|browse\.|[a-z]{2}\.)?arxiv\.org\/(?:abs|pdf|html|format|ps)\/)/i;
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d{1,4}))?$/;
// Old ids are archive[.SUBJECT-CLASS]/YYMMNNN; arXiv's preferred external form drops the subject class
// (math.CA/0611800v2 → arXiv:math/0611800v2), which is also what the API returns, so we do the same.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d{1,4}))?$/i;
const FIND_ID = new RegExp(
  String.raw`(?:arxiv\.org\/(?:abs|pdf|html)\/|arxiv:\s?|huggingface\.co\/papers\/)` +
    String.raw`(\d{4}\.\d{4,5}(?:v\d{1,4})?|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7}(?:v\d{1,4})?)`,
  "gi",
);

function toVersion(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const version = Number.parseInt(raw, 10);
  return version >= 1 ? version : undefined;
}

function withVersion(id: string, version: number | undefined): TArxivIdParts {
  return version === undefined ? { id } : { id, version };
}

function isMonth(mm: string): boolean {
  const month = Number.parseInt(mm, 10);
  return month >= 1 && month <= 12;
}

/**
 * Parses "2408.00714", "2408.00714v2", "arXiv:2408.00714", "https://arxiv.org/abs/2408.00714v3",
 * "http://arxiv.org/pdf/2408.00714v1", "oai:arXiv.org:2408.00714", "math.GT/0309136v1".
 * Returns the versionless id and the version when one is written, or null.
 */
export function parseArxivId(input: string): TArxivIdParts | null {
  if (typeof input !== "string" || input.length > 300) return null;
  const bare = input
    .trim()
    .replace(PREFIX, "")
    .replace(/[?#].*$/, "")
    .replace(/\.pdf$/i, "")
    .replace(/\/+$/, "");

  const fresh = NEW_STYLE.exec(bare);
  if (fresh) {
    const [, yy, mm, seq, v] = fresh;
    if (yy === undefined || mm === undefined || seq === undefined || !isMonth(mm)) return null;
    return withVersion(`${yy}${mm}.${seq}`, toVersion(v));
  }
  const old = OLD_STYLE.exec(bare);
  if (old) {
    const [, archive, yy, mm, seq, v] = old;
    if (archive === undefined || yy === undefined || mm === undefined || seq === undefined || !isMonth(mm)) return null;
    return withVersion(`${archive.toLowerCase()}/${yy}${mm}${seq}`, toVersion(v));
  }
  return null;
}

/** Finds explicitly marked arXiv ids in free text ("arXiv:2403.12345", "arxiv.org/abs/…", "huggingface.co/papers/…"). */
export function findArxivIds(text: string): TArxivIdParts[] {
  const found: TArxivIdParts[] = [];
  for (const match of text.matchAll(FIND_ID)) {
    const parsed = match[1] === undefined ? null : parseArxivId(match[1]);
    if (parsed && !found.some((f) => f.id === parsed.id)) found.push(parsed);
  }
  return found;
}
