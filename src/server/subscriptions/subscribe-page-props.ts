// Props for the subscribe page's zero-JS Pages Router pages: the cached form beside last week's digest for one set of interests
// (src/server/http/cached-views.ts rewrites "/subscribe?keywords=…" to /subscribe/preview/<segment>), and the per-request answer to the form's POST.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { GetServerSidePropsResult, GetStaticPropsResult } from "next";
import { ZodError, type z } from "zod";
import { jsonValue } from "@/core/json-value";
import { queryValues } from "@/core/query-values";
import { viewSegmentQuery } from "@/core/search";
import { getConfig } from "../config";
import { AppError, retryAfterHeader } from "../errors/app-error";
import { knownError } from "../errors/known-error";
import { FEED_REVALIDATE_SECONDS } from "../feed/cache-tags";
import { loadOrFallback } from "../feed/load-feed";
import { MAX_PUBLIC_BODY_BYTES } from "../http/body-limits";
import { clientAddress } from "../http/client-address";
import { readBody, refuseUnreadable } from "../http/read-body";
import type { TPreviewPanel } from "../digest/preview-digest";
import { errorState, formValues, IDLE_STATE, okState, type TFormState } from "./form-state";
import { loadDigestPreview, submitSubscription } from "./subscription-service";
import { previewQueryToInterests, ZInterests } from "./subscription-input";

/** `interests`: what the form shows and the preview is for; `state`: the answer to a submitted form (idle on the cached pages). */
export type TSubscribePageProps = { preview: TPreviewPanel; interests: TInterests; state: TFormState; appUrl: string };

type TInterests = z.output<typeof ZInterests>;

/**
 * The preview beside the form when the database could not give one: too busy, or not there during `next build` (that page is rendered
 * again on its first request). Its own state, so the form never says that interests matched nothing when they were not looked at.
 */
const PREVIEW_UNAVAILABLE: TPreviewPanel = { unavailable: true };

/**
 * The preview of `raw` interests, or of none with the fields' errors when they do not parse (never a 5xx for a bad query), loaded by
 * `load`.
 */
async function previewFor(raw: unknown, state: TFormState, load: (interests: TInterests) => Promise<TPreviewPanel>): Promise<TSubscribePageProps> {
  const parsed = ZInterests.safeParse(raw);
  const interests = parsed.success ? parsed.data : ZInterests.parse({});
  const fieldErrors = parsed.success ? state.fieldErrors : { ...errorState(parsed.error).fieldErrors, ...state.fieldErrors };
  const props = { preview: await load(interests), interests, state: { ...state, fieldErrors }, appUrl: getConfig().APP_URL };
  // Props must be JSON: optional fields left undefined are dropped here.
  return jsonValue(props);
}

/** A cached page's preview: a failure fails the render, so nothing is cached (and a stale copy is kept); `next build` renders it unavailable. */
const cachedPreview = (interests: TInterests) => loadOrFallback<TPreviewPanel>(() => loadDigestPreview(interests), PREVIEW_UNAVAILABLE);

/**
 * The form's answer says how the submission went even when the database is too busy for the preview beside it, which then says it
 * could not load; after a submission the busy database refused, it is not asked again (that would be a second wait for a connection).
 */
const answerPreview =
  (submissionBusy: boolean) =>
  async (interests: TInterests): Promise<TPreviewPanel> => {
    if (submissionBusy) return PREVIEW_UNAVAILABLE;
    try {
      return await loadDigestPreview(interests);
    } catch (err) {
      if (knownError(err)?.code === "UNAVAILABLE") return PREVIEW_UNAVAILABLE;
      throw err;
    }
  };

/** /subscribe and /subscribe/preview/<segment>: cached until the feed changes, like the feed's pages. */
export async function subscribePageProps(segment: string): Promise<GetStaticPropsResult<TSubscribePageProps>> {
  const query = viewSegmentQuery(segment) ?? new URLSearchParams();
  return { props: await previewFor(previewQueryToInterests(query), IDLE_STATE, cachedPreview), revalidate: FEED_REVALIDATE_SECONDS };
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

async function readForm(req: IncomingMessage, headers: Headers): Promise<FormData> {
  const type = headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw new AppError("INVALID_INPUT", "Send the subscribe form as a form post (application/x-www-form-urlencoded).");
  }
  refuseUnreadable(headers);
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  const text = await readBody(new Request("http://form.invalid/", { method: "POST", headers, body, duplex: "half" } as RequestInit), MAX_PUBLIC_BODY_BYTES);
  // A multipart body that does not parse never gets here: the proxy's form-post guard answers it with a 400.
  return new Response(text, { headers: { "content-type": type } }).formData();
}

/**
 * The form's POST to /subscribe/submit, which works without JavaScript: the same server function as POST /api/subscribe (validation,
 * honeypot, per-client limit, the same answer for every address), answered with the page showing the outcome and a 4xx status
 * for a rejected form. A GET is sent to the form.
 */
export async function subscribeFormProps({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<GetServerSidePropsResult<TSubscribePageProps>> {
  if (req.method !== "POST") return { redirect: { destination: "/subscribe", statusCode: 303 } };
  const headers = requestHeaders(req);
  let form: FormData | null = null;
  let state: TFormState;
  let busy = false;
  try {
    form = await readForm(req, headers);
    await submitSubscription(queryValues(form), clientAddress(headers));
    state = okState("Check your inbox: we sent a link to confirm your subscription. Nothing else is sent until you confirm.");
  } catch (err) {
    const known = knownError(err);
    busy = known?.code === "UNAVAILABLE";
    state = { ...errorState(known ?? err), values: form ? formValues(form) : undefined };
    res.statusCode = known ? known.status : err instanceof ZodError ? 400 : 500;
    const retry = known ? retryAfterHeader(known) : undefined;
    if (retry) res.setHeader("Retry-After", retry["Retry-After"]!);
  }
  return { props: await previewFor(form ? queryValues(form) : {}, state, answerPreview(busy)) };
}
