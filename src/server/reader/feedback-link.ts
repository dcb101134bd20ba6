// A digest's "More like this" / "Less like this" link (/feedback/<token>?paper=&kind=): the GET only shows the paper and one button,
// since mail scanners open every link; the POST records the press (the latest press on a paper wins) and recognises the browser.
import { z } from "zod";
import { ZLinkToken } from "../auth/secrets";
import { paperPath } from "@/core/digest/paper-links";
import { ZRowId } from "@/core/row-id";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { findFeedback, findFeedbackPaper, getGenerations, recordFeedback, type TFeedbackKind } from "../repo/reader-feedback";
import { loadManagedSubscriber } from "../subscriptions/manage-subscription";
import { signSubscriberToken } from "../subscriptions/subscription-links";
import { readerCookies, type TReaderCookie } from "./reader-cookie";

const ZFeedbackLink = z.object({
  token: ZLinkToken,
  paper: ZRowId,
  kind: z.enum(["more", "less"]),
});

export type TFeedbackLinkDeps = { db: Db; secret: string; appUrl: string; now: Date; token: string; params: URLSearchParams };

export type TFeedbackLinkView = {
  paper: { id: number; title: string; path: string };
  kind: TFeedbackKind;
  /** The press this link makes is already the subscriber's latest on this paper. */
  recorded: boolean;
  managePath: string;
};

async function openLink(deps: TFeedbackLinkDeps): Promise<TFeedbackLinkView & { subscriberId: number }> {
  const parsed = ZFeedbackLink.safeParse({ token: deps.token, paper: deps.params.get("paper") ?? undefined, kind: deps.params.get("kind") ?? undefined });
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", "incomplete feedback link", { userMessage: "This link is incomplete. Use the link from the email as it is." });
  const { token, paper: paperId, kind } = parsed.data;
  const subscriber = await loadManagedSubscriber({ db: deps.db, secret: deps.secret, token, now: deps.now, purpose: "feedback" });
  const paper = await findFeedbackPaper({ db: deps.db, paperId });
  if (!paper) throw new AppError("NOT_FOUND", `no paper ${paperId}`, { userMessage: "This paper is no longer on paper-digest." });
  const recorded = (await findFeedback({ db: deps.db, subscriberId: subscriber.id, paperId })) === kind;
  const manage = signSubscriberToken({ secret: deps.secret, purpose: "manage", subscriberId: subscriber.id, now: deps.now });
  return {
    subscriberId: subscriber.id,
    paper: { id: paper.id, title: paper.title, path: paperPath(paper) },
    kind,
    recorded,
    managePath: `/subscription/${manage}`,
  };
}

/** What the link would record, and whether it already has; records nothing. */
export async function viewFeedbackLink(deps: TFeedbackLinkDeps): Promise<TFeedbackLinkView> {
  const { subscriberId: _id, ...view } = await openLink(deps);
  return view;
}

/** Records the press and returns the reader cookies for this browser. */
export async function pressFeedbackLink(deps: TFeedbackLinkDeps): Promise<{ view: TFeedbackLinkView; cookies: TReaderCookie[] }> {
  const { subscriberId, ...view } = await openLink(deps);
  if (!(await recordFeedback({ db: deps.db, subscriberId, paperId: view.paper.id, kind: view.kind, now: deps.now })))
    throw new AppError("NOT_FOUND", `no paper ${view.paper.id}`, { userMessage: "This paper is no longer on paper-digest." });
  const generations = await getGenerations({ db: deps.db, subscriberId });
  const cookies = generations ? readerCookies({ ...deps, subscriberId, generation: generations.readerGeneration }) : [];
  return { view: { ...view, recorded: true }, cookies };
}
