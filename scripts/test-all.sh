#!/usr/bin/env bash
# `npm test`: lint (ESLint, Prettier, dependency-cruiser, knip), types, unit tests, integration tests against a real PostgreSQL, then Playwright end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm run lint
npx tsc --noEmit
npx vitest run --project unit
npx vitest run --project integration
npx playwright test
