// Drops every cached feed read and page in this Next process: the "papers" tag, the App Router route cache and the Pages Router front page.
import { postCronEndpoint } from "../http/post-cron-endpoint";
import { logger } from "../logger";
import { PAPERS_TAG } from "./load-feed";

/** This process's own address: `next start` records it, so the front page is regenerated here and not on another instance. */
function localOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
}

async function revalidateFrontPage(cronSecret: string): Promise<void> {
  await postCronEndpoint(`${localOrigin()}/api/revalidate-front-page`, cronSecret);
}

/** For route handlers and background jobs inside the Next server; server actions use updateTag instead, then revalidateFrontPage. */
export async function revalidateFeed(cronSecret: string): Promise<void> {
  const { revalidatePath, revalidateTag } = await import("next/cache");
  revalidateTag(PAPERS_TAG, { expire: 0 });
  revalidatePath("/", "layout");
  await revalidateFrontPage(cronSecret);
}

/** For server actions: updateTag gives the admin read-your-writes; the front page follows best-effort, since the write has already landed. */
export async function revalidateFeedAfterEdit(cronSecret: string): Promise<void> {
  const { revalidatePath, updateTag } = await import("next/cache");
  updateTag(PAPERS_TAG);
  revalidatePath("/", "layout");
  await revalidateFrontPage(cronSecret).catch((err: unknown) => logger.warn({ err }, "front page revalidation after an admin edit failed"));
}
