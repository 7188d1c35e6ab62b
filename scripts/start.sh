#!/usr/bin/env bash
# Builds when the sources are newer than the build, then runs every role in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
entry=dist/apps/api/src/main.js
if [ ! -f "$entry" ] || [ -n "$(find apps libs migrations -name '*.ts' -newer "$entry" -print -quit)" ]; then
  npm run build
fi
exec node "$entry"
