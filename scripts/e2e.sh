#!/usr/bin/env bash
# End-to-end tests: starts the portal exactly as the README's start command
# does (local clusters included), drives it with Playwright in Debian's
# Chromium, then stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/toolchain.sh
source scripts/lib/system-packages.sh
kc_bootstrap
kc_ensure_chromium

export KC_APP_PORT="${KC_APP_PORT:-3000}" KC_BACKEND_PORT="${KC_BACKEND_PORT:-7007}"
# The tests read where the portal is from these.
export PORTAL_URL="http://localhost:${KC_APP_PORT}" KC_BACKEND_URL="http://127.0.0.1:${KC_BACKEND_PORT}"
for port in "${KC_APP_PORT}" "${KC_BACKEND_PORT}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
    kc_die "port ${port} is in use; stop the running portal before the end-to-end tests"
  fi
done

mkdir -p test-results
portal_log=test-results/portal.log
# A session of its own, so the whole portal (dev server, backend) stops with one signal.
setsid scripts/start.sh >"${portal_log}" 2>&1 &
portal_pid=$!

stop_portal() {
  if kill -0 "${portal_pid}" 2>/dev/null; then
    kill -TERM -- "-${portal_pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "${portal_pid}" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-${portal_pid}" 2>/dev/null || true
  fi
  # The start script stops its clusters on exit; make sure, even if it was killed.
  yarn dev-cluster down eu-1 us-1 >/dev/null 2>&1 || true
}
trap stop_portal EXIT

wait_for() {
  local url="$1" timeout="$2" started=$SECONDS
  until curl -fsS -o /dev/null "${url}" 2>/dev/null; do
    if ! kill -0 "${portal_pid}" 2>/dev/null; then
      tail -n 40 "${portal_log}" >&2
      kc_die "the portal exited before ${url} answered; log: ${portal_log}"
    fi
    if ((SECONDS - started > timeout)); then
      tail -n 40 "${portal_log}" >&2
      kc_die "${url} did not answer within ${timeout} s; log: ${portal_log}"
    fi
    sleep 2
  done
}

kc_log "waiting for the portal (log: ${portal_log})"
wait_for "${KC_BACKEND_URL}/api/kafka-connect/health" 600
wait_for "http://127.0.0.1:${KC_APP_PORT}" 600
kc_log "portal is up; running Playwright"
yarn playwright test "$@"
