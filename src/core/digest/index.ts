// Public surface of digests: when one is due, which papers it holds, and the email that carries them.
export {
  MAX_LOOKBACK_DAYS,
  digestPeriodKey,
  digestSince,
  formatDigestPeriod,
  isDue,
  periodWindow,
  type TDigestFrequency,
  type TDigestSchedule,
  type TDigestWindow,
} from "./digest-period";
export { keywordPattern, matchInterests, type TInterestMatcher, type TInterests } from "./match-interests";
export { selectDigest, type TDigestItem, type TDigestSubscriber, type TSelectDigestInput } from "./select-digest";
export { composeDigest, composeDigestBodies, type TDigestEmail, type TDigestEmailBodies } from "./compose-digest";
export { joinBody, sharedText, type TMailBody, type TSharedText } from "./mail-body";
export { cachePerObject } from "./cache-per-object";
export type { TComposeDigestInput } from "./digest-view";
export { escapeHtml } from "./escape-html";
export { arxivAbsUrl, normalizeAppUrl, paperPath, safeHttpUrl } from "./paper-links";
export { cleanText, shortAuthors, truncateText } from "./shorten-text";
