// /feedback/<token>?paper=&kind=more|less, a digest's per-paper link: GET shows the paper and one button (scanners prefetch links and
// must record nothing); the POST records the press, recognises this browser (reader cookie) and links to the manage page.
import { linkProblem, otherMethods } from "@/server/http/respond";
import { serializeCookie } from "@/server/reader/reader-cookie";
import { pressFeedbackFromLink, viewFeedbackFromLink } from "@/server/reader/reader-service";
import type { TFeedbackLinkView } from "@/server/reader/feedback-link";
import { renderLinkPage } from "@/server/subscriptions/link-page";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<{ token: string }> };

const LABEL = { more: "More like this", less: "Less like this" } as const;

const INCOMPLETE = "This link is incomplete. Use the link from the email as it is.";

function donePage(view: TFeedbackLinkView, cookies: string[] = []): Response {
  return renderLinkPage({
    title: `Noted: ${LABEL[view.kind].toLowerCase()}`,
    message: `Your digests will ${view.kind === "more" ? "favour" : "hold back"} papers like “${view.paper.title}”. See or undo every press on your subscription page.`,
    status: 200,
    links: [
      { href: view.managePath, text: "Manage your subscription" },
      { href: view.paper.path, text: "Open the paper" },
    ],
    cookies,
  });
}

export async function GET(request: Request, { params }: TContext): Promise<Response> {
  try {
    const view = await viewFeedbackFromLink((await params).token, request.url);
    if (view.recorded) return donePage(view);
    return renderLinkPage({
      title: `${LABEL[view.kind]}?`,
      message: `“${view.paper.title}”: press the button to tell your digest you want ${view.kind === "more" ? "more" : "fewer"} papers like this one. Nothing is recorded until you do.`,
      status: 200,
      form: { action: new URL(request.url).pathname + new URL(request.url).search, button: LABEL[view.kind] },
      links: [{ href: view.paper.path, text: "Open the paper" }],
    });
  } catch (err) {
    return linkProblem(request, err, INCOMPLETE);
  }
}

export async function POST(request: Request, { params }: TContext): Promise<Response> {
  try {
    const { view, cookies } = await pressFeedbackFromLink((await params).token, request);
    return donePage(view, cookies.map(serializeCookie));
  } catch (err) {
    return linkProblem(request, err, INCOMPLETE);
  }
}

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
