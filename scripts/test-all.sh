#!/usr/bin/env bash
# Runs every test of the suite: type check, lint, unit, integration (real
# kube-apiserver + etcd, PostgreSQL) and end-to-end (Chromium against the
# started portal). Sets up whatever is missing first. Non-interactive; exits
# non-zero on the first failure and leaves no process running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/toolchain.sh
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh

export CI="${CI:-true}"
KC_TEST_CLUSTER_NAME=test
# Local clusters stop with this script even if it is killed without a chance to clean up.
export KC_DEV_CLUSTER_OWNER_PID=$$
started_at=$SECONDS

# Every step's output also goes to test-results/logs/, which the final secrets
# scan reads (with the API responses recorded during the unit and integration
# tests and the portal's during the e2e tests).
KC_STEP_LOGS=test-results/logs
rm -rf "${KC_STEP_LOGS}" test-results/api-responses
mkdir -p "${KC_STEP_LOGS}"

step() {
  local title="$1"
  shift
  local step_started=$SECONDS
  local log
  log="${KC_STEP_LOGS}/$(printf '%s' "${title}" | tr -cs 'a-zA-Z0-9' '-').log"
  kc_log "▶ ${title}"
  # Process substitution keeps shell functions (which export variables) in this shell.
  "$@" > >(tee "${log}") 2>&1
  kc_log "✔ ${title} ($((SECONDS - step_started)) s)"
}

cleanup() {
  local status=$?
  set +e
  if [ -x "${KC_TOOLS}/bin/yarn" ] && [ -d node_modules ]; then
    yarn dev-cluster down "${KC_TEST_CLUSTER_NAME}" >/dev/null 2>&1
  fi
  kc_postgres_stop
  [ -n "${KC_PACKED_DIR:-}" ] && rm -rf "${KC_PACKED_DIR}"
  if [ "${status}" = 0 ]; then
    kc_log "all tests passed in $((SECONDS - started_at)) s"
  else
    kc_log "tests FAILED (exit ${status}) after $((SECONDS - started_at)) s"
  fi
  exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "toolchain and dependencies" kc_bootstrap
step "type check" yarn tsc
step "lint" yarn lint:all
# Publishing metadata (backstage.pluginId, pluginPackages, pluginPackage) is
# what `backstage-cli repo fix --publish` would write.
step "publish metadata" yarn backstage-cli repo fix --publish --check
# Every import of the published packages' code and type declarations
# (dist-types from the type check) is a declared dependency.
step "declared dependencies" node scripts/check-package-deps.mjs
# Builds and packs the six packages (prepack included) and checks what each
# tarball ships against its files list (about 40 s). The fresh-app proof below
# installs these tarballs.
KC_PACKED_DIR="$(mktemp -d)"
step "pack the published packages" scripts/pack-all.sh "${KC_PACKED_DIR}"
# The published packages' API reports (report.api.md) match their exports, and
# every export carries a release tag; `yarn build:api-reports` rewrites them.
# Reads the declarations the type check just wrote to dist-types.
step "API reports" yarn test:api-reports
step "formatting" yarn prettier:check
# Every HTTP response served in the unit and integration tests' processes is
# recorded for the final secrets scan (a preloaded recorder; jest's workers
# inherit NODE_OPTIONS).
KC_RECORDER="--require ${PWD}/scripts/lib/record-http-responses.cjs"
step "unit tests" env \
  KC_RECORD_API_RESPONSES="${PWD}/test-results/api-responses/unit.jsonl" \
  NODE_OPTIONS="${KC_RECORDER}" \
  yarn backstage-cli repo test --testPathIgnorePatterns '\.integration\.test\.' --testPathIgnorePatterns '/e2e-tests/'

step "Java and Maven" kc_ensure_java_maven
# Prints how long the Maven resolution took (once per machine; cached outside the repo).
step "Kafka, Kafka Connect and Debezium (Maven)" yarn dev-cluster build-kafka
step "Kubernetes binaries and helm (kube-apiserver, etcd, helm)" yarn dev-cluster build-binaries
# The test cluster runs a real Kafka broker and Connect worker too; its log says how long they took to start.
step "local cluster for integration tests" yarn dev-cluster up --name "${KC_TEST_CLUSTER_NAME}" --no-sample-data
export KC_TEST_CLUSTER="${KC_TEST_CLUSTER_NAME}"
step "PostgreSQL for integration tests" kc_postgres_start
step "integration tests" env \
  KC_RECORD_API_RESPONSES="${PWD}/test-results/api-responses/integration.jsonl" \
  NODE_OPTIONS="${KC_RECORDER}" \
  yarn backstage-cli repo test --runInBand '\.integration\.test\.'
yarn dev-cluster down "${KC_TEST_CLUSTER_NAME}" >/dev/null
kc_postgres_stop
step "benchmark: backend on 10,000 connectors" yarn workspace @kcs/plugin-kafka-connect-backend bench 10000
step "benchmark: side by side with the Kubernetes plugin, 10,000 connectors" \
  env KC_BENCH_REPORT="${PWD}/test-results/benchmarks/side-by-side.txt" yarn workspace backend bench:side-by-side 10000 300 30
step "benchmark: multi-cluster, 2,000 connectors over 2 clusters, real auth, catalog and permissions" \
  env KC_BENCH_REPORT="${PWD}/test-results/benchmarks/multi-cluster.txt" yarn workspace backend bench:multi-cluster 2000 2 100 10 100
step "benchmark: ownership page's first page of 50 over 10,000 connectors" yarn workspace @kcs/plugin-kafka-connect-backend bench:connector-page 10000 100
step "benchmark: create a connector into a values file of 2,000 entries" yarn workspace @kcs/plugin-scaffolder-backend-module-kafka-connect bench 2000

step "Chromium for end-to-end tests" kc_ensure_chromium
export KC_RECORD_API_RESPONSES="${PWD}/test-results/api-responses/portal.jsonl"
step "end-to-end tests" scripts/e2e.sh
# The packed packages in an app fresh from @backstage/create-app, wired as their
# READMEs say, against a local cluster, checked in Chromium (about 4 min).
step "fresh create-app app with the packed packages" scripts/fresh-app.sh "${KC_PACKED_DIR}"
step "secrets scan of every log and recorded API response" yarn dev-cluster scan-secrets "${PWD}/test-results"
