// The process-wide collaborators admin pages and actions use: the database, the configuration and the clock.
import { getConfig } from "../config";
import { getDb } from "../db";

export function adminContext() {
  return { db: getDb(), config: getConfig(), now: new Date() };
}
