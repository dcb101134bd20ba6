// `npm run dev` and `npm run build` ran Next with its telemetry on, and the dev server with no database unless DATABASE_URL was set.
import { describe, expect, it } from "vitest";
import { nextCommandEnv } from "../../../scripts/lib/next-command-env";

describe("nextCommandEnv", () => {
  it("turns Next's telemetry off and keeps the rest of the environment", () => {
    expect(nextCommandEnv({ PORT: "3500", NEXT_TELEMETRY_DISABLED: "0" })).toEqual({ PORT: "3500", NEXT_TELEMETRY_DISABLED: "1" });
  });

  it("gives the dev server the database it found", () => {
    expect(nextCommandEnv({ PORT: "3500" }, "postgresql://u@localhost:5433/db")).toHaveProperty("DATABASE_URL", "postgresql://u@localhost:5433/db");
    expect(nextCommandEnv({ DATABASE_URL: "postgresql://set" }).DATABASE_URL).toBe("postgresql://set");
  });
});
