// Public surface of digests: when one is due, which papers it holds, and the email that carries them.
export {
  MAX_LOOKBACK_DAYS,
  currentPeriodStart,
  digestListingDays,
  digestPeriodKey,
  digestSince,
  formatDigestPeriod,
  formatListingDays,
  isDue,
  periodWindow,
  type TDigestFrequency,
} from "./digest-period";
export { keywordPattern } from "./match-interests";
export { selectDigest, type TDigestItem, type TDigestSelection, type TDigestSubscriber } from "./select-digest";
export type { TFollow } from "./match-interests";
export { composeDigest, composeDigestBodies } from "./compose-digest";
export { joinBody, sharedText, type TMailBody, type TSharedText } from "./mail-body";
export { cachePerObject } from "./cache-per-object";
export { escapeHtml } from "./escape-html";
export { paperPath } from "./paper-links";
export { shortAuthors } from "./shorten-text";
