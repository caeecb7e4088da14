#!/usr/bin/env bash
# The distributed mode on one machine: every service in a process of its own, against this machine's
# PostgreSQL (accounts), Redis (conversations) and RabbitMQ (events).
#
#   deploy/local/run.sh start            build what is missing, start them all, wait until each is healthy
#   deploy/local/run.sh stop             stop them (SIGTERM: each finishes what it is handling), then SIGKILL
#   deploy/local/run.sh status           which are running
#   deploy/local/run.sh start <service>  start one (account-api, chat-service, update-worker, web-chat, cloud-api,
#                                        whatsapp-web)
#   deploy/local/run.sh stop <service>   stop one cleanly
#   deploy/local/run.sh kill <service>   SIGKILL one, as a crash would
#
# Settings come from the environment (defaults in brackets): RUN_DIR [deploy/local/.run] for pid files and
# logs; ACCOUNT_API_PORT [8080], CHAT_SERVICE_PORT [8081], UPDATE_WORKER_PORT [8083], WEB_CHAT_PORT [8084],
# CLOUD_API_PORT [8082]; the WhatsApp Cloud API channel (cloud-api) is one of "all" only when WHATSAPP_APP_SECRET
# is set, and reads WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_GRAPH_BASE_URL
# and WHATSAPP_GRAPH_VERSION as they are; the WhatsApp Web channel's Java half (whatsapp-web, port
# WHATSAPP_WEB_PORT [8085]) is one of "all" only when WHATSAPP_WEB_SECRET is set, and reads WHATSAPP_WEB_SIDECAR_URL
# [http://127.0.0.1:3000] as it is (its Node sidecar is started on its own: docs/channels.md);
# ACCOUNT_DB_URL [jdbc:postgresql://127.0.0.1:5432/postgres], ACCOUNT_DB_USER [postgres], ACCOUNT_DB_PASSWORD;
# REDIS_HOST, REDIS_PORT; MESSAGING_BUS [rabbitmq], the event bus: rabbitmq, or azure-service-bus, which reads
# WAREG_MESSAGING_SERVICEBUS_* as they are (docs/messaging.md; the fault run points it at an Artemis); RABBITMQ_HOST
# [127.0.0.1], RABBITMQ_PORT [5672], RABBITMQ_USER [guest], RABBITMQ_PASSWORD [guest]; the key pairs
# chat-service and update-worker sign their account-api tokens with are made once with openssl and kept in RUN_DIR
# (account-api is given the public halves; more clients through EXTRA_ACCOUNT_API_ARGS,
# --wareg.account-api.clients.<id>.public-key=... --wareg.account-api.clients.<id>.scopes=...); MANAGEMENT_PORT_PREFIX [90]: the internal management port of a
# service is this prefix and the last two digits of its port (9083 for the worker); OTEL_EXPORTER_OTLP_ENDPOINT
# (traces over OTLP/HTTP, e.g. http://127.0.0.1:4318; none are sent when unset); JAVA_OPTS; EXTRA_<SERVICE>_ARGS (e.g. EXTRA_UPDATE_WORKER_ARGS)
# for more Spring arguments.
# The web chat listens on 127.0.0.1 only and shows its one-time codes on the page (the demo phone panel), since no
# WhatsApp may be linked; WEB_CHAT_CODE_DELIVERY [phone-panel] may send them over cloud-api or whatsapp-web instead.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run_dir="${RUN_DIR:-$root/deploy/local/.run}"
services=(account-api chat-service update-worker web-chat)
[[ -n "${WHATSAPP_APP_SECRET:-}" ]] && services+=(cloud-api)
[[ -n "${WHATSAPP_WEB_SECRET:-}" ]] && services+=(whatsapp-web)
version=0.1.0-SNAPSHOT

java_bin() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

module_of() {
  case "$1" in
    account-api|chat-service|update-worker) echo "services/$1" ;;
    web-chat|cloud-api|whatsapp-web) echo "channels/$1" ;;
    *) echo "unknown service: $1 (one of: account-api chat-service update-worker web-chat cloud-api whatsapp-web)" >&2
       exit 2 ;;
  esac
}

jar_of() { echo "$root/$(module_of "$1")/target/$1-$version-exec.jar"; }

port_of() {
  case "$1" in
    account-api) echo "${ACCOUNT_API_PORT:-8080}" ;;
    chat-service) echo "${CHAT_SERVICE_PORT:-8081}" ;;
    update-worker) echo "${UPDATE_WORKER_PORT:-8083}" ;;
    web-chat) echo "${WEB_CHAT_PORT:-8084}" ;;
    cloud-api) echo "${CLOUD_API_PORT:-8082}" ;;
    whatsapp-web) echo "${WHATSAPP_WEB_PORT:-8085}" ;;
  esac
}

pid_of() {
  local file="$run_dir/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
  return 0
}

build_missing() {
  local missing=()
  for service in "$@"; do
    [[ -f "$(jar_of "$service")" ]] || missing+=("$(module_of "$service")")
  done
  if ((${#missing[@]})); then
    (IFS=,; cd "$root" && ./mvnw -q -B -ntp -pl "${missing[*]}" -am package -DskipTests)
  fi
}

# A client's key, private or public, as the base64 between the PEM lines on one line (docs/operations.md,
# "Service keys"); its key pair is made once and kept in RUN_DIR.
client_key() {
  local file="$run_dir/$1.key"
  [[ -f "$file" ]] || (umask 077 && openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt > "$file")
  if [[ "$2" == private ]]; then
    grep -v -- ----- "$file" | tr -d '\n'
  else
    openssl ec -in "$file" -pubout 2> /dev/null | grep -v -- ----- | tr -d '\n'
  fi
}

# What one service needs beyond what all share: the client keys only where they are used.
service_env() {
  case "$1" in
    chat-service) echo "WAREG_CHAT_CLIENTKEY=$(client_key chat-service private)" ;;
    update-worker) echo "WAREG_WORKER_CLIENTKEY=$(client_key update-worker private)" ;;
    # JSON, because a client id's hyphen cannot be written in an environment variable's name; no spaces in it, as
    # the line is split into words.
    account-api) printf 'SPRING_APPLICATION_JSON={"wareg.account-api.clients":{%s,%s}}' \
        "\"chat-service\":{\"public-key\":\"$(client_key chat-service public)\",\"scopes\":\"accounts:read,accounts:link\"}" \
        "\"update-worker\":{\"public-key\":\"$(client_key update-worker public)\",\"scopes\":\"accounts:read,accounts:write,accounts:erase\"}" ;;
    # A code shown on the page proves nothing about who holds a number: loopback only.
    web-chat) echo "SERVER_ADDRESS=127.0.0.1 WAREG_WEBCHAT_CODEDELIVERY=${WEB_CHAT_CODE_DELIVERY:-phone-panel}" ;;
  esac
}

start_one() {
  local service="$1" port extra_var
  if [[ -n "$(pid_of "$service")" ]]; then echo "$service is already running"; return; fi
  port="$(port_of "$service")"
  extra_var="EXTRA_$(echo "$service" | tr 'a-z-' 'A-Z_')_ARGS"
  local db_url="${ACCOUNT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
  local bus="${MESSAGING_BUS:-rabbitmq}"
  # Spring reads these from the environment (relaxed binding: WAREG_MESSAGING_BUS is wareg.messaging.bus). Every
  # service gets the bus, account-api too: it publishes AccountErased; and the person keys in Redis, which
  # every service that publishes or reads events about people must share (docs/messaging.md, "Sealed events").
  env SERVER_PORT="$port" \
      WAREG_MESSAGING_BUS="$bus" \
      WAREG_MESSAGING_PERSONKEYS=redis \
      MANAGEMENT_HEALTH_RABBIT_ENABLED="$([[ "$bus" == rabbitmq ]] && echo true || echo false)" \
      WAREG_CHAT_CONVERSATIONSTORE=redis \
      WAREG_CLOUDAPI_DEDUPE=redis \
      WAREG_WHATSAPPWEB_DEDUPE=redis \
      WAREG_ACCOUNTAPI_BASEURL="${ACCOUNT_API_URL:-http://127.0.0.1:$(port_of account-api)}" \
      ACCOUNT_DB_URL="$db_url" \
      SPRING_RABBITMQ_HOST="${RABBITMQ_HOST:-127.0.0.1}" \
      SPRING_RABBITMQ_PORT="${RABBITMQ_PORT:-5672}" \
      SPRING_RABBITMQ_USERNAME="${RABBITMQ_USER:-guest}" \
      SPRING_RABBITMQ_PASSWORD="${RABBITMQ_PASSWORD:-guest}" \
      MANAGEMENT_PORT="${MANAGEMENT_PORT_PREFIX:-90}${port: -2}" \
      $(service_env "$service") \
    nohup "$(java_bin)" ${JAVA_OPTS:--Xmx384m -XX:+UseSerialGC} -jar "$(jar_of "$service")" \
      ${!extra_var:-} > "$run_dir/$service.log" 2>&1 &
  echo $! > "$run_dir/$service.pid"
  echo "$service starting on port $port (pid $!, log $run_dir/$service.log)"
}

await_healthy() {
  local service="$1" port deadline
  port="$(port_of "$service")"
  deadline=$((SECONDS + ${START_TIMEOUT:-120}))
  until curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; do
    if [[ -z "$(pid_of "$service")" ]]; then
      echo "$service exited while starting; the end of its log:" >&2
      tail -n 40 "$run_dir/$service.log" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then echo "$service did not become healthy in time" >&2; return 1; fi
    sleep 0.5
  done
  echo "$service is up: http://127.0.0.1:$port"
}

stop_one() {
  local service="$1" signal="${2:-TERM}" pid
  pid="$(pid_of "$service")"
  if [[ -z "$pid" ]]; then rm -f "$run_dir/$service.pid"; return; fi
  kill -s "$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -s KILL "$pid" 2>/dev/null || true
  rm -f "$run_dir/$service.pid"
  echo "$service stopped ($signal)"
}

mkdir -p "$run_dir"
command="${1:-start}"
shift || true
targets=("${@:-${services[@]}}")
for service in "${targets[@]}"; do module_of "$service" > /dev/null; done

case "$command" in
  start)
    build_missing "${targets[@]}"
    # The key pairs first, here: each service starts in the background, its settings (service_env) worked out there
    # too, so account-api and chat-service would otherwise race to make the same key.
    for client in chat-service update-worker; do client_key "$client" private > /dev/null; done
    for service in "${targets[@]}"; do start_one "$service"; done
    for service in "${targets[@]}"; do await_healthy "$service"; done
    if [[ " ${targets[*]} " == *" web-chat "* ]]; then
      echo "Chat with the bot: http://127.0.0.1:$(port_of web-chat)/"
    fi
    ;;
  stop)
    for ((i = ${#targets[@]} - 1; i >= 0; i--)); do stop_one "${targets[i]}"; done
    ;;
  kill)
    for service in "${targets[@]}"; do stop_one "$service" KILL; done
    ;;
  status)
    for service in "${targets[@]}"; do
      pid="$(pid_of "$service")"
      echo "$service: ${pid:+running (pid $pid, port $(port_of "$service"))}${pid:-stopped}"
    done
    ;;
  *)
    echo "usage: $0 start|stop|kill|status [service...]" >&2
    exit 2
    ;;
esac
