#!/usr/bin/env bash
# Load benchmark of account-api: the service on the machine's PostgreSQL, wrk on the same machine, all on
# 127.0.0.1. In one run and one JVM it measures
#   ping    GET /ping                       the bare Spring MVC baseline (no token, no database, no JSON)
#   get     GET /v1/accounts?phone=<E.164>  token check, one indexed query, JSON
#   patch   PATCH /v1/accounts/{id}         token check, If-Match, merge patch, update + audit row, one commit
# and prints a Markdown table (req/s, p50/p90/p99 latency, ratio to /ping, CPU split) for docs/benchmarks.md.
#
#   bash bench/account-api/run.sh
#
# Settings, from the environment: BENCH_THREADS (wrk threads, 2), BENCH_CONNECTIONS (32), BENCH_WARMUP (15s per
# scenario), BENCH_DURATION (30s per scenario), BENCH_PORT (8090), BENCH_HEAP (1g), BENCH_ACCOUNTS (2000),
# BENCH_IDLE_WAIT (seconds to wait for a load average below 1, 180), BENCH_SKIP_BUILD (1: use the jar as built).
# The launcher's database: BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/bench, created if missing),
# ACCOUNT_DB_USER, ACCOUNT_DB_PASSWORD.
#
# Figures are only worth keeping from an otherwise idle machine: the script waits (bounded) for the load
# average to settle and says in its output what it was.
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
MODULE=bench/account-api
OUT=$MODULE/target/bench
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-15s}
DURATION=${BENCH_DURATION:-30s}
PORT=${BENCH_PORT:-8090}
HEAP=${BENCH_HEAP:-1g}
ACCOUNTS=${BENCH_ACCOUNTS:-2000}
IDLE_WAIT=${BENCH_IDLE_WAIT:-180}
BASE=http://127.0.0.1:$PORT

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# PATCH warms up on the second half of the accounts and is measured on the first, so the measured run starts
# from the versions the launcher wrote; each wrk thread needs more accounts than connections (see patch.lua).
HALF=$((ACCOUNTS / 2))
if [ $((HALF / THREADS)) -le $((CONNECTIONS / THREADS)) ]; then
  echo "BENCH_ACCOUNTS=$ACCOUNTS is too few for $CONNECTIONS connections: need more than $((2 * CONNECTIONS))" >&2
  exit 2
fi

bench_install_wrk

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "Building..." >&2
  ./mvnw -B -ntp -q -pl "$MODULE" -am install -DskipTests
fi

bench_wait_for_idle "$IDLE_WAIT"

rm -rf "$OUT"
mkdir -p "$OUT"
echo "Starting the launcher on port $PORT (log: $OUT/server.log)..." >&2
"$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -jar "$MODULE/target/bench-account-api.jar" \
  --server.port="$PORT" --bench.accounts="$ACCOUNTS" --bench.output-dir="$OUT" >"$OUT/server.log" 2>&1 &
SERVER=$!

stop_server() { bench_stop "$SERVER"; }
trap stop_server EXIT

for ((i = 0; i < 180; i++)); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    tail -40 "$OUT/server.log" >&2
    echo "The launcher stopped before it was ready (log above)." >&2
    exit 1
  fi
  if [ -f "$OUT/accounts.csv" ] && curl -fsS -o /dev/null "$BASE/health"; then
    break
  fi
  sleep 1
done
if [ ! -f "$OUT/accounts.csv" ]; then
  echo "The launcher was not ready after 180 s; see $OUT/server.log" >&2
  exit 1
fi

postgres_pids() { pgrep -u postgres || true; }

# wrk_run <output> <duration> <url> <script> [script arguments...]
wrk_run() {
  local output=$1 duration=$2 url=$3 script=$4
  shift 4
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$MODULE/wrk/$script" "$url" -- "$@" >"$output"
}

# measure <scenario> <url> <script> [script arguments...]: one measured run, with the CPU each side used.
measure() {
  local name=$1 url=$2 script=$3
  shift 3
  local server0 postgres0 machine0 start end
  server0=$(process_ticks "$SERVER")
  postgres0=$(process_ticks $(postgres_pids))
  machine0=$(machine_ticks)
  start=$(date +%s.%N)
  wrk_run "$OUT/$name.txt" "$DURATION" "$url" "$script" "$@"
  end=$(date +%s.%N)
  awk -v server=$(($(process_ticks "$SERVER") - server0)) \
    -v postgres=$(($(process_ticks $(postgres_pids)) - postgres0)) \
    -v machine=$(($(machine_ticks) - machine0)) -v hz="$(getconf CLK_TCK)" -v start="$start" -v end="$end" \
    'BEGIN { seconds = end - start; printf "%.2f / %.2f / %.2f\n", server / hz / seconds, postgres / hz / seconds,
             (machine - server - postgres) / hz / seconds }' >"$OUT/$name.cpu"
}

echo "Warming up, $WARMUP per scenario..." >&2
wrk_run "$OUT/warmup-ping.txt" "$WARMUP" "$BASE/ping" ping.lua
wrk_run "$OUT/warmup-get.txt" "$WARMUP" "$BASE" get-by-phone.lua "$OUT"
wrk_run "$OUT/warmup-patch.txt" "$WARMUP" "$BASE" patch.lua "$OUT" $((HALF + 1)) "$HALF" "$THREADS"

echo "Measuring, $DURATION per scenario..." >&2
measure ping "$BASE/ping" ping.lua
measure get "$BASE" get-by-phone.lua "$OUT"
measure patch "$BASE" patch.lua "$OUT" 1 "$HALF" "$THREADS"

stop_server
trap - EXIT

PING_RPS=$(requests_per_second "$OUT/ping.txt")
row() {
  local name=$1 label=$2 target=$3 rps verdict
  rps=$(requests_per_second "$OUT/$name.txt")
  verdict=$(awk -v rps="$rps" -v target="$target" \
    'BEGIN { if (target == 0) print "baseline"; else if (rps >= target) printf "≥ %d: met\n", target;
             else printf "≥ %d: **missed**\n", target }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(printf '%.0f' "$rps")" \
    "$(percentile "$OUT/$name.txt" 50)" "$(percentile "$OUT/$name.txt" 90)" "$(percentile "$OUT/$name.txt" 99)" \
    "$(wrk_errors "$OUT/$name.txt")" \
    "$(awk -v rps="$rps" -v ping="$PING_RPS" 'BEGIN { printf "%.2f", rps / ping }')" "$verdict" \
    "$(cat "$OUT/$name.cpu")"
}

POSTGRES=$(psql -h 127.0.0.1 -U "${ACCOUNT_DB_USER:-postgres}" -tAc 'show server_version' 2>/dev/null | cut -d' ' -f1) || true
JDK=$("$JAVA" -version 2>&1 | head -1 | tr -d '"') || true
WRK=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }') || true # wrk -v prints its version and exits 1
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): $(machine_description);" \
    "PostgreSQL ${POSTGRES:-(version unknown)} local; $JDK, heap $HEAP;" \
    "wrk $WRK -t$THREADS -c$CONNECTIONS on the same machine, $WARMUP warm-up then $DURATION per scenario;" \
    "load average before: $LOAD_BEFORE."
  echo
  echo "| scenario | req/s | p50 | p90 | p99 | errors | ratio to /ping | target |" \
    "CPU cores: server / PostgreSQL / wrk + other |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
  row ping 'GET /ping' 0
  row get 'GET /v1/accounts?phone=' 3000
  row patch 'PATCH /v1/accounts/{id}' 800
  echo
  echo "PATCH: $(grep '^PATCH responses:' "$OUT/patch.txt" | sed 's/^PATCH responses: //')."
} | tee "$OUT/results.md"
echo "Raw wrk output and the server log: $OUT/" >&2
