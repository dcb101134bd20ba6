// Prisma's schema engine cut a migration at a semicolon inside a `--` comment and ran the rest of the comment as SQL: "ANALYZE gives
// the expression…" failed with `syntax error at or near "the"` and left a failed migration to resolve by hand in every database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/** Each `--` comment of a migration's SQL, with its line number; a `--` inside a quoted string or dollar-quoted body is no comment. */
function commentsOf(sql: string): { line: number; text: string }[] {
  const comments: { line: number; text: string }[] = [];
  let quote: string | null = null;
  sql.split("\n").forEach((text, index) => {
    for (let at = 0; at < text.length; at += 1) {
      if (quote !== null) {
        if (text.startsWith(quote, at)) {
          at += quote.length - 1;
          quote = null;
        }
        continue;
      }
      const dollar = /^\$[A-Za-z_]*\$/.exec(text.slice(at));
      if (dollar) {
        quote = dollar[0];
        at += quote.length - 1;
      } else if (text[at] === "'" || text[at] === '"') quote = text[at]!;
      else if (text.startsWith("--", at)) {
        comments.push({ line: index + 1, text: text.slice(at) });
        break;
      }
    }
  });
  return comments;
}

describe("migration SQL", () => {
  it("finds comments outside strings and bodies only", () => {
    expect(commentsOf("SELECT '--;' AS a; -- b\nCREATE FUNCTION f() AS $$ SELECT 1 -- x; $$; -- c;").map((c) => c.text)).toEqual(["-- b", "-- c;"]);
  });

  it.each(readdirSync(MIGRATIONS).filter((dir) => !dir.endsWith(".toml")))("%s has no semicolon in a comment", (dir) => {
    const sql = readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");
    expect(commentsOf(sql).filter((comment) => comment.text.includes(";"))).toEqual([]);
  });
});
