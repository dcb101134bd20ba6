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

# The integration files that start whole processes (`npm start` and the CLIs in pipes) spend most of their time waiting on them, so
# they run beside the other integration files, against a database of their own, as the end-to-end tests do: serial, the three took
# 10.3 minutes of a 13.8-minute CI run on a slow day.
apart=(tests/integration/start.test.ts tests/integration/cli-pipe.test.ts)
e2e_log=$(mktemp)
apart_log=$(mktemp)
npx playwright test >"$e2e_log" 2>&1 &
e2e=$!
INTEGRATION_DATABASE_SUFFIX=it_apart npx vitest run --project integration "${apart[@]}" >"$apart_log" 2>&1 &
processes=$!
integration=0
npx vitest run --project integration $(printf -- '--exclude %s ' "${apart[@]}") || integration=$?
started=0
wait "$processes" || started=$?
end_to_end=0
wait "$e2e" || end_to_end=$?
echo "── integration tests that start processes ──"
cat "$apart_log"
echo "── end-to-end tests (Playwright) ──"
cat "$e2e_log"
rm -f "$e2e_log" "$apart_log"
echo "integration exit ${integration}, process integration exit ${started}, end-to-end exit ${end_to_end}"
[ "$integration" -eq 0 ] && [ "$started" -eq 0 ] && [ "$end_to_end" -eq 0 ]
