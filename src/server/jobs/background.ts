// What a piece of background work looks like to the process that runs it (`npm start`, `npm run worker`, tests).
import type { TConfig } from "../config";

export type TBackground = { stop: () => Promise<void> };
export type TBackgroundStarter = (opts: { config: TConfig; databaseUrl: string }) => Promise<TBackground>;
