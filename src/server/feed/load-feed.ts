// Feed reads for pages, bound to the shared database client.
import { getDb } from "../db";
import { getPaper, listFeed } from "../repo/papers";

export const loadFeed = (limit = 50) => listFeed({ db: getDb(), limit });
export const loadPaper = (key: string) => getPaper({ db: getDb(), key });
