// The fetcher configured from the environment: User-Agent naming the app and its URL, loopback only when the test-only flag is set.
import pkg from "../../../package.json";
import type { TConfig } from "../config";
import { createFetcher, type TFetcher, type TFetcherOptions } from "./fetch-url";

export function userAgentFor(appUrl: string): string {
  return `paper-digest/${pkg.version} (+${appUrl})`;
}

export function serverFetcher(config: Pick<TConfig, "APP_URL" | "FETCH_ALLOW_LOOPBACK">, overrides: Partial<TFetcherOptions> = {}): TFetcher {
  return createFetcher({ userAgent: userAgentFor(config.APP_URL), allowLoopback: config.FETCH_ALLOW_LOOPBACK, ...overrides });
}
