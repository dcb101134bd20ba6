// The JSON API's routes, listed once: /api/openapi.json, the /api page's curl examples and the conformance test are all built from
// this list, and each entry names the very schemas its route handler parses with and answers with (api-schemas.ts).
import { z } from "zod";
import { ADMIN_COOKIE } from "../auth/admin-cookie";
import { ERROR_STATUS, type TErrorCode } from "../errors/app-error";
import { ZIngestRequest } from "../ingest/ingest-params";
import { ZSubscribeInput } from "../subscriptions/subscription-input";
import { SUBSCRIBE_IP_LIMIT } from "../subscriptions/subscription-limits";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "./body-limits";
import {
  errorBody,
  ZHealthReady,
  ZHealthUnavailable,
  ZIngestConflict,
  ZIngestListQuery,
  ZIngestQueued,
  ZIngestRunPage,
  ZIngestRunParams,
  ZIngestRunResponse,
  ZPaperParams,
  ZPaperResponse,
  ZPapersQuery,
  ZPapersResponse,
  ZSubscribeAccepted,
} from "./api-schemas";

export type TApiResponse = {
  status: number;
  description: string;
  schema: z.ZodType;
  /** application/json unless said. */
  contentType?: string;
  headers?: Record<string, string>;
  /** An AppError's answer, written by errorResponse: a route that has these can also answer 500 the same way. */
  error?: true;
};

export type TApiRoute = {
  operationId: string;
  method: "GET" | "POST";
  /** OpenAPI's path template: /api/papers/{id}. */
  path: string;
  summary: string;
  description: string;
  auth: "public" | "admin";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** What each parameter or body field means, for the document. */
  notes?: Record<string, string>;
  responses: TApiResponse[];
  /** One working request: the /api page shows it as curl, the conformance test sends it. */
  example: { path: string; query?: Record<string, string>; body?: Record<string, unknown> };
};

const bytes = (n: number) => `${n.toLocaleString("en")} bytes`;

function failure(code: TErrorCode, description: string, schema: z.ZodType = errorBody(code)): TApiResponse {
  const retry = code === "RATE_LIMITED" ? { "Retry-After": "seconds to wait before trying again" } : undefined;
  return { status: ERROR_STATUS[code], description, schema, error: true, ...(retry ? { headers: retry } : {}) };
}

const unauthorized = failure("UNAUTHORIZED", "no valid admin token or session");
// Every route that takes a JSON body reads it through readJsonBody, so each refuses the same bodies.
const unreadableBody = failure(
  "UNSUPPORTED_MEDIA_TYPE",
  "the body is not declared as application/json, is compressed (Content-Encoding) or is declared in a charset other than UTF-8",
);

const FEED_NOTES = {
  q: 'full-text search (websearch syntax: "phrase", OR, -word) with author:Name filters',
  cat: "only papers of this arXiv category, e.g. cs.CL",
  code: '"1": only papers with a code repository',
  min: "only papers with at least this many upvotes",
  sort: "trending (relevance with q), new or top",
  cursor: "the nextCursor of the previous page",
  limit: "papers per page",
};

export const API_ROUTES: readonly TApiRoute[] = [
  {
    operationId: "listPapers",
    method: "GET",
    path: "/api/papers",
    summary: "List papers",
    description: "The feed as JSON, with the list filters of the site's pages and cursor pagination. Hidden papers never appear.",
    auth: "public",
    query: ZPapersQuery,
    notes: FEED_NOTES,
    responses: [
      { status: 200, description: "a page of papers", schema: ZPapersResponse },
      failure("INVALID_INPUT", "a parameter is malformed; the message names it"),
    ],
    example: { path: "/api/papers", query: { q: "diffusion", sort: "top", limit: "5" } },
  },
  {
    operationId: "getPaper",
    method: "GET",
    path: "/api/papers/{id}",
    summary: "One paper",
    description: "A paper with its metric history (upvotes and stars over time) and its similar papers.",
    auth: "public",
    params: ZPaperParams,
    notes: { id: "an arXiv id such as 2605.05242 (with or without a version); a paper known by its title alone (arxivId null) is p-<its id>, as in p-67" },
    responses: [
      { status: 200, description: "the paper", schema: ZPaperResponse },
      failure("INVALID_INPUT", "the id is over 300 characters"),
      failure("NOT_FOUND", "no such paper, or it is hidden"),
    ],
    example: { path: "/api/papers/2605.05242" },
  },
  {
    operationId: "subscribe",
    method: "POST",
    path: "/api/subscribe",
    summary: "Subscribe to the digest",
    description:
      "Starts a double opt-in subscription: the address gets a link to confirm. The answer is the same for every valid address " +
      "(new, pending, already subscribed or erased), so it tells nobody who is subscribed. Only application/json is accepted.",
    auth: "public",
    body: ZSubscribeInput,
    notes: {
      email: "where the digest goes",
      frequency: "daily or weekly",
      keywords: "papers matching any of these words (or a comma-separated string)",
      categories: "arXiv categories such as cs.LG (or a string separated by commas or spaces)",
      onlyWithCode: "only papers with a code repository",
      minUpvotes: "only papers with at least this many upvotes",
      website: "leave empty: a field for bots",
    },
    responses: [
      { status: 202, description: "accepted; a confirmation mail is on its way if the address may get one", schema: ZSubscribeAccepted },
      failure("INVALID_INPUT", "not JSON, or a field is invalid; the message says which"),
      failure("PAYLOAD_TOO_LARGE", `the body is over ${bytes(MAX_PUBLIC_BODY_BYTES)}`),
      unreadableBody,
      failure("RATE_LIMITED", `over ${SUBSCRIBE_IP_LIMIT.limit} subscribe requests from one client in ${SUBSCRIBE_IP_LIMIT.windowMs / 60_000} minutes`),
    ],
    example: { path: "/api/subscribe", body: { email: "you@example.org", frequency: "weekly", keywords: ["diffusion"], categories: ["cs.CV"] } },
  },
  {
    operationId: "listIngestRuns",
    method: "GET",
    path: "/api/admin/ingest",
    summary: "List ingestion runs",
    description: "Recent ingestion runs, newest first, with their status, counts, errors and timings.",
    auth: "admin",
    query: ZIngestListQuery,
    notes: { limit: "runs per page", cursor: "the nextCursor of the previous page" },
    responses: [{ status: 200, description: "a page of runs", schema: ZIngestRunPage }, failure("INVALID_INPUT", "limit or cursor is malformed"), unauthorized],
    example: { path: "/api/admin/ingest", query: { limit: "10" } },
  },
  {
    operationId: "queueIngest",
    method: "POST",
    path: "/api/admin/ingest",
    summary: "Queue an ingestion run",
    description:
      "Queues a run of one source with its parameters; a worker fetches, parses and stores it. Follow it at the Location header. " +
      "One run per source and parameters is active at a time, whoever asked. Only application/json is accepted.",
    auth: "admin",
    body: ZIngestRequest,
    notes: {
      source: "which listing to ingest",
      date: "a day (YYYY-MM-DD)",
      week: "an ISO week (YYYY-Www)",
      month: "a month (YYYY-MM)",
      category: "an arXiv category, for the arXiv sources",
      listing: "arxiv-list: new (default) or recent",
      paper: "hf-page: one paper's arXiv id",
      url: "an explicit allow-listed URL of the source's format",
      body: "the document itself, instead of fetching it (source text: a pasted listing)",
    },
    responses: [
      {
        status: 202,
        description: "queued",
        schema: ZIngestQueued,
        headers: { Location: "the run's status URL, /api/admin/ingest/runs/{runId}" },
      },
      failure("INVALID_INPUT", "not JSON, or a parameter is invalid; the message says which"),
      unauthorized,
      failure("FORBIDDEN", "sent with the admin session cookie from another site's page (its Origin is not this site's)"),
      failure("CONFLICT", "the same source and parameters are already queued or running, as run runId", ZIngestConflict),
      failure("PAYLOAD_TOO_LARGE", `the body is over ${bytes(MAX_PASTE_BYTES)}`),
      unreadableBody,
    ],
    example: { path: "/api/admin/ingest", body: { source: "hf-daily", date: "2026-05-08" } },
  },
  {
    operationId: "getIngestRun",
    method: "GET",
    path: "/api/admin/ingest/runs/{id}",
    summary: "One ingestion run",
    description: "A run's status, progress (timings.pagesDone, counts.found while it runs), counts, item errors and timings.",
    auth: "admin",
    params: ZIngestRunParams,
    notes: { id: "the runId that queueing it answered" },
    responses: [{ status: 200, description: "the run", schema: ZIngestRunResponse }, unauthorized, failure("NOT_FOUND", "no such run")],
    example: { path: "/api/admin/ingest/runs/1" },
  },
  {
    operationId: "exportSubscribers",
    method: "GET",
    path: "/api/admin/subscribers.csv",
    summary: "Export subscribers",
    description: "Every subscriber as CSV (address, status, frequency, interests, dates). Each export is written to the audit log.",
    auth: "admin",
    responses: [{ status: 200, description: "the CSV file", schema: z.string(), contentType: "text/csv" }, unauthorized],
    example: { path: "/api/admin/subscribers.csv" },
  },
  {
    operationId: "health",
    method: "GET",
    path: "/api/health",
    summary: "Health",
    description: "Whether the database answers and every migration is applied, for load balancers and monitors.",
    auth: "public",
    responses: [
      { status: 200, description: "ready", schema: ZHealthReady },
      { status: 503, description: "the database is unreachable or migrations are pending", schema: ZHealthUnavailable },
    ],
    example: { path: "/api/health" },
  },
  {
    operationId: "openApi",
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API's description",
    description: "The OpenAPI 3.1 document for these routes, generated from the schemas the routes validate with.",
    auth: "public",
    responses: [{ status: 200, description: "the OpenAPI document", schema: z.record(z.string(), z.unknown()) }],
    example: { path: "/api/openapi.json" },
  },
];

/** Route handlers under src/app/api that are not part of the JSON API, and why (the conformance test holds the two lists to the disk). */
export const UNDOCUMENTED_ROUTES: Readonly<Record<string, string>> = {
  "/api/unsubscribe": "the List-Unsubscribe link in every mail: it answers HTML pages for people (RFC 8058 one-click POST)",
  "/api/cron/ingest": "for a scheduler holding CRON_SECRET (see README, Ingestion)",
  "/api/cron/digest": "for a scheduler holding CRON_SECRET (see README, Digest)",
  "/api/reader": "the site script's reader state: answers only a browser holding the signed reader cookie (see README, Subscriptions)",
  "/api/reader/feedback": "the site script's More/Less like this buttons, for a browser holding the reader cookie",
  "/api/reader/follows": "the site script's Follow buttons, for a browser holding the reader cookie",
  "/api/{...path}": "every other address under /api/: a JSON 404 (NOT_FOUND) for any method",
};

export const ADMIN_AUTH = {
  bearer: "Authorization: Bearer <ADMIN_TOKEN>",
  cookieName: ADMIN_COOKIE,
  cookie: `the ${ADMIN_COOKIE} cookie that signing in at /admin/login sets`,
};

/** The example as a shell command against `appUrl`; admin routes read the token from $ADMIN_TOKEN. */
function curlOf(route: TApiRoute, appUrl: string): string {
  const query = route.example.query ? `?${new URLSearchParams(route.example.query)}` : "";
  const parts = ["curl", "-sS"];
  if (route.auth === "admin") parts.push('-H "Authorization: Bearer $ADMIN_TOKEN"');
  if (route.example.body) parts.push("-H 'Content-Type: application/json'", `-d '${JSON.stringify(route.example.body)}'`);
  else if (route.method !== "GET") parts.push(`-X ${route.method}`);
  parts.push(`'${new URL(route.example.path + query, appUrl).href}'`);
  return parts.join(" ");
}

export type TApiReferenceEntry = {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  admin: boolean;
  statuses: { status: number; description: string }[];
  curl: string;
};

/** What the /api page shows, from the same list the document is generated from. */
export function apiReference(appUrl: string): TApiReferenceEntry[] {
  return API_ROUTES.map((route) => ({
    operationId: route.operationId,
    method: route.method,
    path: route.path,
    summary: route.summary,
    description: route.description,
    admin: route.auth === "admin",
    statuses: route.responses.map(({ status, description }) => ({ status, description })),
    curl: curlOf(route, appUrl),
  }));
}
