#!/usr/bin/env bash
# The console's API types, generated from the OpenAPI document the API serves (written without a database).
# `--check` (in npm run lint) regenerates into a temporary file and fails when the committed types are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
target=apps/web/src/api/schema.ts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run --silent openapi -- "$work/openapi.json" >/dev/null
npx openapi-typescript "$work/openapi.json" --enum-values --output "$work/schema.d.ts" >/dev/null 2>&1
npx prettier --stdin-filepath "$target" <"$work/schema.d.ts" >"$work/formatted.d.ts"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$work/formatted.d.ts" "$target"; then
    echo "apps/web/src/api/schema.ts is stale: the OpenAPI document changed; run npm run web:api-types" >&2
    diff -u "$target" "$work/formatted.d.ts" | head -40 >&2 || true
    exit 1
  fi
  echo "console API types are up to date"
else
  cp "$work/formatted.d.ts" "$target"
  echo "wrote $target"
fi
