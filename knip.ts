// knip: unused files, exports and dependencies, checked by `npm run lint`. Next.js (app/, pages/, proxy.ts), Vitest, Playwright, Prisma
// and PostCSS entry points come from knip's plugins; the package.json scripts name the CLIs.
import type { KnipConfig } from "knip";

/**
 * Known unused exports and types on 2026-11-30 (issue 12), per file; the comment names them. knip can only ignore a whole file's
 * exports, so delete a file's entry as soon as you fix it: then a new unused export there fails again.
 * `KNIP_BASELINE=off npx knip` lists every issue with the baselines off; a file missing from that list has a stale entry here.
 */
const KNOWN_UNUSED_EXPORTS: Record<string, ("exports" | "types")[]> = {
  // BENCH_CRON_SECRET, BENCH_DIST_DIR
  "bench/support/bench-app.ts": ["exports"],
  // types TSinkStats
  "bench/support/smtp-sink-process.ts": ["types"],
  // sourceHash
  "scripts/lib/build-if-needed.ts": ["exports"],
  // EXCERPT_CHARS
  "src/components/paper-card.tsx": ["exports"],
  // SUBJECT_TITLE_MAX, EXCERPT_MAX; types TDigestViewItem
  "src/core/digest/digest-view.ts": ["exports", "types"],
  // matchInterests, arxivAbsUrl, normalizeAppUrl, safeHttpUrl, cleanText, truncateText; types TDigestSchedule, TDigestWindow, TInterestMatcher, TInterests, TSelectDigestInput, TDigestEmailBodies, TComposeDigestInput
  "src/core/digest/index.ts": ["exports", "types"],
  // applyOverrides
  "src/core/ingest/merge-paper.ts": ["exports"],
  // formatMonthLabel
  "src/core/periods/format-period.ts": ["exports"],
  // daysInMonth, isLeapYear, isoWeekOf, formatMonthLabel; types TIsoWeek
  "src/core/periods/index.ts": ["exports", "types"],
  // isoWeekOf
  "src/core/periods/iso-week.ts": ["exports"],
  // isLeapYear
  "src/core/periods/utc-date.ts": ["exports"],
  // AGE_OFFSET_HOURS, BASE_POINTS, GRAVITY, STARS_GROWTH_WEIGHT, STARS_WEIGHT, UPVOTES_GROWTH_WEIGHT, ageHours; types TTrendingInput, TRankable
  "src/core/ranking/index.ts": ["exports", "types"],
  // GRAVITY, AGE_OFFSET_HOURS, BASE_POINTS, UPVOTES_GROWTH_WEIGHT, STARS_WEIGHT, STARS_GROWTH_WEIGHT, ageHours
  "src/core/ranking/trending-score.ts": ["exports"],
  // FEED_SORTS, MAX_CURSOR_LENGTH, MAX_MIN_UPVOTES, MAX_QUERY_LENGTH, ZFeedFilters; types TSearchQuery, TFeedSort, TParseResult
  "src/core/search/index.ts": ["exports", "types"],
  // FEED_SORTS, MAX_MIN_UPVOTES, MAX_QUERY_LENGTH, MAX_CURSOR_LENGTH, ZFeedFilters; types TFeedSort
  "src/core/search/parse-feed-filters.ts": ["exports", "types"],
  // toAnnounceType
  "src/core/sources/arxiv-rss-items.ts": ["exports"],
  // hfPaperOf
  "src/core/sources/hf-item.ts": ["exports"],
  // ZNormalizedPaper, parseArxivApi, parseArxivList, parseArxivRss, parseHfDaily, parseHfPage, parseTextListing; types TNormalizedPaper
  "src/core/sources/index.ts": ["exports", "types"],
  // SOURCE_IDS, ZSourceId, ZArxivId
  "src/core/sources/normalized-paper.ts": ["exports"],
  // dropUndefined
  "src/core/sources/parse-result.ts": ["exports"],
  // findGithubUrl, normalizeGithubUrl
  "src/core/text/arxiv-id.ts": ["exports"],
  // PUBLISHING_DAYS
  "src/server/admin/assess-source-health.ts": ["exports"],
  // CSV_COLUMNS, subscriberCsvRow
  "src/server/admin/export-subscribers.ts": ["exports"],
  // HEALTH_WINDOW
  "src/server/admin/load-source-health.ts": ["exports"],
  // ZFieldValue
  "src/server/admin/paper-admin.ts": ["exports"],
  // MAX_PASTE_CHARS
  "src/server/admin/paste-listing.ts": ["exports"],
  // LOGIN_WINDOW_MS
  "src/server/auth/admin-login.ts": ["exports"],
  // SESSION_TTL_MS
  "src/server/auth/admin-session.ts": ["exports"],
  // bearerToken
  "src/server/auth/bearer.ts": ["exports"],
  // ZEnv, describeEnvError
  "src/server/config-schema.ts": ["exports"],
  // ConfigError
  "src/server/config.ts": ["exports"],
  // EmbeddedDatabaseError
  "src/server/db/embedded-postgres.ts": ["exports"],
  // listMigrationDirs
  "src/server/db/migrations.ts": ["exports"],
  // types TDeliveryJob
  "src/server/digest/digest-queue.ts": ["types"],
  // runDigest, queueEnqueuer; types TDigestSettings
  "src/server/digest/index.ts": ["exports", "types"],
  // MAX_CANDIDATES
  "src/server/digest/load-digest-papers.ts": ["exports"],
  // CLAIM_BATCH
  "src/server/digest/process-delivery-ids.ts": ["exports"],
  // JOB_CHUNK
  "src/server/digest/run-digest.ts": ["exports"],
  // ERROR_STATUS
  "src/server/errors/app-error.ts": ["exports"],
  // stripInvalidXmlChars
  "src/server/feed/feed-item.ts": ["exports"],
  // isBuildPhase
  "src/server/feed/load-feed.ts": ["exports"],
  // SIMILAR_PER_PAPER
  "src/server/feed/refresh-similar.ts": ["exports"],
  // revalidateFrontPage
  "src/server/feed/revalidate-feed.ts": ["exports"],
  // FEED_SIZE
  "src/server/feed/serve-feed.ts": ["exports"],
  // ALLOWED_HOSTS
  "src/server/fetch/address-policy.ts": ["exports"],
  // isFetchError
  "src/server/fetch/fetch-error.ts": ["exports"],
  // FETCH_DEFAULTS
  "src/server/fetch/fetch-url.ts": ["exports"],
  // ARXIV_HOSTS
  "src/server/fetch/host-politeness.ts": ["exports"],
  // types TFetchedPage
  "src/server/ingest/fetch-listing.ts": ["types"],
  // DEFAULT_BASE_URLS, HF_PAGE_SIZE, ARXIV_API_PAGE_SIZE, ARXIV_API_MAX_RESULTS
  "src/server/ingest/fetch-plans.ts": ["exports"],
  // publicParams
  "src/server/ingest/ingest-params.ts": ["exports"],
  // HOUSEKEEPING_SCHEDULE
  "src/server/jobs/housekeeping-background.ts": ["exports"],
  // types TSentMail
  "src/server/mail/mailer.ts": ["types"],
  // TRENDING_REFRESH_SCHEDULE
  "src/server/ranking/trending-background.ts": ["exports"],
  // getAdminPaper, clearPaperFix
  "src/server/repo/admin-papers.ts": ["exports"],
  // types TRunError
  "src/server/repo/admin-runs.ts": ["types"],
  // types TRunStatus, TRunError
  "src/server/repo/ingest-runs.ts": ["types"],
  // RELEVANCE_CANDIDATES
  "src/server/repo/paper-relevance.ts": ["exports"],
  // HIGHLIGHT_START, HIGHLIGHT_STOP; types TListedPaper
  "src/server/repo/papers.ts": ["exports", "types"],
  // getSubscriberByEmail
  "src/server/repo/subscribers.ts": ["exports"],
  // IDLE_FORM
  "src/server/subscriptions/form-state.ts": ["exports"],
  // types TPreviewItem
  "src/server/subscriptions/preview-digest.ts": ["types"],
  // MAX_INTERESTS, ZEmail; types TInterestsInput, TPreferences, TSubscribeInput
  "src/server/subscriptions/subscription-input.ts": ["exports", "types"],
  // MANAGE_TTL_MS
  "src/server/subscriptions/subscription-links.ts": ["exports"],
  // FIXTURES
  "tests/support/fixture-server.ts": ["exports"],
  // NOW
  "tests/unit/sources/fixtures.ts": ["exports"],
};

const baseline = process.env.KNIP_BASELINE !== "off";

const config: KnipConfig = {
  // bench/run-all.ts starts the benchmarks by file name. src/generated (the Prisma client) is left out by .gitignore, which knip follows.
  entry: ["scripts/*.ts", "bench/*.ts"],
  ignoreDependencies: [
    // Imported only by the Prisma client that `prisma generate` writes to src/generated.
    "@prisma/client",
    // Known: mailparser and smtp-server ship their own types now (issue 12).
    ...(baseline ? ["@types/mailparser", "@types/smtp-server"] : []),
  ],
  // Known: the src/core/text barrel that nothing imports (issue 12).
  ignoreFiles: baseline ? ["src/core/text/index.ts"] : [],
  ignoreIssues: baseline ? KNOWN_UNUSED_EXPORTS : {},
  // A baseline entry that no longer matches anything (ignoreDependencies, ignoreFiles) fails the run, so the baseline only shrinks.
  treatConfigHintsAsErrors: true,
};

export default config;
