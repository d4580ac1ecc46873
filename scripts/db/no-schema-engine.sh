#!/bin/sh
# `prisma generate` wants a schema-engine binary path but never runs it. Migrations go through scripts/db/migrate.mjs.
echo "The native Prisma schema engine is not used by Envelope: run npm run db:migrate or npm run db:deploy." >&2
exit 1
