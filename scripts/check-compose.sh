#!/usr/bin/env bash
# Validates docker/docker-compose*.yml with a real compose implementation, without a Docker engine (none runs on the
# build machines): `config -q` parses and validates each layout against the compose schema (interpolation, anchors,
# profiles, dependencies), then the resolved configuration is checked for what the deployment relies on:
#   - every image is pinned to a version (casetrack:* is built here from docker/Dockerfile);
#   - Redis runs with a memory limit and noeviction (BullMQ needs both);
#   - every casetrack service's health check asks its /health (the worker's proves it works, not that Redis answers);
#   - development: a mail catcher is the default SMTP server;
#   - production: passwords for PostgreSQL and Redis, KurrentDB with TLS, and every secret of casetrack from a file.
# Uses `docker-compose` (Debian's package; .ci/run installs it when missing) or else `docker compose`.
# Usage: scripts/check-compose.sh [repository root]; exits 1 naming every broken rule.
set -uo pipefail
cd "${1:-"$(dirname "$0")/.."}" || exit 1

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  echo "check-compose: no compose implementation; install one (Debian: apt-get install docker-compose)" >&2
  exit 1
fi

failures=0
fail() {
  echo "check-compose: $*" >&2
  failures=$((failures + 1))
}

# Placeholders for the values each layout requires from the environment: only their presence is checked here.
dev_env=(MASTER_KEY=0000000000000000000000000000000000000000000000000000000000000000 WEBHOOK_SECRET=check-compose-placeholder)
prod_env=(PUBLIC_URL=https://casetrack.example.org MAIL_FROM=reminders@example.org BOOTSTRAP_ADMIN_EMAIL=admin@example.org)

# The resolved configuration of one layout on stdout; returns 1 (and says why) when the compose parser refuses it.
# Run in a command substitution: the caller counts the failure.
resolve() {
  local name=$1
  shift
  local output
  if ! output=$("$@" config 2>&1); then
    echo "check-compose: $name: the compose parser refuses it: $output" >&2
    return 1
  fi
  if ! "$@" config -q >/dev/null 2>&1; then
    echo "check-compose: $name: config -q fails" >&2
    return 1
  fi
  printf '%s\n' "$output"
}

# The block of one service in a resolved configuration, joined into one line (long strings are folded over lines).
service() {
  awk -v name="$2" '
    /^[^ ]/ { in_services = ($0 == "services:"); current = ""; next }
    in_services && /^  [^ ]/ { current = $0; sub(/^  /, "", current); sub(/:.*/, "", current); next }
    in_services && current == name { sub(/^ +/, ""); printf "%s ", $0 }
  ' <<<"$1"
}

services_of() {
  awk '/^[^ ]/ { s = ($0 == "services:"); next } s && /^  [^ ]/ { n = $0; sub(/^  /, "", n); sub(/:.*/, "", n); print n }' <<<"$1"
}

check_common() {
  local name=$1 config=$2 image svc block
  while read -r image; do
    [[ "$image" == casetrack:* ]] && continue
    if [[ ! "$image" =~ :v?[0-9]+\.[0-9]+(\.[0-9]+)?(-[A-Za-z0-9.]+)?(@sha256:[0-9a-f]{64})?$ ]]; then
      fail "$name: image $image is not pinned to a version"
    fi
  done < <(sed -n 's/^ *image: *//p' <<<"$config")
  block=$(service "$config" redis)
  [[ "$block" == *"--maxmemory-policy"*"noeviction"* || "$block" == *"- --maxmemory-policy - noeviction"* ]] ||
    fail "$name: redis must run with --maxmemory-policy noeviction"
  [[ "$block" =~ --maxmemory[[:space:]]+(-[[:space:]]+)?[0-9] ]] || fail "$name: redis must run with a --maxmemory limit"
  while read -r svc; do
    block=$(service "$config" "$svc")
    [[ "$block" == *"image: casetrack:"* ]] || continue
    [[ "$block" == *"healthcheck:"*"/health"* ]] || fail "$name: service $svc has no health check on /health"
  done < <(services_of "$config")
}

check_development() {
  local name=$1 config=$2 svc block
  [ -n "$(service "$config" mail)" ] || fail "$name: no mail catcher service (mail)"
  while read -r svc; do
    block=$(service "$config" "$svc")
    [[ "$block" == *"image: casetrack:"* ]] || continue
    [[ "$block" == *"SMTP_URL: smtp://mail:"* ]] || fail "$name: service $svc does not send mail to the mail catcher by default"
  done < <(services_of "$config")
}

check_production() {
  local name=$1 config=$2 svc block variable
  block=$(service "$config" postgres)
  [[ "$block" == *"POSTGRES_PASSWORD_FILE: /run/secrets/"* ]] || fail "$name: PostgreSQL needs a password from a secret file"
  [[ "$block" == *"POSTGRES_HOST_AUTH_METHOD: trust"* ]] && fail "$name: PostgreSQL must not trust connections"
  block=$(service "$config" redis)
  [[ "$block" == *"requirepass"*"/run/secrets/"* ]] || fail "$name: Redis needs a password from a secret file"
  block=$(service "$config" kurrentdb)
  local insecure="KURRENTDB_INSECURE: ['\"]?(true|True|1)"
  [[ "$block" == *"KURRENTDB_CERTIFICATE_FILE:"* && ! "$block" =~ $insecure ]] ||
    fail "$name: KurrentDB must run with TLS (a certificate, not insecure)"
  while read -r svc; do
    block=$(service "$config" "$svc")
    [[ "$block" == *"image: casetrack:"* ]] || continue
    [[ "$block" == *"KURRENTDB_CONNECTION_STRING_FILE:"* ]] || fail "$name: service $svc has no KurrentDB connection string file"
    for variable in MASTER_KEY DATABASE_URL REDIS_URL KURRENTDB_CONNECTION_STRING SMTP_URL WEBHOOK_SECRET BOOTSTRAP_ADMIN_PASSWORD; do
      [[ " $block" == *" $variable: "* ]] && fail "$name: service $svc has $variable in its environment; give it as ${variable}_FILE"
    done
  done < <(services_of "$config")
}

dev=(env "${dev_env[@]}" "${compose[@]}" -f docker/docker-compose.yml)
prod=(env "${prod_env[@]}" "${compose[@]}" -f docker/docker-compose.production.yml)

if config=$(resolve development "${dev[@]}"); then
  check_common development "$config"
  check_development development "$config"
else
  failures=$((failures + 1))
fi
if config=$(resolve postgres-only "${dev[@]}" --profile postgres-only); then
  check_common postgres-only "$config"
  check_development postgres-only "$config"
else
  failures=$((failures + 1))
fi
if config=$(resolve production "${prod[@]}"); then
  check_common production "$config"
  check_production production "$config"
else
  failures=$((failures + 1))
fi
resolve "production (setup profile)" "${prod[@]}" --profile setup >/dev/null || failures=$((failures + 1))
# The required settings are refused when missing, before anything starts.
if env -u MASTER_KEY WEBHOOK_SECRET=check-compose-placeholder "${compose[@]}" -f docker/docker-compose.yml config -q >/dev/null 2>&1; then
  fail "development: starts without MASTER_KEY"
fi

if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "check-compose: development, postgres-only and production layouts valid ($("${compose[@]}" version --short 2>/dev/null || echo compose))"
