// The client address for per-IP rate limits: the first X-Forwarded-For hop set by the reverse proxy in front of the app.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
