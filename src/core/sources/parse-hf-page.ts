// Reads Hugging Face paper pages (/papers/date/…, /week/…, /month/…, /trending, /papers/<id>) from their embedded JSON.
import { hfItemId, hfItemToDraft, looksLikeHfItem } from "./hf-item";
import { extractPropsBlocks, type TPropsBlock } from "./hf-props";
import { utcDayOf } from "./dates";
import { isRecord } from "./field-values";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, safely } from "./parse-result";

type TPapersComponent = { items: unknown[]; pageDay: string | undefined };

// Keys seen for paper lists, best first; any other array of paper-like items is accepted after these.
const LIST_KEYS = ["dailyPapers", "papers", "trendingPapers", "searchResults", "recentPapers"];

/** The day a Daily Papers page lists: `date` (2024's pages), or `dateString` (today's, beside `periodType`), when it names a day. */
function pageDayOf(props: Record<string, unknown>): string | undefined {
  const day = [props.date, props.dateString].find((date): date is string => typeof date === "string" && /^\d{4}-\d{2}-\d{2}/.test(date));
  return day === undefined ? undefined : utcDayOf(day);
}

/** Arrays of paper-like items inside `props`, searched two levels deep, with their key. */
function paperArrays(props: Record<string, unknown>, depth = 0): { key: string; items: unknown[] }[] {
  const found: { key: string; items: unknown[] }[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (Array.isArray(value)) {
      const paperLike = value.filter(looksLikeHfItem).length;
      if (value.length > 0 && paperLike * 2 >= value.length) found.push({ key, items: value });
    } else if (isRecord(value) && depth < 2) {
      found.push(...paperArrays(value, depth + 1));
    }
  }
  return found;
}

function listRank(key: string): number {
  const rank = LIST_KEYS.indexOf(key);
  return rank < 0 ? LIST_KEYS.length : rank;
}

/**
 * Picks the component holding the papers: a Daily Papers list (even an empty one), else a single
 * paper page's `paper`, else the best other list of paper-like items (trending, search).
 */
function findPapersComponent(blocks: TPropsBlock[]): TPapersComponent | undefined {
  for (const { props } of blocks) {
    if (props && Array.isArray(props.dailyPapers)) return { items: props.dailyPapers, pageDay: pageDayOf(props) };
  }
  for (const { props } of blocks) {
    if (props && looksLikeHfItem(props.paper)) return { items: [props], pageDay: pageDayOf(props) };
  }
  const lists = blocks.flatMap(({ props }) => (props ? paperArrays(props).map((list) => ({ ...list, pageDay: pageDayOf(props) })) : []));
  lists.sort((a, b) => listRank(a.key) - listRank(b.key) || b.items.length - a.items.length);
  const best = lists[0];
  return best === undefined ? undefined : { items: best.items, pageDay: best.pageDay };
}

export function parseHfPage(body: string, ctx: TParseContext): TParseResult {
  return safely("hf-page", body, ctx, (html) => {
    const blocks = extractPropsBlocks(html);
    const component = findPapersComponent(blocks);
    if (component === undefined) {
      const broken = blocks.find((b) => b.problem !== undefined && (b.target === undefined || /paper/i.test(b.target)));
      return fatalResult("hf-page", broken ? `${broken.target ?? "component"}: ${broken.problem}` : "no papers component found (format changed?)");
    }
    const result = new ResultBuilder("hf-page");
    result.expected = component.items.length;
    component.items.forEach((item, index) => {
      result.item({ index, id: hfItemId(item) }, () => hfItemToDraft(item, component.pageDay));
    });
    return result.done();
  });
}
