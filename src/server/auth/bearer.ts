// Bearer-token checks for admin and cron routes, in constant time.
import { AppError } from "../errors/app-error";
import { safeEqual } from "./secrets";

function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  return match?.[1]?.trim() || null;
}

export function hasBearer(authorization: string | null | undefined, expected: string): boolean {
  const token = bearerToken(authorization);
  return token !== null && safeEqual(token, expected);
}

export function requireBearer(authorization: string | null | undefined, expected: string, what: string): void {
  if (!hasBearer(authorization, expected)) {
    throw new AppError("UNAUTHORIZED", `${what} requires Authorization: Bearer <token>.`);
  }
}
