// Reads behind the admin list pages, bound to the shared database client, and the one schema for their search boxes.
import { z } from "zod";
import { hasControlChars, NO_CONTROL_CHARS } from "@/core/text/control-chars";
import { countSubscribersByState, searchSubscribers, type TSubscriberState } from "../repo/admin-subscribers";
import { searchAdminPapers } from "../repo/admin-papers";
import { listDigestRunsForAdmin, listIngestRunsForAdmin } from "../repo/admin-runs";
import { listAudit } from "../repo/audit-log";
import { summarizeStrandedDeliveries } from "../repo/deliveries";
import { adminContext } from "./admin-context";

/**
 * What an admin types into a search box or the digest preview (?q=, ?action=, ?preview=): PostgreSQL would refuse a NUL in it. A
 * parameter given twice (?q=a&q=b) is read as its first value, as the public pages read theirs.
 */
export const ZAdminSearch = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z
    .string()
    .trim()
    .max(320, "must be at most 320 characters")
    .refine((q) => !hasControlChars(q), NO_CONTROL_CHARS),
);

export const loadIngestRuns = () => listIngestRunsForAdmin({ db: adminContext().db, limit: 40 });
export const loadAdminPapers = (query?: string, hiddenOnly?: boolean) => searchAdminPapers({ db: adminContext().db, query, hiddenOnly, limit: 50 });
export const loadDigestRuns = () => listDigestRunsForAdmin({ db: adminContext().db, limit: 30 });
export const loadStrandedDeliveries = () => summarizeStrandedDeliveries({ db: adminContext().db });
export const loadAudit = (action?: string) => listAudit({ db: adminContext().db, action, limit: 200 });

export async function loadSubscribers(query?: string, status?: TSubscriberState) {
  const db = adminContext().db;
  const [counts, rows] = await Promise.all([countSubscribersByState({ db }), searchSubscribers({ db, query, status, limit: 100 })]);
  return { counts, rows };
}
