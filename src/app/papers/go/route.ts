// The date picker's target: redirects to the day, week or month holding a date (the latest listing day by default).
import { queryValues } from "@/core/query-values";
import { z } from "zod";
import { periodOf, periodPath, toUtcDate } from "@/core/periods";
import { isValidDate } from "@/core/periods/utc-date";
import { AppError } from "@/server/errors/app-error";
import { loadNeighbourDays } from "@/server/feed/load-feed";
import { handleNavigation, otherMethods } from "@/server/http/respond";

const ZGo = z.object({
  view: z.enum(["day", "week", "month"], 'must be "day", "week" or "month"').default("day"),
  date: z.string().refine(isValidDate, "must be a date as YYYY-MM-DD").optional(),
});

export const GET = handleNavigation(async (request: Request) => {
  const url = new URL(request.url);
  const { view, date } = ZGo.parse(Object.fromEntries(Object.entries(queryValues(url.searchParams)).filter(([, v]) => v !== "")));
  const day = date ?? (await loadNeighbourDays("9999-12-31", "9999-12-31")).latestDay ?? toUtcDate(new Date());
  const period = periodOf(view, day);
  if (!period) throw new AppError("INVALID_INPUT", `Invalid "date": the ${view} holding ${day} reaches past the years 1000 to 9999.`);
  return new Response(null, { status: 307, headers: { location: periodPath(period) } });
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
