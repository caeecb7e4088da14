#!/usr/bin/env bash
# A stand-in for Meta's Graph API, for trying the WhatsApp Cloud API channel without Meta: FakeGraphApi (from
# platform/test-support) on 127.0.0.1, enforcing Meta's rules and keeping every message it was sent, listed at
# GET /calls.
#
#   deploy/local/fake-graph-api.sh [port [token]]     defaults: FAKE_GRAPH_PORT or 8099, FAKE_GRAPH_TOKEN or fake-token
#
# Then start the embedded default pointed at it (see README, "The WhatsApp Cloud API channel without Meta").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
java_bin() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}
classpath_file="platform/test-support/target/runtime-classpath.txt"
./mvnw -q -B -ntp -pl platform/test-support compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$classpath_file" -Dmdep.includeScope=runtime
exec "$(java_bin)" -cp "platform/test-support/target/classes:$(cat "$classpath_file")" \
  dev.wareg.testsupport.FakeGraphApi "$@"
