#!/usr/bin/env bash
# Every test tier in one jest run; the last line is "N passed, N failed".
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
