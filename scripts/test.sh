#!/usr/bin/env bash
# Every test tier in one jest run; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp)
npx jest --maxWorkers=2 --json --outputFile="$results" "$@"
status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const broken = r.numRuntimeErrorTestSuites ?? 0;
  if (broken) console.log(`${broken} test file(s) failed to run`);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" || echo "0 passed, 0 failed"
rm -f "$results"
exit $status
