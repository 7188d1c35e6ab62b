#!/usr/bin/env bash
# Every test tier in one jest run, then the console's Vitest tests; the last line is "N passed, N failed" (both).
set -uo pipefail
cd "$(dirname "$0")/.."
# The dossier tests render PDFs to PNG and read them back with Debian's poppler-utils: installed when missing (as root).
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing poppler-utils (pdftoppm, pdftotext) for the dossier tests" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "the dossier tests need pdftoppm and pdftotext: install poppler-utils" >&2
  fi
fi
results=$(mktemp)
web_results=$(mktemp)
npx jest --maxWorkers=2 --json --outputFile="$results" "$@"
status=$?
# The console's component tests (Vitest, jsdom), after jest; their counts join jest's in the last line.
npx vitest run --config apps/web/vitest.config.mts --reporter=default --reporter=json --outputFile="$web_results"
web_status=$?
[ "$status" -eq 0 ] && status=$web_status
node -e '
  const fs = require("fs");
  const read = (file) => { try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch { return null; } };
  const r = read(process.argv[1]) ?? {};
  const w = read(process.argv[2]) ?? {};
  const broken = (r.numRuntimeErrorTestSuites ?? 0) + (w.numRuntimeErrorTestSuites ?? 0);
  if (broken) console.log(`${broken} test file(s) failed to run`);
  if (!w.numTotalTests && !w.numTotalTestSuites) console.log("the console tests (vitest) did not report");
  const passed = (r.numPassedTests ?? 0) + (w.numPassedTests ?? 0);
  const failed = (r.numFailedTests ?? 0) + (w.numFailedTests ?? 0);
  console.log(`${passed} passed, ${failed} failed`);
' "$results" "$web_results" || echo "0 passed, 0 failed"
rm -f "$results" "$web_results"
exit $status
