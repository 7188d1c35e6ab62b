#!/usr/bin/env bash
# The Dockerfile's obvious rules, checked without a Docker engine (none runs on the build machines). Part of
# `npm run lint`. Usage: scripts/check-dockerfile.sh [repository root]; exits 1 naming every broken rule.
#   - every stage starts from node:<the Node.js version CI uses>-bookworm-slim (scripts/use-node24.sh pins it) or an
#     earlier stage;
#   - dependencies come from `npm ci` (never `npm install`), and each build step (`npm ci ...`, `npm run build`) is a
#     line of .ci/run, word for word: the image builds as CI does;
#   - the runtime stage owns /app by `node`, copies as `node`, runs as a user other than root, has a HEALTHCHECK on
#     /health, and bakes no secret into ENV or ARG;
#   - .dockerignore keeps node_modules, .git, .env, .local/, dist, coverage and .tools/ out of the build context.
set -uo pipefail
root=${1:-"$(dirname "$0")/.."}
dockerfile="$root/docker/Dockerfile"
problems=()
problem() { problems+=("$1"); }

for file in "$dockerfile" "$root/.dockerignore" "$root/.ci/run" "$root/scripts/use-node24.sh"; do
  [ -f "$file" ] || { echo "check-dockerfile: $file is missing" >&2; exit 1; }
done

node_version=$(sed -n 's/^CASETRACK_NODE_VERSION=\([0-9.]*\)$/\1/p' "$root/scripts/use-node24.sh")
base="node:$node_version-bookworm-slim"
[[ "$node_version" == 24.* ]] || problem "scripts/use-node24.sh must pin a Node.js 24 version (found '$node_version')"

# One instruction per line: continuations joined, comments and blank lines dropped.
mapfile -t instructions < <(awk '
  /^[[:space:]]*#/ && line == "" { next }
  { sub(/[[:space:]]+$/, "") }
  /\\$/ { sub(/\\$/, ""); line = line $0 " "; next }
  { line = line $0; if (line ~ /[^[:space:]]/) print line; line = "" }
' "$dockerfile")

stages=()
final_from=-1
for i in "${!instructions[@]}"; do
  read -r keyword rest <<<"${instructions[$i]}"
  if [ "${keyword^^}" = FROM ]; then
    read -r image _as name <<<"$rest"
    known=false
    for stage in "${stages[@]}"; do [ "$image" = "$stage" ] && known=true; done
    if ! $known && [[ "$image" != "$base" && "$image" != "$base@sha256:"* ]]; then
      problem "FROM $image: every stage must start from $base (the Node.js CI runs) or an earlier stage"
    fi
    [ -n "${name:-}" ] && stages+=("$name")
    final_from=$i
  fi
done
[ "$final_from" -ge 0 ] || problem "no FROM instruction"

ci_lines=$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//' "$root/.ci/run")
saw_npm_ci=false
for instruction in "${instructions[@]}"; do
  read -r keyword rest <<<"$instruction"
  [ "${keyword^^}" = RUN ] || continue
  if grep -Eq '(^|[;&|[:space:]])(npm[[:space:]]+(install|i|add|isntall)|yarn|pnpm)([[:space:]]|$)' <<<"$rest"; then
    problem "RUN $rest: dependencies come from 'npm ci' and the lockfile, never 'npm install', yarn or pnpm"
  fi
  if [[ "$rest" == "npm ci"* || "$rest" == "npm run build"* ]]; then
    [[ "$rest" == "npm ci"* ]] && saw_npm_ci=true
    grep -Fxq -- "$rest" <<<"$ci_lines" || problem "RUN $rest: not a line of .ci/run; the image must build as CI does"
  fi
done
$saw_npm_ci || problem "no 'RUN npm ci ...': the image must install from the lockfile"

runtime=("${instructions[@]:$((final_from < 0 ? 0 : final_from))}")
user="" healthcheck="" owns_app=false
for instruction in "${runtime[@]}"; do
  read -r keyword rest <<<"$instruction"
  case "${keyword^^}" in
    USER) user=$rest ;;
    HEALTHCHECK) healthcheck=$rest ;;
    RUN)
      if grep -Eq '(install -d .*-o node|chown (-R )?node(:node)?) .*/app( |$)' <<<"$rest"; then owns_app=true; fi
      ;;
    COPY | ADD)
      [[ "$rest" == *"--chown=node:node"* ]] || problem "$keyword $rest: the runtime stage copies files as node (--chown=node:node)"
      ;;
    ENV | ARG)
      if grep -Eiq '(^|[[:space:]])[A-Z0-9_]*(KEY|SECRET|PASSWORD|TOKEN)[A-Z0-9_]*=' <<<"$rest"; then
        problem "$keyword $rest: no secret in the image; give it at run time (a variable or a *_FILE secret)"
      fi
      ;;
  esac
done
case "${user%%:*}" in
  "") problem "the runtime stage sets no USER: it would run as root" ;;
  root | 0) problem "USER $user: the runtime stage must not run as root" ;;
esac
$owns_app || problem "the runtime stage must give /app to node (e.g. RUN install -d -o node -g node /app)"
if [ -z "$healthcheck" ] || [[ "${healthcheck^^}" == NONE* ]]; then
  problem "the runtime stage has no HEALTHCHECK"
elif [[ "$healthcheck" != *"/health"* ]]; then
  problem "HEALTHCHECK $healthcheck: it must ask the service's /health"
fi

ignored=$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//; s#^/##; s#/$##' "$root/.dockerignore")
for entry in node_modules .git .env .local dist coverage .tools; do
  grep -Fxq -- "$entry" <<<"$ignored" || problem ".dockerignore must list $entry"
done

if [ ${#problems[@]} -gt 0 ]; then
  printf 'check-dockerfile: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-dockerfile: docker/Dockerfile and .dockerignore follow the rules ($base, as CI builds)"
