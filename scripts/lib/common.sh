# Shared by the scripts: the cache, the model settings, and a Postgres to talk to.
# Source it; it defines ensure_postgres and loads the settings written by scripts/setup.
AISLE_CACHE="${AISLE_CACHE:-$HOME/.cache/aisle}"
export AISLE_CACHE

say() { printf '\033[1m[aisle]\033[0m %s\n' "$*" >&2; }

load_model_env() {
  # shellcheck disable=SC1091
  source "$AISLE_CACHE/env"
}

# Uses DATABASE_URL when given. Otherwise starts (once) a private cluster listening on
# 127.0.0.1:$AISLE_PG_PORT and points DATABASE_URL at its `postgres` database.
ensure_postgres() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    return 0
  fi
  local port="${AISLE_PG_PORT:-54329}"
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -x "$bin/initdb" ]] || { say "PostgreSQL server binaries not found: run scripts/setup"; return 1; }
  # initdb refuses to run as root: then the cluster belongs to the postgres user, in a folder it can reach.
  local data run=()
  if [[ $(id -u) -eq 0 ]]; then
    data="${AISLE_PG_DATA:-/var/tmp/aisle-postgres}"
    run=(runuser -u postgres --)
  else
    data="${AISLE_PG_DATA:-$AISLE_CACHE/postgres}"
  fi
  if [[ ! -f "$data/PG_VERSION" ]]; then
    say "creating a private PostgreSQL cluster in $data"
    mkdir -p "$data"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$data"
    "${run[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 >/dev/null
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$port"
    "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c max_connections=200" start >/dev/null
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

# DATABASE_URL with its database name replaced by $1, created if missing.
database_named() {
  local name=$1 base=${DATABASE_URL%/*}
  local url="$base/$name"
  if ! psql "$DATABASE_URL" -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    psql "$DATABASE_URL" -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
  echo "$url"
}

# RUSTFLAGS for an AVX-512 build of this machine's CPU (x86-64-v4 with the VNNI, VBMI and BF16
# extensions it has; never AMX); fails on a CPU without the AVX-512 that x86-64-v4 needs.
avx512_rustflags() {
  local flags f extra=()
  flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  for f in avx512f avx512bw avx512cd avx512dq avx512vl; do
    [[ "$flags" == *" $f "* ]] || return 1
  done
  [[ "$flags" == *" avx512_vnni "* ]] && extra+=(+avx512vnni)
  [[ "$flags" == *" avx512vbmi "* ]] && extra+=(+avx512vbmi)
  [[ "$flags" == *" avx512_bf16 "* ]] && extra+=(+avx512bf16)
  local joined
  joined=$(IFS=,; echo "${extra[*]}")
  echo "-C target-cpu=x86-64-v4${joined:+ -C target-feature=$joined}"
}
