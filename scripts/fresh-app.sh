#!/usr/bin/env bash
# The drop-in proof: makes an app with @backstage/create-app, installs the
# suite's six packed packages into it and wires them only as the packages'
# READMEs say (scripts/fresh-app/wire.mjs), type-checks it, starts it against
# a local cluster whose sample connectors run on a real Kafka Connect worker,
# and checks in Chromium that an entity page shows the card, the tab opens and
# the scaffolder lists both actions. Prints its time.
#
# Usage: scripts/fresh-app.sh [tarball-dir]   (packs into a temp dir when none is given)
# Ports: KC_FRESH_APP_PORT (3100) and KC_FRESH_BACKEND_PORT (7107).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/toolchain.sh
source scripts/lib/system-packages.sh
started_at=$SECONDS
repo_root="${PWD}"

app_port="${KC_FRESH_APP_PORT:-3100}"
backend_port="${KC_FRESH_BACKEND_PORT:-7107}"
work_dir="$(mktemp -d /tmp/kcs-fresh-app.XXXXXX)"
app_dir="${work_dir}/app"
log_dir="${repo_root}/test-results/fresh-app"
rm -rf "${log_dir}"
mkdir -p "${log_dir}"
# The proof's cluster lives apart from any other local cluster of this checkout.
export KC_DEV_CLUSTER_HOME="${work_dir}/clusters"
export KC_DEV_CLUSTER_OWNER_PID="${KC_DEV_CLUSTER_OWNER_PID:-$$}"
# Named like the demo's first cluster, whose sample data it loads (its own state folder, above).
cluster_name=eu-1
app_pid=

cleanup() {
  local status=$?
  set +e
  if [ -n "${app_pid}" ] && kill -0 "${app_pid}" 2>/dev/null; then
    kill -TERM -- "-${app_pid}" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "${app_pid}" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-${app_pid}" 2>/dev/null
  fi
  (cd "${repo_root}" && yarn dev-cluster down "${cluster_name}" >/dev/null 2>&1)
  # KC_FRESH_APP_KEEP=1 keeps the app for a look after a failure.
  if [ "${KC_FRESH_APP_KEEP:-}" = 1 ]; then kc_log "fresh app kept in ${app_dir}"; else rm -rf "${work_dir}"; fi
  exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

kc_bootstrap

phase_started=$SECONDS
phase() {
  kc_log "fresh app: $1 ($((SECONDS - phase_started)) s since the previous phase)"
  phase_started=$SECONDS
}

tarball_dir="${1:-}"
if [ -z "${tarball_dir}" ]; then
  tarball_dir="${work_dir}/tarballs"
  scripts/pack-all.sh "${tarball_dir}"
  phase "packed the six packages"
fi
tarball_dir="$(cd "${tarball_dir}" && pwd)"

# create-app checks for a Yarn on PATH outside any project.
yarn_version="$(node -p "require('./package.json').packageManager.split('@')[1]")"
(cd "${work_dir}" && corepack install -g "yarn@${yarn_version}" >/dev/null)
(cd "${work_dir}" && BACKSTAGE_APP_NAME=app npx --yes @backstage/create-app@latest \
  --skip-install --path "${app_dir}" >"${log_dir}/create-app.log" 2>&1) ||
  { tail -n 30 "${log_dir}/create-app.log" >&2; kc_die "create-app failed; log: ${log_dir}/create-app.log"; }
kc_log "fresh app: $(grep -o '"version": "[^"]*"' "${app_dir}/backstage.json") from @backstage/create-app"
phase "created the app"

# A local cluster with the sample connectors on a real Kafka Connect worker.
yarn dev-cluster up --name "${cluster_name}" >"${log_dir}/cluster.log" 2>&1 ||
  { tail -n 30 "${log_dir}/cluster.log" >&2; kc_die "the local cluster did not start; log: ${log_dir}/cluster.log"; }
yarn dev-cluster app-config --out "${work_dir}/cluster.app-config.yaml" >/dev/null
phase "started the local cluster"

node scripts/fresh-app/wire.mjs "${app_dir}" "${tarball_dir}" \
  "${work_dir}/cluster.app-config.yaml" "${app_port},${backend_port}"

# CI=true makes Yarn refuse to write a lockfile; a fresh app has none yet.
(cd "${app_dir}" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn install >"${log_dir}/install.log" 2>&1) ||
  { grep -E 'YN0(001|009|082|060)|Error' "${log_dir}/install.log" | tail -n 30 >&2; kc_die "yarn install in the fresh app failed; log: ${log_dir}/install.log"; }
phase "installed the app with the suite's tarballs"

# The suite's Backstage ranges match the fresh app's: no version of a
# Backstage library that only the suite's packages use.
node scripts/fresh-app/check-copies.mjs "${app_dir}"

(cd "${app_dir}" && yarn tsc >"${log_dir}/tsc.log" 2>&1) ||
  { tail -n 40 "${log_dir}/tsc.log" >&2; kc_die "the fresh app does not type-check with the suite; log: ${log_dir}/tsc.log"; }
phase "type-checked the app"

# A session of its own, so the dev server and the backend stop with one signal.
setsid env -C "${app_dir}" yarn start >"${log_dir}/app.log" 2>&1 &
app_pid=$!
wait_for() {
  local url="$1" timeout="$2" started=$SECONDS
  until curl -fsS -o /dev/null "${url}" 2>/dev/null; do
    kill -0 "${app_pid}" 2>/dev/null || { tail -n 40 "${log_dir}/app.log" >&2; kc_die "the fresh app exited; log: ${log_dir}/app.log"; }
    ((SECONDS - started < timeout)) || { tail -n 40 "${log_dir}/app.log" >&2; kc_die "${url} did not answer within ${timeout} s"; }
    sleep 2
  done
}
wait_for "http://127.0.0.1:${backend_port}/api/kafka-connect/health" 300
wait_for "http://127.0.0.1:${app_port}" 600
phase "started the app"

kc_ensure_chromium
PORTAL_URL="http://localhost:${app_port}" yarn playwright test -c scripts/fresh-app/playwright.config.ts
phase "checked the app in Chromium"
kc_log "fresh app proof passed in $((SECONDS - started_at)) s"
