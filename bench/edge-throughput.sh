#!/usr/bin/env bash
# Edge throughput and latency on loopback under wrk, newCall POSTs with unique callIds, in two
# set-ups of the launcher (embedded broker in the same JVM): the edge alone (as deployed next to a
# cluster), then everything (edge + processor, what ./callstream runs). Baseline in the same run:
# the same server answering an unknown token (full HTTP stack, no parsing, no Kafka).
# Prints figures and, per set-up, a ratio line (accepted newCalls / the 401 ceiling); asserts nothing.
#
#   bench/edge-throughput.sh            # needs wrk (apt-get install wrk) and a built launcher
#   DURATION=30s bench/edge-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
jar=standalone/target/callstream.jar
[ -f "$jar" ] || ./mvnw -q -B -Dmaven.test.skip=true package
duration=${DURATION:-15s}
port=${PORT:-3900}
measure() { # label, extra launcher arguments...
  local label=$1; shift
  local data log pid token url baseline
  data=$(mktemp -d)
  log="$data/launcher.log"
  CALLSTREAM_DATA_DIR="$data" CALLSTREAM_KAFKA_PORT=0 SERVER_PORT=$port MANAGEMENT_SERVER_PORT=0 java ${JAVA_OPTS:-} -jar "$jar" "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do grep -q "callstream is ready" "$log" && break; sleep 0.5; done
  grep -q "callstream is ready" "$log" || { cat "$log"; kill "$pid"; exit 1; }
  token=$(cat "$data/default-site.token")
  url="http://127.0.0.1:$port/api/v1/cti/$token"
  baseline="http://127.0.0.1:$port/api/v1/cti/not-a-token"
  echo "######## $label"
  echo "== warm-up (10s, 16 connections)"
  wrk -t2 -c16 -d10s -s bench/new-call.lua "$url" >/dev/null
  run "newCall accepted (publish + ack)" "$url" 1 1
  run "newCall accepted (publish + ack)" "$url" 2 16
  run "newCall accepted (publish + ack)" "$url" 2 64
  accepted=$last_rate
  run "baseline: unknown token (401, no Kafka)" "$baseline" 2 64
  echo "== ratio ($label, 64 connections) accepted / 401 ceiling: $(awk -v a="$accepted" -v b="$last_rate" 'BEGIN {printf "%.2f", a / b}')"
  echo "== launcher RSS after the runs: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$pid/status), peak $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$pid/status)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

run() { # label, url, threads, connections; leaves the requests per second in last_rate
  local out
  echo "== $1: $4 connection(s), $duration"
  out=$(wrk -t"$3" -c"$4" -d"$duration" --latency -s bench/new-call.lua "$2")
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  " <<<"$out"
  last_rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
}

measure "edge alone (processor off)" --callstream.standalone.processor=false
measure "everything (edge + processor)"
