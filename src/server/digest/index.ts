// The digest mailer's public surface for routes, scripts and the admin console.
export { digestSettingsFrom, type TDigestSettings } from "./digest-settings";
export { triggerDigests } from "./trigger-digests";
export { runDigest } from "./run-digest";
export { previewNextDigest, sendTestDigest } from "./preview-digest";
export { dryRunDigests } from "./dry-run-digests";
export { queueEnqueuer } from "./digest-queue";
export { listDigestRuns } from "../repo/digest-runs";
