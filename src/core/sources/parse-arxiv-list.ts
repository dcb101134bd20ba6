// Reads arXiv's /list/<cat>/new and /list/<cat>/recent HTML pages (current and pre-2024 markup).
import { load, type CheerioAPI } from "cheerio/slim";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { sectionOf, type TListingSection } from "./arxiv-announce-type";
import { readDt, entryTitle, entryToDraft, type TEntryMarks } from "./arxiv-list-entry";
import { findDayMonthYear, utcDay } from "./dates";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, quoteStart, safely } from "./parse-result";

type TCounts = { shown: number; total: number };

const PAGE_DATE = /showing new listings for\s+(.+)/i;
// "showing 47 of 47", "showing first 25 of 110", "showing 26 through 50 of 110", and a day carried over from the previous page of a
// paged /recent listing: "continued, showing last 2 of 120".
const COUNTS = /showing\s+(?:(?:first|last)\s+)?(\d+)(?:\s*(?:through|to|-|–)\s*(\d+))?\s+of\s+(\d+)/i;

function countsOf(heading: string): TCounts | undefined {
  const m = COUNTS.exec(heading);
  if (!m?.[1] || !m[3]) return undefined;
  const from = Number.parseInt(m[1], 10);
  const shown = m[2] === undefined ? from : Number.parseInt(m[2], 10) - from + 1;
  return { shown: Math.max(0, shown), total: Number.parseInt(m[3], 10) };
}

/** The day a /new page announces: "Showing new listings for Tuesday, 28 July 2026", or the old dateline. */
function pageDayOf($: CheerioAPI): string | undefined {
  for (const el of $("h3").toArray()) {
    const m = PAGE_DATE.exec(normalizeWhitespace($(el).text()));
    if (m?.[1]) return findDayMonthYear(m[1]);
  }
  // Pre-2024: "Submissions received from Fri 26 Jan 24 to Mon 29 Jan 24, announced Tue, 30 Jan 24".
  const dateline = normalizeWhitespace($(".list-dateline").first().text());
  const announced = /announced\s+(.+)$/i.exec(dateline);
  return findDayMonthYear(announced?.[1] ?? dateline);
}

/** "cs.CL" from the page URL or from the page's own /list/<cat>/… links. */
function listingCategoryOf($: CheerioAPI, url: string | undefined): string | undefined {
  const fromUrl = url === undefined ? null : /\/list\/([^/?#]+)\//.exec(url);
  if (fromUrl?.[1]) return fromUrl[1];
  for (const a of $("#dlpage a[href*='/list/']").toArray()) {
    const m = /\/list\/([^/?#]+)\/(?:new|recent|pastweek)/.exec($(a).attr("href") ?? "");
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function looksLikeListing($: CheerioAPI, html: string): boolean {
  return (
    $("#dlpage, dl#articles, .list-title, .list-identifier, .list-dateline").length > 0 ||
    /showing new listings for|no updates (?:today|for this time period)/i.test(html)
  );
}

export function parseArxivList(body: string, ctx: TParseContext): TParseResult {
  return safely("arxiv-list", body, ctx, (html) => {
    const $ = load(html);
    if (!looksLikeListing($, html)) return fatalResult("arxiv-list", "not an arXiv listing page (no #dlpage / articles list)");

    const result = new ResultBuilder("arxiv-list");
    const pageDay = pageDayOf($) ?? utcDay(ctx.now);
    const listingCategory = listingCategoryOf($, ctx.url);
    let section: TListingSection = { announceType: undefined, isDay: false, day: undefined };
    let shownSum = 0;
    let totalSum = 0;
    let countedSections = 0;
    let entries = 0;
    let pending: { marks: TEntryMarks; index: number } | undefined;

    const flushDtWithoutDd = (): void => {
      if (pending) result.fail({ index: pending.index, id: pending.marks.rawId }, "entry has a <dt> but no <dd>");
      pending = undefined;
    };

    for (const el of $("h3, dt, dd").toArray()) {
      if (el.name === "h3") {
        const heading = normalizeWhitespace($(el).text());
        const next = sectionOf(heading);
        if (next === undefined) continue;
        flushDtWithoutDd();
        section = next;
        const counts = countsOf(heading);
        if (counts) {
          shownSum += counts.shown;
          totalSum += counts.total;
          countedSections += 1;
        }
      } else if (el.name === "dt") {
        flushDtWithoutDd();
        pending = { marks: readDt(el), index: entries };
        entries += 1;
      } else if (pending) {
        const { marks, index } = pending;
        pending = undefined;
        const entryCtx = { listedOn: section.day ?? pageDay, section, listingCategory };
        result.item({ index, id: marks.rawId }, () => entryToDraft(marks, el, entryCtx));
      } else {
        // The id lives in the <dt>; a <dd> without one is still an entry, reported by its title.
        result.fail({ index: entries }, `entry has a <dd> but no <dt>: ${quoteStart(entryTitle(el))}`);
        entries += 1;
      }
    }
    flushDtWithoutDd();

    result.expected = countedSections > 0 ? shownSum : entries;
    const pagingTotal = /Total of (\d+) entries/i.exec(normalizeWhitespace($(".paging").first().text()));
    result.totalResults = pagingTotal?.[1] ? Number.parseInt(pagingTotal[1], 10) : countedSections > 0 ? totalSum : undefined;

    const parsed = result.papers.length + result.errors.length;
    if (!/<\/html\s*>/i.test(html.slice(-4096)) && (countedSections === 0 || parsed < shownSum)) {
      return fatalResult("arxiv-list", `page is truncated (read ${entries} entries, no closing </html>)`, {
        expected: result.expected,
      });
    }
    return result.done();
  });
}
