// The listing sources we know how to read; the id travels with every parse result and stored paper.
import { z } from "zod";

export const SOURCE_IDS = ["hf-daily", "hf-page", "arxiv-list", "arxiv-rss", "arxiv-api", "text"] as const;

export const ZSourceId = z.enum(SOURCE_IDS, { error: `must be one of ${SOURCE_IDS.join(", ")}` });

export type TSourceId = z.infer<typeof ZSourceId>;
