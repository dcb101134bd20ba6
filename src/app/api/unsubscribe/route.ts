// /api/unsubscribe?token=: GET shows a confirm button (scanners prefetch links); POST unsubscribes at once (RFC 8058 one-click).
import { ZLinkToken } from "@/server/auth/secrets";
import { MAX_PUBLIC_BODY_BYTES } from "@/server/http/body-limits";
import { readBody } from "@/server/http/read-body";
import { linkProblem, otherMethods } from "@/server/http/respond";
import { loadSubscription, unsubscribeWithToken } from "@/server/subscriptions/subscription-service";
import { renderLinkPage } from "@/server/subscriptions/link-page";

export const dynamic = "force-dynamic";

const INCOMPLETE = "This unsubscribe link is incomplete. Use the link from the email as it is.";

/** The page says "subscribe again any time": it links to where that is done. */
const SUBSCRIBE_AGAIN = { href: "/subscribe", text: "Subscribe again" };

export async function GET(request: Request): Promise<Response> {
  try {
    const token = ZLinkToken.parse(new URL(request.url).searchParams.get("token"));
    const subscriber = await loadSubscription(token, "unsubscribe");
    if (subscriber.status === "unsubscribed")
      return renderLinkPage({ title: "You are unsubscribed", message: "This address gets no more digests.", status: 200, links: [SUBSCRIBE_AGAIN] });
    return renderLinkPage({
      title: "Unsubscribe from paper-digest?",
      message: "Press the button to stop all digests to this address. Nothing changes until you do.",
      status: 200,
      form: { action: `/api/unsubscribe?token=${encodeURIComponent(token)}`, button: "Unsubscribe", fields: { "List-Unsubscribe": "One-Click" } },
    });
  } catch (err) {
    return linkProblem(request, err, INCOMPLETE);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    // RFC 8058's body is "List-Unsubscribe=One-Click" and says nothing the token does not; it is read only to refuse an oversized one.
    await readBody(request, MAX_PUBLIC_BODY_BYTES);
    const token = ZLinkToken.parse(new URL(request.url).searchParams.get("token"));
    await unsubscribeWithToken(token, "unsubscribe");
    return renderLinkPage({
      title: "You are unsubscribed",
      message: "You will get no more digests at this address. Changed your mind? Subscribe again any time.",
      status: 200,
      links: [SUBSCRIBE_AGAIN],
    });
  } catch (err) {
    return linkProblem(request, err, INCOMPLETE);
  }
}

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
