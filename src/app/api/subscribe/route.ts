// POST /api/subscribe (JSON): the subscribe form for API clients. Same answer for every address; 400, 413 or 429 otherwise.
import type { z } from "zod";
import type { ZSubscribeAccepted } from "@/server/http/api-schemas";
import { MAX_PUBLIC_BODY_BYTES } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-body";
import { handleRoute, otherMethods } from "@/server/http/respond";
import { clientAddress } from "@/server/http/client-address";
import { submitSubscription } from "@/server/subscriptions/subscription-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const body = await readJsonBody(request, MAX_PUBLIC_BODY_BYTES, 'e.g. {"email":"you@example.org","frequency":"weekly"}');
  await submitSubscription(body, clientAddress(request.headers));
  const answer: z.output<typeof ZSubscribeAccepted> = { message: "Check your inbox: we sent a link to confirm your subscription." };
  return Response.json(answer, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
