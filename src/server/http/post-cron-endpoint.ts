// The one way the app calls its own cron-protected endpoints (cache revalidation): POST with the cron bearer, a timeout, and an error naming the status.
export async function postCronEndpoint(url: string, cronSecret: string, timeoutMs = 10_000): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${cronSecret}` }, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname} answered ${res.status}`);
}
