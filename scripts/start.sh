#!/usr/bin/env bash
# Builds when the sources are newer than the build, then runs every role in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside production, a development master key is created once and kept in .local/ (never committed), unless the
# key is given, itself or as a file (MASTER_KEY_FILE).
if [ -z "${MASTER_KEY:-}" ] && [ -z "${MASTER_KEY_FILE:-}" ] && [ "${NODE_ENV:-development}" != "production" ]; then
  keyfile=.local/master-key
  if [ ! -f "$keyfile" ]; then
    mkdir -p .local
    (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))" > "$keyfile")
    echo "casetrack: created a development master key in $keyfile; without it the cases' sensitive fields cannot be read" >&2
  fi
  MASTER_KEY=$(cat "$keyfile")
  export MASTER_KEY
fi

entry=dist/apps/api/src/main.js
console=dist/web/index.html
# Newer sources of either build (the API's TypeScript, the console's TypeScript, styles, catalogues) rebuild both.
newer() {
  [ -n "$(find apps libs migrations \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.json' -o -name 'index.html' \) \
    -not -path '*/node_modules/*' -newer "$1" -print -quit)" ]
}
if [ ! -f "$entry" ] || [ ! -f "$console" ] || newer "$entry" || newer "$console"; then
  npm run build
fi
exec node "$entry"
