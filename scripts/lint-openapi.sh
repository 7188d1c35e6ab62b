#!/usr/bin/env bash
# Lints the OpenAPI document the API serves at /openapi.json with Redocly (rules in redocly.yaml). The document is
# written first by the application's own generation (apps/api/src/openapi/write-openapi.ts) in Nest's preview mode:
# every route, no database, Redis or event store needed.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npm run --silent openapi -- "$dir/openapi.json"
# Redocly sends usage telemetry and looks for updates unless told not to.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx redocly lint --config redocly.yaml --format=stylish "$dir/openapi.json"
