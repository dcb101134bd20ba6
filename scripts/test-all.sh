#!/usr/bin/env bash
# `npm test`: lint (ESLint, Prettier, dependency-cruiser, knip), unit tests, one build, types, then the integration tests against a real PostgreSQL
# and the Playwright end-to-end tests side by side (separate databases and ports, one build made first), which keeps CI well under 15 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm run lint
npx vitest run --project unit
node --import tsx scripts/build-once.ts
# After the build, so the route types Next generates under .next/types are checked too (the build itself skips type checking).
npx tsc --noEmit

e2e_log=$(mktemp)
npx playwright test >"$e2e_log" 2>&1 &
e2e=$!
integration=0
npx vitest run --project integration || integration=$?
end_to_end=0
wait "$e2e" || end_to_end=$?
echo "── end-to-end tests (Playwright) ──"
cat "$e2e_log"
rm -f "$e2e_log"
echo "integration exit ${integration}, end-to-end exit ${end_to_end}"
[ "$integration" -eq 0 ] && [ "$end_to_end" -eq 0 ]
