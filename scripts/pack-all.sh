#!/usr/bin/env bash
# Builds and packs the six published packages (plugins/*) the way a release
# would (`yarn pack` runs prepack/postpack), then checks each tarball ships
# what the package needs and nothing else. Usage: scripts/pack-all.sh [out-dir]
# (default: a temp dir, removed afterwards). Prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/toolchain.sh
started_at=$SECONDS

out_dir="${1:-}"
if [ -z "${out_dir}" ]; then
  out_dir="$(mktemp -d)"
  trap 'rm -rf "${out_dir}"' EXIT
fi
mkdir -p "${out_dir}"
out_dir="$(cd "${out_dir}" && pwd)"

for package_dir in plugins/*/; do
  name="$(node -p "require('./${package_dir}package.json').name")"
  kc_log "packing ${name}"
  (cd "${package_dir}" && yarn build >/dev/null && yarn pack --out "${out_dir}/%s-%v.tgz" >/dev/null)
done
node scripts/check-packed-files.mjs "${out_dir}"
kc_log "packed the six packages into ${out_dir} in $((SECONDS - started_at)) s"
