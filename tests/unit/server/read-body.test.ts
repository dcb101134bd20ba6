// Reading a route handler's body: a client that hangs up mid-body is a 400 of its own making, not an unhandled error; a JSON body is
// taken only when declared as JSON.
import { describe, expect, it } from "vitest";
import { isAppError } from "../../../src/server/errors/app-error";
import { readBody, readJsonBody } from "../../../src/server/http/read-body";

/** A POST whose body stream sends a few bytes, then fails as Node's request stream does when its client goes away (or with `failure`). */
function requestFailingWith(failure: Error): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"email":'));
      controller.error(failure);
    },
  });
  return new Request("http://app.test/api/subscribe", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBody", () => {
  it("answers a body cut off by its client (aborted, ECONNRESET) with INVALID_INPUT", async () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const err: unknown = await readBody(requestFailingWith(aborted), 1000).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("INVALID_INPUT");
  });

  it("rethrows any other failure as it came", async () => {
    const broken = new Error("disk on fire");
    await expect(readBody(requestFailingWith(broken), 1000)).rejects.toBe(broken);
  });

  it("reads a whole body", async () => {
    const request = new Request("http://app.test/x", { method: "POST", body: "hello" });
    expect(await readBody(request, 1000)).toBe("hello");
  });
});

describe("readJsonBody", () => {
  const post = (type: string | null, body = '{"a":1}') =>
    new Request("http://app.test/api/subscribe", { method: "POST", headers: type ? { "content-type": type } : {}, body });

  it("takes application/json with or without parameters, in any case", async () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", "application/json ;x=1"]) {
      expect(await readJsonBody(post(type), 1000, "e.g. {}"), type).toEqual({ a: 1 });
    }
  });

  it("refuses every other type, JSON's lookalikes included, with 415 UNSUPPORTED_MEDIA_TYPE, whether or not the body parses", async () => {
    for (const type of [null, "application/json-seq", "application/jsonx", "text/plain", "application/x-www-form-urlencoded"]) {
      for (const body of ['{"a":1}', "a=1"]) {
        const thrown: unknown = await readJsonBody(post(type, body), 1000, "e.g. {}").catch((err: unknown) => err);
        expect(isAppError(thrown) && thrown.code === "UNSUPPORTED_MEDIA_TYPE" && thrown.message, `${type} ${body}`).toBe(
          "Send the request body as application/json, e.g. {}.",
        );
      }
    }
  });

  it("answers a body declared as JSON that is not JSON with INVALID_INPUT and the hint", async () => {
    const thrown: unknown = await readJsonBody(post("application/json", "a=1"), 1000, "e.g. {}").catch((err: unknown) => err);
    expect(isAppError(thrown) && thrown.code === "INVALID_INPUT" && thrown.message).toBe("The request body must be JSON, e.g. {}.");
  });
});
