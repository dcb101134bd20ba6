// GET /api/admin/subscribers.csv: every subscriber as CSV. Admin only, audited; reading it changes nothing else.
import { adminContext } from "@/server/admin/admin-context";
import { exportSubscribersCsv } from "@/server/admin/export-subscribers";
import { requireAdmin } from "@/server/auth/require-admin";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  const actor = await requireAdmin(request);
  const { db, now } = adminContext();
  const body = await exportSubscribersCsv({ db, actor, now });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subscribers-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
