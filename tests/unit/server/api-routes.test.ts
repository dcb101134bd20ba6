// The JSON API's route list is consistent with itself: path templates and their params, unique operation ids, examples the route's own zod
// schemas accept, one document built once. Its answers are held to the document against a real server in tests/integration/api-contract.test.ts.
import { describe, expect, it } from "vitest";
import { API_ROUTES, apiReference } from "../../../src/server/http/api-routes";
import { openApiJson } from "../../../src/server/http/openapi-document";

describe("API_ROUTES", () => {
  it("has one operation per id and per method and path", () => {
    expect(new Set(API_ROUTES.map((r) => r.operationId)).size).toBe(API_ROUTES.length);
    expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(API_ROUTES.length);
  });

  it.each(API_ROUTES.map((r) => [r.operationId, r] as const))("%s: its path parameters are the ones its template names", (_id, route) => {
    const named = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    expect(Object.keys(route.params?.shape ?? {})).toEqual(named);
  });

  it.each(API_ROUTES.map((r) => [r.operationId, r] as const))("%s: its example is a request its own schemas accept", (_id, route) => {
    if (route.query) expect(route.query.safeParse(route.example.query ?? {}).error).toBeUndefined();
    if (route.body) expect(route.body.safeParse(route.example.body).error).toBeUndefined();
    else expect(route.example.body).toBeUndefined();
    const template = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, "([^/]+)")}$`);
    const values = template.exec(route.example.path);
    expect(values, route.example.path).not.toBeNull();
    if (route.params) {
      const names = Object.keys(route.params.shape);
      expect(route.params.safeParse(Object.fromEntries(names.map((n, i) => [n, values![i + 1]]))).error).toBeUndefined();
    }
  });

  it("documents a note for every path and query parameter", () => {
    for (const route of API_ROUTES) {
      const fields = [...Object.keys(route.params?.shape ?? {}), ...Object.keys(route.query?.shape ?? {})];
      for (const field of fields) expect(route.notes?.[field], `${route.operationId}: ${field}`).toBeTruthy();
    }
  });
});

describe("the OpenAPI document and the /api page", () => {
  it("is built once, as OpenAPI 3.1 with every route, and admin routes need a token or a session", () => {
    const text = openApiJson();
    expect(openApiJson()).toBe(text);
    const doc = JSON.parse(text) as { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const route of API_ROUTES) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op?.security).toEqual(route.auth === "admin" ? [{ adminToken: [] }, { adminSession: [] }] : []);
    }
  });

  it("shows one curl example per route against APP_URL, with the admin token from the environment", () => {
    const entries = apiReference("https://papers.example.org");
    expect(entries.map((e) => e.operationId)).toEqual(API_ROUTES.map((r) => r.operationId));
    expect(entries.find((e) => e.operationId === "listPapers")?.curl).toBe("curl -sS 'https://papers.example.org/api/papers?q=diffusion&sort=top&limit=5'");
    expect(entries.find((e) => e.operationId === "queueIngest")?.curl).toBe(
      `curl -sS -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{"source":"hf-daily","date":"2026-05-08"}' 'https://papers.example.org/api/admin/ingest'`,
    );
  });
});
