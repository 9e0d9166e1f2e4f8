# Sourced: starts a throw-away PostgreSQL server on a free loopback port for the
# tests, and stops it again. Data lives in a temporary folder. Logical
# replication is on, for the Debezium PostgreSQL connector on the real worker.
#
# Exports KC_TEST_POSTGRES_URL and the variable Backstage's TestDatabases reads
# for this major version (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING).

kc_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

kc_postgres_start() {
  kc_ensure_postgres_installed
  local bin major port
  bin="$(kc_postgres_bin_dir)"
  major="$(basename "$(dirname "${bin}")")"
  port="$(kc_free_port)"
  KC_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kcs-postgres.XXXXXX")"
  local run=()
  # initdb and postgres refuse to run as root: use the postgres system user.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "${KC_PG_DIR}"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "${bin}/initdb" -D "${KC_PG_DIR}/data" -U postgres -A trust --no-sync >"${KC_PG_DIR}/initdb.log" 2>&1 \
    || kc_die "initdb failed; see ${KC_PG_DIR}/initdb.log"
  "${run[@]}" "${bin}/pg_ctl" -D "${KC_PG_DIR}/data" -l "${KC_PG_DIR}/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${KC_PG_DIR} -c fsync=off -c max_connections=200 -c wal_level=logical" start >/dev/null \
    || kc_die "PostgreSQL did not start; see ${KC_PG_DIR}/server.log"
  KC_PG_RUN=("${run[@]}")
  KC_PG_BIN="${bin}"
  export KC_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:${port}"
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=${KC_TEST_POSTGRES_URL}"
  kc_log "PostgreSQL ${major} on 127.0.0.1:${port}"
}

kc_postgres_stop() {
  if [ -n "${KC_PG_DIR:-}" ] && [ -d "${KC_PG_DIR}/data" ]; then
    "${KC_PG_RUN[@]}" "${KC_PG_BIN}/pg_ctl" -D "${KC_PG_DIR}/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "${KC_PG_DIR}"
  fi
}
