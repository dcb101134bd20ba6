// A digest period as an admin reads it (its days), with the ledger's key, which logs and the audit log name, a hover away.
import { formatDigestPeriod } from "@/core/digest";

export function DigestPeriod({ periodKey }: { periodKey: string }) {
  return <span title={periodKey}>{formatDigestPeriod(periodKey)}</span>;
}
