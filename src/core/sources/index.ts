// Where a listing becomes papers: one parser per source, all returning the same validated result.
import type { TListingParser, TParseContext, TParseResult } from "./normalized-paper";
import { parseArxivApi } from "./parse-arxiv-api";
import { parseArxivList } from "./parse-arxiv-list";
import { parseArxivRss } from "./parse-arxiv-rss";
import { fatalResult } from "./parse-result";
import { parseHfDaily } from "./parse-hf-daily";
import { parseHfPage } from "./parse-hf-page";
import { parseTextListing } from "./parse-text-listing";
import { SOURCE_IDS, ZSourceId, type TSourceId } from "./source-id";

export { SOURCE_IDS, ZSourceId, type TSourceId };
export { ZParseResult, type TParseContext, type TParseResult } from "./normalized-paper";
export {};

export const PARSERS: Readonly<Record<TSourceId, TListingParser>> = {
  "hf-daily": parseHfDaily,
  "hf-page": parseHfPage,
  "arxiv-list": parseArxivList,
  "arxiv-rss": parseArxivRss,
  "arxiv-api": parseArxivApi,
  text: parseTextListing,
};

/** Parses `body` as a listing of `source`; never throws. */
export function parseListing(source: TSourceId, body: string, ctx: TParseContext): TParseResult {
  const parsed = ZSourceId.safeParse(source);
  if (!parsed.success) return fatalResult("text", `unknown source "${String(source)}"`);
  return PARSERS[parsed.data](body, ctx);
}
