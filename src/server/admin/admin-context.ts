// The process-wide collaborators admin pages and actions use: database, configuration and ports.
import { getConfig } from "../config";
import { getDb } from "../db";
import { createAdminPorts } from "./ports";

export function adminContext() {
  const db = getDb();
  const config = getConfig();
  return { db, config, now: new Date(), ports: createAdminPorts({ db, config, now: () => new Date() }) };
}
