// Reads Hugging Face's daily-papers JSON API (https://huggingface.co/api/daily_papers) into normalised papers.
import { hfItemId, hfItemToDraft } from "./hf-item";
import { isRecord } from "./field-values";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, errorMessage, fatalResult, safely } from "./parse-result";

const LIST_KEYS = ["papers", "dailyPapers", "items", "results"] as const;

/** The item array: the documented top-level array, or `{ papers: [...] }`-style wrappers. */
function itemsOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (!isRecord(data)) return undefined;
  for (const key of LIST_KEYS) {
    const value = data[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

export function parseHfDaily(body: string, ctx: TParseContext): TParseResult {
  return safely("hf-daily", body, ctx, (text) => {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      return fatalResult("hf-daily", `malformed JSON: ${errorMessage(error)}`);
    }
    const items = itemsOf(data);
    if (items === undefined) {
      const apiError = isRecord(data) && typeof data.error === "string" ? `: ${data.error.slice(0, 200)}` : "";
      return fatalResult("hf-daily", `expected a JSON array of daily papers${apiError}`);
    }
    const result = new ResultBuilder("hf-daily");
    result.expected = items.length;
    items.forEach((item, index) => {
      result.item({ index, id: hfItemId(item) }, () => hfItemToDraft(item));
    });
    return result.done();
  });
}
