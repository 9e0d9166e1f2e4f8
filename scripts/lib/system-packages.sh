# Sourced: installs Debian packages the tests need when they are missing.

kc_apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || kc_die "installing $* needs root; run: sudo apt-get install -y $*"
    sudo=(sudo)
  fi
  kc_log "installing Debian packages: $*"
  # Index refresh only when the package is unknown to the local index.
  if ! apt-cache show "$@" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -qq || kc_die "apt-get update failed; cannot install $*"
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null \
    || kc_die "apt-get install $* failed"
}

kc_ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    kc_apt_install chromium
  fi
  export KC_CHROMIUM_PATH=/usr/bin/chromium
}

kc_postgres_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "${dir}" ] && [ -x "${dir}/postgres" ] && echo "${dir}"
}

kc_ensure_postgres_installed() {
  if [ -z "$(kc_postgres_bin_dir)" ]; then
    kc_apt_install postgresql
  fi
}

# Java 17+ and Maven: the local clusters' Kafka broker and Connect worker are
# resolved from Maven packages and run on the JVM (skipped with KC_KAFKA_HOME,
# which still needs java).
kc_ensure_java_maven() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  if [ -z "${KC_KAFKA_HOME:-}" ] && ! command -v mvn >/dev/null; then
    missing+=(maven)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    kc_apt_install "${missing[@]}"
  fi
}
