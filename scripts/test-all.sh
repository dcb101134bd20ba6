#!/usr/bin/env bash
# `npm test`: lint (ESLint, Prettier, dependency-cruiser, knip), the unit tests and one build side by side, then the integration tests against
# a real PostgreSQL (two files at a time, each worker on its own database: vitest.config.ts), the Playwright end-to-end tests (separate
# databases and ports, on that one build) and the type check side by side, which keeps CI well under 15 minutes: one after the other,
# most of them leave one of two cores idle much of the time.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Runs the named commands at once: the first prints as it goes (a hang shows where it is), the others into logs of their own, printed
# under their names once it ends; fails if any failed, after all have ended. A failed command's failure lines are printed again last:
# a CI log is often read from its end, where the passing suites' output would otherwise bury them.
side_by_side() {
  local names=() pids=() logs=() failed=()
  while [ "$#" -gt 0 ]; do
    local log
    log=$(mktemp)
    if [ "${#names[@]}" -eq 0 ]; then
      bash -c "set -o pipefail; { $2; } 2>&1 | tee '$log'" &
    else
      bash -c "$2" >"$log" 2>&1 &
    fi
    names+=("$1")
    logs+=("$log")
    pids+=($!)
    shift 2
  done
  for i in "${!pids[@]}"; do
    local code=0
    wait "${pids[$i]}" || code=$?
    if [ "$i" -gt 0 ]; then
      echo "── ${names[$i]} ──"
      cat "${logs[$i]}"
    fi
    echo "── ${names[$i]}: exit ${code} ──"
    [ "$code" -eq 0 ] || failed+=("$i")
  done
  # ${a[@]+...}: bash before 4.4 (macOS's 3.2) calls an empty array unbound under set -u. The escape byte is written out for BSD sed.
  for i in ${failed[@]+"${failed[@]}"}; do
    echo "── ${names[$i]} FAILED; its lines that say so: ──"
    sed "s/$(printf '\033')\[[0-9;]*m//g" "${logs[$i]}" | grep -a -E 'FAIL|✗|×|✘|[0-9]+ failed|Error|error TS|rror:|expected|Timed out|timed out' | tail -n 120 || true
  done
  rm -f "${logs[@]}"
  [ "${#failed[@]}" -eq 0 ]
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
