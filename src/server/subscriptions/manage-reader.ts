// What the manage page shows and changes about a subscriber as a reader: their feedback presses (each undoable), followed names,
// private feed URLs (rotatable), the browsers that recognise them, and a download of everything stored about them.
import { z } from "zod";
import { nameKey } from "@/core/text/name-key";
import { ZRowId } from "@/core/row-id";
import { privateFeedUrls } from "../feed/private-feed";
import type { TFeedFormat } from "../feed/render-feeds";
import { readerCookies, type TReaderCookie } from "../reader/reader-cookie";
import { ZFollowKind, ZFollowName } from "../reader/reader-input";
import {
  addFollow,
  bumpGeneration,
  getGenerations,
  listFollows,
  listSubscriberFeedback,
  removeFeedback,
  removeFollow,
  type TFeedbackEntry,
  type TFollow,
} from "../repo/reader-feedback";
import { loadManagedSubscriber, type TManageDeps } from "./manage-subscription";

export type TReaderDeps = TManageDeps & { appUrl: string };

export type TReaderOverview = { feedback: TFeedbackEntry[]; follows: TFollow[]; feedUrls: Record<TFeedFormat, string> };

export async function loadReaderOverview(deps: TReaderDeps): Promise<TReaderOverview> {
  const subscriber = await loadManagedSubscriber(deps);
  const db = deps.db;
  const [feedback, follows, generations] = await Promise.all([
    listSubscriberFeedback({ db, subscriberId: subscriber.id }),
    listFollows({ db, subscriberId: subscriber.id }),
    getGenerations({ db, subscriberId: subscriber.id }),
  ]);
  const feedUrls = privateFeedUrls({ ...deps, subscriberId: subscriber.id, feedGeneration: generations?.feedGeneration ?? 0 });
  return { feedback, follows, feedUrls };
}

export async function undoFeedback(deps: TManageDeps & { paperId: unknown }): Promise<void> {
  const paperId = ZRowId.parse(deps.paperId);
  const subscriber = await loadManagedSubscriber(deps);
  await removeFeedback({ db: deps.db, subscriberId: subscriber.id, paperId });
}

const ZFollowInput = z.object({ kind: ZFollowKind, label: ZFollowName });

/** Follows a typed name; its key (nameKey) is what papers are matched on, the label what the page shows. */
export async function followName(deps: TManageDeps & { input: unknown }): Promise<void> {
  const { kind, label } = ZFollowInput.parse(deps.input);
  const subscriber = await loadManagedSubscriber(deps);
  await addFollow({ db: deps.db, subscriberId: subscriber.id, follow: { kind, key: nameKey(label), label } });
}

const ZUnfollowInput = z.object({ kind: ZFollowKind, key: z.string().min(1).max(400) });

export async function unfollowName(deps: TManageDeps & { input: unknown }): Promise<void> {
  const { kind, key } = ZUnfollowInput.parse(deps.input);
  const subscriber = await loadManagedSubscriber(deps);
  await removeFollow({ db: deps.db, subscriberId: subscriber.id, kind, key });
}

/** A new private feed URL; every old one answers 410 from now on. */
export async function rotateFeedUrl(deps: TManageDeps): Promise<void> {
  const subscriber = await loadManagedSubscriber(deps);
  await bumpGeneration({ db: deps.db, subscriberId: subscriber.id, counter: "feedGeneration" });
}

/** Revokes every reader cookie handed out so far and returns fresh ones for the browser that asked, which stays recognised. */
export async function signOutOtherBrowsers(deps: TReaderDeps): Promise<TReaderCookie[]> {
  const subscriber = await loadManagedSubscriber(deps);
  const { readerGeneration } = await bumpGeneration({ db: deps.db, subscriberId: subscriber.id, counter: "readerGeneration" });
  return readerCookies({ ...deps, subscriberId: subscriber.id, generation: readerGeneration, now: deps.now });
}

/** "Download my data": the subscription, its interests, follows and feedback (with paper titles), as stored. */
export async function exportSubscriberData(deps: TManageDeps) {
  const subscriber = await loadManagedSubscriber(deps);
  const [feedback, follows] = await Promise.all([
    listSubscriberFeedback({ db: deps.db, subscriberId: subscriber.id }),
    listFollows({ db: deps.db, subscriberId: subscriber.id }),
  ]);
  const { id: _id, keywords, categories, onlyWithCode, minUpvotes, negativeKeywords, ...subscription } = subscriber;
  return {
    exportedAt: deps.now.toISOString(),
    subscription,
    interests: { keywords, categories, onlyWithCode, minUpvotes, negativeKeywords },
    follows: follows.map(({ kind, label }) => ({ kind, name: label })),
    feedback: feedback.map((f) => ({ paperId: f.paperId, arxivId: f.arxivId, title: f.title, kind: f.kind, at: f.createdAt.toISOString() })),
  };
}
