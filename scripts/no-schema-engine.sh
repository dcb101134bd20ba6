#!/bin/sh
echo "The native Prisma schema engine is not available here: use 'npm run db:migrate' (WASM engine) instead." >&2
exit 1
