// POST /api/revalidate-front-page (Bearer CRON_SECRET): regenerates the Pages Router front page (on-demand ISR); revalidateFeed calls it after every write.
import { requireBearer } from "@/server/auth/bearer";
import { getConfig } from "@/server/config";
import { AppError } from "@/server/errors/app-error";
import { handlePagesApi } from "@/server/http/respond-pages-api";

export default handlePagesApi(async (req, res) => {
  if (req.method !== "POST") throw new AppError("METHOD_NOT_ALLOWED", "Use POST.");
  requireBearer(req.headers.authorization, getConfig().CRON_SECRET, "This endpoint");
  await res.revalidate("/");
  res.status(200).json({ revalidated: true });
});
