// The web server's pool keeps its connections through a pause, so a quiet site's next request does not open one first.
import { afterAll, expect, it } from "vitest";
import { testDb } from "./helpers/db";

const db = testDb();
afterAll(() => db.$disconnect());

const backend = async () => (await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

it("answers after an idle pause longer than node-postgres' 10 s default on the connection it already had", async () => {
  const before = await backend();
  await new Promise((resolve) => setTimeout(resolve, 10_500));
  expect(await backend()).toBe(before);
});
