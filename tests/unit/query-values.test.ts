// One reading of repeated query keys and form fields for every page, route, feed and form: the first value wins, and no key reaches the prototype.
import { describe, expect, it } from "vitest";
import { queryValues } from "../../src/core/query-values";

describe("queryValues", () => {
  it("keeps the first value of a repeated key, whichever order the values come in", () => {
    expect(queryValues(new URLSearchParams("sort=top&sort=bogus&q=a"))).toEqual({ sort: "top", q: "a" });
    expect(queryValues(new URLSearchParams("sort=bogus&sort=top"))).toEqual({ sort: "bogus" });
  });

  it("keeps an empty first value (callers read empty as absent) and decodes values once", () => {
    expect(queryValues(new URLSearchParams("view=&view=month&q=a%2Bb"))).toEqual({ view: "", q: "a+b" });
  });

  it("reads a posted form the same way: a repeated field keeps its first value, as a repeated query key does", () => {
    const form = new FormData();
    form.append("email", "first@example.org");
    form.append("email", "second@example.org");
    form.append("frequency", "weekly");
    expect(queryValues(form)).toEqual({ email: "first@example.org", frequency: "weekly" });
  });

  it("holds a key named __proto__ as a plain value, not the object's prototype", () => {
    const values = queryValues(new URLSearchParams("__proto__=x&constructor=y"));
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(["__proto__", "constructor"]);
    expect(values["__proto__"]).toBe("x");
  });
});
