# Shell functions the load benchmarks (bench/*/run.sh) share; sourced, not run. They expect `set -euo pipefail`.

# Installs wrk (Debian package) when the machine has none.
bench_install_wrk() {
  command -v wrk >/dev/null && return
  echo "Installing wrk (Debian package)..." >&2
  local sudo
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $sudo apt-get install -y wrk >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y wrk >/dev/null; }
}

load_average() { cut -d' ' -f1 /proc/loadavg; }

# bench_wait_for_idle <seconds>: waits, at most that long, for a load average below 1, since figures from a busy
# machine are not worth keeping; the run's output says what the load average was (LOAD_BEFORE).
bench_wait_for_idle() {
  local limit=$1 waited
  for ((waited = 0; waited < limit; waited += 10)); do
    awk -v average="$(load_average)" 'BEGIN { exit !(average < 1.0) }' && break
    echo "Load average $(load_average): waiting for the machine to settle ($waited/${limit}s)..." >&2
    sleep 10
  done
  LOAD_BEFORE=$(load_average)
}

# bench_stop <pid>: asks the process to stop, and kills it after 30 s.
bench_stop() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 30; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
}

# CPU time (clock ticks) used so far by the given processes, and by the whole machine.
process_ticks() {
  local pid total=0 fields
  for pid in "$@"; do
    # Fields after "(comm) ": utime and stime are the 12th and 13th.
    fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(awk '{ print $12 + $13 }' <<<"$fields")))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# Readings of a wrk --latency output file.
requests_per_second() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
percentile() { awk -v p="$2%" '$1 == p { print $2 }' "$1"; }
# Non-2xx answers and socket errors (connect/read/write/timeout), as wrk counts them.
wrk_errors() {
  awk '/Non-2xx or 3xx responses:/ { bad += $NF }
       /Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
       END { print bad + 0 }' "$1"
}

# The machine, for the line above a results table.
machine_description() {
  echo "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ {
    printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
}
