# Sourced by the project's scripts: puts a suitable Node and Yarn first on PATH.
#
# Current Backstage needs Node 22 or 24. When the system Node is older, Node 24
# is installed from the npm package `node@24` into .tools/ (git-ignored), and
# Yarn is prepared through corepack, all from the configured npm registry.
# Idempotent: each step is skipped when its result is already in place.

KC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_TOOLS="${KC_ROOT}/.tools"
KC_NODE_MAJOR=24

kc_log() { printf '\033[1m[kafka-connect]\033[0m %s\n' "$*" >&2; }
kc_die() { printf '\033[31m[kafka-connect] error:\033[0m %s\n' "$*" >&2; exit 1; }

kc_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

kc_ensure_node() {
  local system_major
  system_major="$(kc_node_major node)"
  if [ "${system_major}" = 22 ] || [ "${system_major}" = 24 ]; then
    return 0
  fi
  local local_node="${KC_TOOLS}/node/node_modules/node/bin/node"
  if [ ! -x "${local_node}" ] || [ "$(kc_node_major "${local_node}")" != "${KC_NODE_MAJOR}" ]; then
    command -v npm >/dev/null || kc_die "npm is needed to install Node ${KC_NODE_MAJOR}; install Node.js (any version) with npm first."
    kc_log "system Node is ${system_major}; installing node@${KC_NODE_MAJOR} into .tools/node (once)"
    mkdir -p "${KC_TOOLS}/node"
    # The package's preinstall fetches the platform binary from the registry too.
    npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
      --prefix "${KC_TOOLS}/node" "node@${KC_NODE_MAJOR}" >"${KC_TOOLS}/node-install.log" 2>&1 \
      || kc_die "installing node@${KC_NODE_MAJOR} failed; see .tools/node-install.log"
  fi
  export PATH="${KC_TOOLS}/node/node_modules/node/bin:${PATH}"
}

kc_ensure_yarn() {
  # Corepack builds a bad URL when the registry ends with a slash (HTTP 400).
  if [ -z "${COREPACK_NPM_REGISTRY:-}" ]; then
    COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's:/*$::')"
    export COREPACK_NPM_REGISTRY
  fi
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  export COREPACK_HOME="${KC_TOOLS}/corepack"
  if [ ! -x "${KC_TOOLS}/bin/yarn" ]; then
    command -v corepack >/dev/null || kc_die "corepack is missing; it ships with Node.js 16.9+ (install the system nodejs package)."
    mkdir -p "${KC_TOOLS}/bin"
    corepack enable --install-directory "${KC_TOOLS}/bin" yarn
  fi
  export PATH="${KC_TOOLS}/bin:${PATH}"
}

kc_manifest_digest() {
  (cd "${KC_ROOT}" && { cat package.json yarn.lock .yarnrc.yml packages/*/package.json plugins/*/package.json 2>/dev/null || true; } | sha256sum | cut -d' ' -f1)
}

# Runs `yarn install` only when package manifests or the lockfile changed since
# the last successful install.
kc_ensure_dependencies() {
  local stamp="${KC_ROOT}/node_modules/.kc-install-stamp"
  if [ -f "${stamp}" ] && [ "$(cat "${stamp}")" = "$(kc_manifest_digest)" ]; then
    return 0
  fi
  kc_log "installing dependencies (yarn install)"
  local flags=()
  if [ "${CI:-}" = true ]; then flags+=(--immutable); fi
  (cd "${KC_ROOT}" && yarn install "${flags[@]}") || kc_die "yarn install failed (see the output above)"
  # Taken after the install, which may have written yarn.lock.
  kc_manifest_digest >"${stamp}"
}

kc_bootstrap() {
  kc_ensure_node
  kc_ensure_yarn
  kc_ensure_dependencies
}
