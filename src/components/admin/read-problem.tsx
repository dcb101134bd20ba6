// What an admin page shows in place of its content when its reads failed for a known reason (readAdminPage, src/server/auth/admin-page.ts),
// answered with that reason's status: a database too busy to answer says so and to try again, where the page was Next's bare 500.
import { BusyView } from "../busy-view";
import { Notice } from "./notice";

export function AdminReadProblem({ problem }: { problem: { code: string; userMessage: string } }) {
  if (problem.code === "UNAVAILABLE") return <BusyView title="The server is busy" />;
  return <Notice error={problem.userMessage} />;
}
