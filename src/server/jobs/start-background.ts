// Background work `npm start` runs beside the web server (and `npm run worker` runs alone): queue workers and schedules.
import { startDigestBackground } from "../digest/digest-background";
import { startIngestBackground } from "../ingest/ingest-background";
import type { TBackground, TBackgroundStarter } from "./background";
import { startHousekeepingBackground } from "./housekeeping-background";

const starters: TBackgroundStarter[] = [startIngestBackground, startDigestBackground, startHousekeepingBackground];

export async function startBackground(opts: Parameters<TBackgroundStarter>[0]): Promise<TBackground> {
  const started: TBackground[] = [];
  for (const start of starters) started.push(await start(opts));
  return {
    stop: async () => {
      for (const s of started.reverse()) await s.stop();
    },
  };
}
