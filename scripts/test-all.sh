#!/usr/bin/env bash
# `npm test`: lint (ESLint, Prettier, dependency-cruiser, knip), the unit tests and one build side by side, then the integration tests against
# a real PostgreSQL (two files at a time, each worker on its own database: vitest.config.ts), the Playwright end-to-end tests (separate
# databases and ports, on that one build) and the type check side by side, which keeps CI well under 15 minutes: one after the other,
# most of them leave one of two cores idle much of the time.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Runs the named commands at once: the first prints as it goes (a hang shows where it is), the others into logs of their own, printed
# under their names once it ends; fails if any failed, after all have ended.
side_by_side() {
  local names=() pids=() logs=() failed=0
  while [ "$#" -gt 0 ]; do
    local log=""
    if [ "${#names[@]}" -gt 0 ]; then log=$(mktemp); fi
    names+=("$1")
    logs+=("$log")
    if [ -z "$log" ]; then bash -c "$2" & else bash -c "$2" >"$log" 2>&1 & fi
    pids+=($!)
    shift 2
  done
  for i in "${!pids[@]}"; do
    local code=0
    wait "${pids[$i]}" || code=$?
    if [ -n "${logs[$i]}" ]; then
      echo "── ${names[$i]} ──"
      cat "${logs[$i]}"
      rm -f "${logs[$i]}"
    fi
    echo "── ${names[$i]}: exit ${code} ──"
    [ "$code" -eq 0 ] || failed=1
  done
  return "$failed"
}

side_by_side \
  "lint" "npm run lint" \
  "unit tests" "npx vitest run --project unit" \
  "build" "node scripts/run.mjs build-once"
# Types after the build, so the route types Next generates under .next/types are checked too (the build itself skips type checking); beside
# the suites, since tsc alone runs on one core.
side_by_side \
  "integration tests" "npx vitest run --project integration" \
  "end-to-end tests (Playwright)" "npx playwright test" \
  "types" "npx tsc --noEmit"
