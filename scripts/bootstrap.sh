#!/usr/bin/env bash
# Prepares a fresh clone: Node 24 when needed, Yarn through corepack, and
# dependencies. Safe to run again; fast when nothing changed.
set -euo pipefail
# shellcheck source=lib/toolchain.sh
source "$(dirname "$0")/lib/toolchain.sh"
kc_bootstrap
kc_log "toolchain ready: node $(node --version), yarn $(yarn --version)"
