// /api/openapi.json: the OpenAPI 3.1 document of the JSON API, generated with zod's own toJSONSchema from the route list and the
// schemas the route handlers parse with (requests as zod's input side, answers as its output side). Built once per process.
import { z } from "zod";
import { ADMIN_AUTH, API_ROUTES, type TApiResponse, type TApiRoute } from "./api-routes";
import { ZApiError } from "./api-schemas";

type TJson = Record<string, unknown>;

const COMPONENTS = "#/components/schemas/";

/** zod's JSON Schema without the keys a schema embedded in an OpenAPI document does not carry. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): TJson {
  const { $schema: _dialect, $id: _id, ...rest } = z.toJSONSchema(schema, { io }) as TJson;
  return rest;
}

/** Every response shape that carries a `.meta({ id })`, as components; the answers refer to them by $ref. */
function componentSchemas(): Record<string, TJson> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: "output", uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as TJson;
      return [id, rest];
    }),
  );
}

function answerSchema(schema: z.ZodType): TJson {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `${COMPONENTS}${id}` } : jsonSchema(schema, "output");
}

function parameters(route: TApiRoute): TJson[] {
  const of = (schema: z.ZodObject | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const json = jsonSchema(schema, "input") as { properties?: Record<string, TJson>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(route.notes?.[name] ? { description: route.notes[name] } : {}),
      schema: property,
    }));
  };
  return [...of(route.params, "path"), ...of(route.query, "query")];
}

/** The body's schema with each documented field's note as its description. */
function requestBody(route: TApiRoute): TJson | undefined {
  if (!route.body) return undefined;
  const schema = jsonSchema(route.body, "input") as { properties?: Record<string, TJson> };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (route.notes?.[name]) property.description = route.notes[name];
  }
  return { required: true, content: { "application/json": { schema, example: route.example.body } } };
}

function responses(route: TApiRoute): TJson {
  const out: TJson = {};
  const internal: TApiResponse[] = route.responses.some((r) => r.error) ? [{ status: 500, description: "an error on our side", schema: ZApiError }] : [];
  for (const r of [...route.responses, ...internal]) {
    if (out[r.status]) throw new Error(`${route.method} ${route.path} documents status ${r.status} twice`);
    out[r.status] = {
      description: r.description,
      ...(r.headers
        ? { headers: Object.fromEntries(Object.entries(r.headers).map(([name, d]) => [name, { description: d, schema: { type: "string" } }])) }
        : {}),
      content: { [r.contentType ?? "application/json"]: { schema: answerSchema(r.schema) } },
    };
  }
  return out;
}

function buildDocument(): TJson {
  const paths: Record<string, TJson> = {};
  for (const route of API_ROUTES) {
    const body = requestBody(route);
    const params = parameters(route);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      description: route.description,
      ...(route.auth === "admin" ? { security: [{ adminToken: [] }, { adminSession: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route),
    };
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "paper-digest API",
      version: "1",
      description:
        "Machine-learning papers as JSON, subscriptions to the email digest, and the admin's ingestion. Every error answers " +
        '{"error": {"code", "message"}} with the status its code maps to. Read at /api.',
    },
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        adminToken: { type: "http", scheme: "bearer", description: `${ADMIN_AUTH.bearer}: the ADMIN_TOKEN the server was started with` },
        adminSession: { type: "apiKey", in: "cookie", name: ADMIN_AUTH.cookieName, description: ADMIN_AUTH.cookie },
      },
    },
  };
}

let cached: string | undefined;

/** The document as JSON text: static for a build, so it is made once. */
export function openApiJson(): string {
  cached ??= JSON.stringify(buildDocument());
  return cached;
}
