// Everything the admin dashboard shows, read in one go.
import { countSubscribersByState } from "../repo/admin-subscribers";
import { listAudit } from "../repo/audit-log";
import { adminContext } from "./admin-context";
import { loadSourceHealth } from "./load-source-health";

export async function loadDashboard() {
  const { db, config, now } = adminContext();
  const configured = config.INGEST_SOURCES.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const [health, subscribers, audit] = await Promise.all([
    loadSourceHealth({ db, configured, now }),
    countSubscribersByState({ db }),
    listAudit({ db, limit: 8 }),
  ]);
  return { health, subscribers, audit };
}
