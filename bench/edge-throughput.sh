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
duration=${DURATION:-15s}
source bench/launcher.sh
measure() { # label, extra launcher arguments...
  local label=$1; shift
  local accepted
  start_launcher "$@"
  echo "######## $label"
  echo "== warm-up (10s, 16 connections)"
  wrk -t2 -c16 -d10s -s bench/new-call.lua "$url" >/dev/null
  run "newCall accepted (publish + ack)" "$url" 1 1
  run "newCall accepted (publish + ack)" "$url" 2 16
  run "newCall accepted (publish + ack)" "$url" 2 64
  accepted=$last_rate
  run "baseline: unknown token (401, no Kafka)" "$baseline" 2 64
  echo "== ratio ($label, 64 connections) accepted / 401 ceiling: $(awk -v a="$accepted" -v b="$last_rate" 'BEGIN {printf "%.2f", a / b}')"
  print_rss
  stop_launcher
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
