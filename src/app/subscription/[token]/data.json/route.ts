// GET /subscription/<token>/data.json: "Download my data", everything stored about the subscriber the manage link names.
import { handleRoute, otherMethods } from "@/server/http/respond";
import { exportWithToken } from "@/server/subscriptions/subscription-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) =>
  Response.json(await exportWithToken((await params).token), {
    headers: {
      "Content-Disposition": 'attachment; filename="paper-digest-data.json"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  }),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
