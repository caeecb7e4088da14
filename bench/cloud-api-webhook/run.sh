#!/usr/bin/env bash
# Load benchmark of the Cloud API webhook in its distributed configuration: message ids in the machine's Redis,
# MessageReceived published to the machine's RabbitMQ with publisher confirms, wrk on the same machine, all on
# 127.0.0.1. In one run and one JVM it measures
#   ping       POST /ping     the bare baseline: the same signed delivery read as bytes and answered 200
#   webhook    POST /webhook  signature check, JSON, dedupe lookup in Redis, confirmed publish, id stored in Redis
#   duplicate  POST /webhook  Meta's redelivery of messages already handled: signature, JSON, one Redis lookup
# with the same client work for each (wrk builds and signs every delivery in Lua, wrk/webhook.lua), and prints a
# Markdown table (req/s, p50/p90/p99 latency, errors, ratio to /ping, messages published against 200 answers, CPU
# split) for docs/benchmarks.md.
#
#   bash bench/cloud-api-webhook/run.sh
#
# Settings, from the environment: BENCH_THREADS (wrk threads, 2), BENCH_CONNECTIONS (32), BENCH_WARMUP (15s per
# scenario), BENCH_DURATION (30s per scenario), BENCH_PORT (8091), BENCH_HEAP (1g), BENCH_IDLE_WAIT (seconds to wait
# for a load average below 1, 180), BENCH_SKIP_BUILD (1: use the jar as built), BENCH_REDIS_DATABASE (the Redis
# database the message ids go to, 9; the script deletes them after the run), BENCH_SETTINGS (more launcher
# arguments, e.g. --wareg.messaging.bus=in-process to take the broker out), BENCH_JVM_OPTIONS (e.g. a flight
# recording). The broker and Redis are Spring Boot's defaults (127.0.0.1, guest/guest) unless SPRING_RABBITMQ_* and
# SPRING_DATA_REDIS_* say otherwise; counting and removing the bench's queues needs rabbitmqctl on this machine.
#
# The launcher's bus declares the queues chat-service reads MessageReceived from (namespace wareg-bench), as the
# channel does in a deployment (expected subscribers), and nothing consumes them, so every publish is stored; the
# messages pile up during the run, are counted against the webhook's 200 answers, and go with the queues, which the
# script deletes before and after the run.
#
# Figures are only worth keeping from an otherwise idle machine: the script waits (bounded) for the load average to
# settle and says in its output what it was.
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
MODULE=bench/cloud-api-webhook
OUT=$MODULE/target/bench
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-15s}
DURATION=${BENCH_DURATION:-30s}
PORT=${BENCH_PORT:-8091}
HEAP=${BENCH_HEAP:-1g}
IDLE_WAIT=${BENCH_IDLE_WAIT:-180}
REDIS_DATABASE=${BENCH_REDIS_DATABASE:-9}
BASE=http://127.0.0.1:$PORT
NAMESPACE=wareg-bench
# What RedisProcessedMessages writes (wareg.cloud-api.dedupe-key-prefix, the default), in the bench's own database.
KEY_PATTERN='wareg:cloud-api:message:*'
# Message ids each wrk thread goes round in the duplicate scenario: all known after the warm-up.
DUPLICATE_POOL=1000

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

for tool in rabbitmqctl redis-cli openssl curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed on this machine" >&2; exit 2; }
done
bench_install_wrk

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "Building..." >&2
  ./mvnw -B -ntp -q -pl "$MODULE" -am package -DskipTests
fi

bench_wait_for_idle "$IDLE_WAIT"

rm -rf "$OUT"
mkdir -p "$OUT/signed"
# A Meta app secret is 32 hex digits; a new one each run, known to the launcher and to wrk only.
SECRET=$(openssl rand -hex 16)
# Keeps the message ids of this run apart from those of earlier runs still in Redis.
RUN_TAG=$(printf '%X' "$(date +%s)")

bench_queues() {
  timeout 60 rabbitmqctl -q list_queues name messages 2>/dev/null | awk -v prefix="$NAMESPACE." 'index($1, prefix) == 1'
}

delete_leftovers() {
  local queue
  for queue in $(bench_queues | awk '{ print $1 }'); do
    timeout 60 rabbitmqctl -q delete_queue "$queue" >/dev/null 2>&1 || echo "Could not delete queue $queue" >&2
  done
  # UNLINK frees in the background; batches of 500 keep each command short.
  timeout 120 redis-cli -n "$REDIS_DATABASE" --scan --pattern "$KEY_PATTERN" \
    | timeout 120 xargs -r -n 500 redis-cli -n "$REDIS_DATABASE" unlink >/dev/null || echo "Could not delete the bench's Redis keys" >&2
}

# What an earlier run left (a killed launcher), so that the counts at the end are this run's.
delete_leftovers

echo "Starting the launcher on port $PORT (log: $OUT/server.log)..." >&2
# shellcheck disable=SC2086 # BENCH_JVM_OPTIONS and BENCH_SETTINGS are lists of arguments
WHATSAPP_APP_SECRET=$SECRET BENCH_REDIS_DATABASE=$REDIS_DATABASE "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" \
  ${BENCH_JVM_OPTIONS:-} -jar "$MODULE/target/bench-cloud-api-webhook.jar" \
  --server.port="$PORT" ${BENCH_SETTINGS:-} >"$OUT/server.log" 2>&1 &
SERVER=$!

# After the launcher: its queues and the message ids it wrote to Redis go.
stop_server() {
  bench_stop "$SERVER"
  delete_leftovers
}
trap stop_server EXIT

for ((i = 0; i < 120; i++)); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    tail -40 "$OUT/server.log" >&2
    echo "The launcher stopped before it was ready (log above)." >&2
    exit 1
  fi
  curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "$BASE/health" || { echo "The launcher was not ready after 120 s; see $OUT/server.log" >&2; exit 1; }

backend_pids() { pgrep -u rabbitmq || true; pgrep -x redis-server || true; }

# Messages in the bench's queues. The broker updates the counts it reports every few seconds, so this waits until
# two readings agree.
queue_depth() {
  local previous=-1 current
  for ((i = 0; i < 10; i++)); do
    sleep 3
    current=$(bench_queues | awk '{ total += $2 } END { print total + 0 }')
    [ "$current" = "$previous" ] && break
    previous=$current
  done
  echo "$current"
}

# wrk_run <output> <duration> <path> <script> [script arguments...]; wrk's CPU time goes to <output>.wrk-cpu.
wrk_run() {
  local output=$1 duration=$2 path=$3 script=$4 TIMEFORMAT='%U %S'
  shift 4
  { time wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$MODULE/wrk/$script" "$BASE$path" \
    -- "$@" >"$output"; } 2>"$output.wrk-cpu"
}

# measure <scenario> <path> <script> [script arguments...]: one measured run, with the CPU each side used and the
# messages it put in the queues.
measure() {
  local name=$1 path=$2 script=$3
  shift 3
  local depth0 server0 backend0 machine0 start end
  depth0=$(queue_depth)
  server0=$(process_ticks "$SERVER")
  backend0=$(process_ticks $(backend_pids))
  machine0=$(machine_ticks)
  start=$(date +%s.%N)
  wrk_run "$OUT/$name.txt" "$DURATION" "$path" "$script" "$@"
  end=$(date +%s.%N)
  awk -v server=$(($(process_ticks "$SERVER") - server0)) \
    -v backend=$(($(process_ticks $(backend_pids)) - backend0)) \
    -v machine=$(($(machine_ticks) - machine0)) -v hz="$(getconf CLK_TCK)" -v start="$start" -v end="$end" \
    -v wrk="$(awk 'END { print $1 + $2 }' "$OUT/$name.txt.wrk-cpu")" \
    'BEGIN { seconds = end - start; other = (machine - server - backend) / hz - wrk; if (other < 0) other = 0;
             printf "%.2f / %.2f / %.2f / %.2f\n", server / hz / seconds, backend / hz / seconds, wrk / seconds,
               other / seconds }' >"$OUT/$name.cpu"
  echo $(($(queue_depth) - depth0)) >"$OUT/$name.published"
}

requests() { awk '/ requests in / { print $1 }' "$OUT/$1.txt"; }
non_2xx() { awk '/Non-2xx or 3xx responses:/ { print $NF; found = 1 } END { if (!found) print 0 }' "$OUT/$1.txt"; }

# Before anything is measured: wrk's signatures must be the ones openssl computes, and the webhook must take them.
echo "Checking wrk's signatures against openssl..." >&2
WEBHOOK_DUMP="$OUT/signed" wrk_run "$OUT/signature-check.txt" 2s /webhook webhook.lua "$SECRET" "${RUN_TAG}S"
checked=0
for body in "$OUT"/signed/*.json; do
  expected="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -hex <"$body" | awk '{ print $NF }')"
  if [ "$expected" != "$(cat "${body%.json}.sig")" ]; then
    echo "wrk signed $body as $(cat "${body%.json}.sig"), openssl as $expected" >&2
    exit 1
  fi
  checked=$((checked + 1))
done
if [ "$checked" -eq 0 ] || [ "$(wrk_errors "$OUT/signature-check.txt")" != 0 ]; then
  echo "The signature check failed: $checked bodies checked; see $OUT/signature-check.txt and $OUT/server.log" >&2
  exit 1
fi
echo "$checked signatures match openssl's; $(requests signature-check) deliveries taken with 200." >&2

echo "Warming up, $WARMUP per scenario..." >&2
wrk_run "$OUT/warmup-ping.txt" "$WARMUP" /ping ping.lua "$SECRET" "${RUN_TAG}P"
wrk_run "$OUT/warmup-webhook.txt" "$WARMUP" /webhook webhook.lua "$SECRET" "${RUN_TAG}W"
# Also hands every id of the duplicate scenario's pool to the webhook once, so the measured run has only redeliveries.
wrk_run "$OUT/warmup-duplicate.txt" "$WARMUP" /webhook webhook.lua "$SECRET" "${RUN_TAG}D" "$DUPLICATE_POOL"

echo "Measuring, $DURATION per scenario..." >&2
measure ping /ping ping.lua "$SECRET" "${RUN_TAG}p"
measure webhook /webhook webhook.lua "$SECRET" "${RUN_TAG}w"
measure duplicate /webhook webhook.lua "$SECRET" "${RUN_TAG}D" "$DUPLICATE_POOL"

MESSAGES=$(queue_depth)
IDS=$(timeout 120 redis-cli -n "$REDIS_DATABASE" --scan --pattern "$KEY_PATTERN" | wc -l)
stop_server
trap - EXIT

PING_RPS=$(requests_per_second "$OUT/ping.txt")
row() {
  local name=$1 label=$2 goal=$3 rps verdict
  rps=$(requests_per_second "$OUT/$name.txt")
  verdict=$(awk -v rps="$rps" -v ping="$PING_RPS" -v goal="$goal" \
    'BEGIN { if (goal == "") print ""; else if (rps / ping >= goal) printf "≥ %.2f: met\n", goal;
             else printf "≥ %.2f: **missed**\n", goal }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |\n' "$label" "$(printf '%.0f' "$rps")" \
    "$(percentile "$OUT/$name.txt" 50)" "$(percentile "$OUT/$name.txt" 90)" "$(percentile "$OUT/$name.txt" 99)" \
    "$(wrk_errors "$OUT/$name.txt")" \
    "$(awk -v rps="$rps" -v ping="$PING_RPS" 'BEGIN { printf "%.2f", rps / ping }')" "$verdict" \
    "$(cat "$OUT/$name.published")" "$(($(requests "$name") - $(non_2xx "$name")))" "$(cat "$OUT/$name.cpu")"
}

RABBITMQ=$(timeout 60 rabbitmqctl -q version 2>/dev/null) || true
REDIS=$(redis-cli info server 2>/dev/null | awk -F: '/^redis_version/ { print $2 }' | tr -d '\r') || true
JDK=$("$JAVA" -version 2>&1 | head -1 | tr -d '"') || true
WRK=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }') || true # wrk -v prints its version and exits 1
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): $(machine_description);" \
    "RabbitMQ ${RABBITMQ:-(version unknown)} and Redis ${REDIS:-(version unknown)} local; $JDK, heap $HEAP;" \
    "wrk $WRK -t$THREADS -c$CONNECTIONS on the same machine, $WARMUP warm-up then $DURATION per scenario;" \
    "load average before: $LOAD_BEFORE.${BENCH_SETTINGS:+ Launcher settings: $BENCH_SETTINGS.}"
  echo
  echo "| scenario | req/s | p50 | p90 | p99 | errors | ratio to /ping | goal | published / 200s |" \
    "CPU cores: server / RabbitMQ + Redis / wrk / other |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
  row ping 'POST /ping' ''
  row webhook 'POST /webhook, new messages' 0.50
  row duplicate 'POST /webhook, redeliveries' ''
  echo
  echo "Messages in the bench's queues at the end: $MESSAGES; message ids in Redis: $IDS" \
    "(each includes the signature check and the warm-ups)."
} | tee "$OUT/results.md"
echo "Raw wrk output and the server log: $OUT/" >&2
