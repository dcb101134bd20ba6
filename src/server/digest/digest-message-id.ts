// The stable Message-ID of a digest: the same (subscriber, period) always gets the same id, so receivers can drop a duplicate.
export function digestMessageId(opts: { period: string; subscriberId: number; appUrl: string }): string {
  const host = new URL(opts.appUrl).hostname || "localhost";
  return `<digest.${opts.period.replace(/[^A-Za-z0-9-]/g, "-")}.${opts.subscriberId}@${host}>`;
}
