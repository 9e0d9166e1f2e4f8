#!/usr/bin/env bash
# Sets everything up on a fresh clone and starts the portal: frontend on
# http://localhost:3000, backend on http://localhost:7007, with two local
# Kubernetes clusters (eu-1, us-1) holding Strimzi sample data, each with a
# real Kafka broker and Kafka Connect worker. Ctrl-C stops the portal and the
# clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/toolchain.sh
source scripts/lib/system-packages.sh
source scripts/lib/postgres.sh

# us-1 first: eu-1's MirrorMaker 2 mirrors a real topic of us-1's broker.
KC_DEMO_CLUSTERS=(us-1 eu-1)
# Other ports let a second checkout run its own portal beside this one.
KC_APP_PORT="${KC_APP_PORT:-3000}"
KC_BACKEND_PORT="${KC_BACKEND_PORT:-7007}"
# Local clusters stop with this script even if it is killed without a chance to clean up.
export KC_DEV_CLUSTER_OWNER_PID=$$

kc_bootstrap
kc_ensure_java_maven
# kube-apiserver and etcd from Go modules, Kafka from Maven packages: once per machine.
yarn dev-cluster build-binaries

stop_clusters() {
  trap - EXIT INT TERM
  kc_log "stopping local clusters"
  yarn dev-cluster down "${KC_DEMO_CLUSTERS[@]}" >/dev/null 2>&1 || true
  kc_postgres_stop
}
trap stop_clusters EXIT
trap 'exit 130' INT TERM

# A PostgreSQL with logical replication whose table the sample Debezium
# connectors stream into real topics (a throw-away server, like the tests').
kc_ensure_postgres_installed
kc_postgres_start
"${KC_PG_BIN}/psql" "${KC_TEST_POSTGRES_URL}/postgres" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE shop"
"${KC_PG_BIN}/psql" "${KC_TEST_POSTGRES_URL}/shop" -v ON_ERROR_STOP=1 -qc \
  "CREATE TABLE public.orders (id serial PRIMARY KEY, item text NOT NULL, status text NOT NULL);
   INSERT INTO public.orders (item, status) VALUES ('book', 'created'), ('lamp', 'shipped'), ('chair', 'created')"
export KC_DEMO_POSTGRES_URL="${KC_TEST_POSTGRES_URL}/shop"

for cluster in "${KC_DEMO_CLUSTERS[@]}"; do
  yarn dev-cluster up --name "${cluster}"
done
# Cluster URLs and tokens change with every start, so their config is generated.
yarn dev-cluster app-config --out "${PWD}/.dev-cluster/app-config.yaml"
cat >"${PWD}/.dev-cluster/ports.app-config.yaml" <<EOF
# Written by scripts/start.sh from KC_APP_PORT and KC_BACKEND_PORT.
app:
  baseUrl: http://localhost:${KC_APP_PORT}
  listen: { host: 127.0.0.1, port: ${KC_APP_PORT} }
backend:
  baseUrl: http://localhost:${KC_BACKEND_PORT}
  listen: { host: 127.0.0.1, port: ${KC_BACKEND_PORT} }
  cors: { origin: http://localhost:${KC_APP_PORT} }
EOF

kc_log "starting the portal: http://localhost:${KC_APP_PORT} (backend http://localhost:${KC_BACKEND_PORT})"
yarn start --config "${PWD}/app-config.yaml" --config "${PWD}/.dev-cluster/app-config.yaml" \
  --config "${PWD}/.dev-cluster/ports.app-config.yaml"
