// The lint rule that keeps errors from vanishing: handlers that ignore their error fail `npm run lint`, handlers that log or rethrow it pass.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const eslint = new ESLint({ cwd: ROOT });
const EXAMPLE = path.join(ROOT, "src/server/lint-example.ts");

// Loading the config and its plugins takes seconds on a busy machine; do it once, outside any one test's time limit.
beforeAll(() => eslint.calculateConfigForFile(EXAMPLE), 60_000);

/** The error-handling rules that fire on `code`, as if it were a file in src/server. */
async function errorRuleHits(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(
    `declare const p: Promise<number>, boss: NodeJS.EventEmitter, server: NodeJS.EventEmitter, logger: Console, f: () => void, logError: (e: unknown) => void;\n${code}`,
    { filePath: EXAMPLE },
  );
  return result!.messages.map((m) => m.ruleId ?? m.message).filter((id) => id === "local/no-swallowed-errors" || id === "no-empty");
}

describe("no-swallowed-errors", () => {
  it.each([
    ["an empty .catch", "p.catch(() => {});"],
    ["a .catch that turns the error into a value", "p.catch(() => null);"],
    ["a .catch whose error parameter is never read", "p.catch((_err) => undefined);"],
    ["a .then rejection handler that ignores the error", "p.then((v) => v, () => false);"],
    ["a function-expression .catch", "p.catch(function () { return 0; });"],
    ['an empty "error" listener', 'boss.on("error", () => {});'],
    ['a once("error") listener that ignores the error', 'server.once("error", () => f());'],
    ["an empty catch block", "try { f(); } catch {}"],
    ["a catch block with only a comment", "try { f(); } catch { /* ignore */ }"],
  ])("flags %s", async (_what, code) => {
    expect(await errorRuleHits(code)).toHaveLength(1);
  });

  it.each([
    ["a .catch that logs", 'p.catch((err: unknown) => logger.warn({ err }, "could not enqueue"));'],
    ["a .catch that rethrows with the cause", 'p.catch((err) => { throw new Error("bad body", { cause: err }); });'],
    ["a .then rejection handler that rethrows", "p.then((v) => v, (err) => { throw err; });"],
    ['an "error" listener that logs', 'boss.on("error", (err: unknown) => logger.error({ err }, "pg-boss"));'],
    ["a named handler", "p.catch(logError);"],
    ["a catch block that logs", "try { f(); } catch (err) { logger.warn({ err }); }"],
    ["a catch block that handles the failure in code", "try { f(); } catch { f(); }"],
    ["a listener for another event", 'server.on("close", () => {});'],
    ["a .then with only a success handler", "p.then(() => {});"],
  ])("accepts %s", async (_what, code) => {
    expect(await errorRuleHits(code)).toEqual([]);
  });
});
