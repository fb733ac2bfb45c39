#!/usr/bin/env bash
# Edge throughput and latency on loopback under wrk, newCall POSTs with unique callIds, in three
# set-ups: the edge's jar against a broker in a JVM of its own (as in production), the launcher
# (broker in the same JVM) with the edge alone, and everything (what ./callstream runs). Baseline in
# the same run: the same server answering an unknown token (full HTTP stack, no parsing, no Kafka).
# Prints figures and, per set-up, a ratio line (accepted newCalls / the 401 ceiling); asserts nothing.
#
#   bench/edge-throughput.sh            # needs wrk (apt-get install wrk) and a built launcher
#   DURATION=30s bench/edge-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
duration=${DURATION:-15s}
source bench/launcher.sh
measure() { # label, start command and its arguments...
  local label=$1; shift
  local accepted
  "$@"
  echo "######## $label"
  echo "== warm-up (30s, 16 connections)"
  wrk -t2 -c16 -d30s -s bench/new-call.lua "$url" >/dev/null
  run "newCall accepted (publish + ack)" "$url" 1 1
  run "newCall accepted (publish + ack)" "$url" 2 16
  run "newCall accepted (publish + ack)" "$url" 2 64
  accepted=$last_rate
  run "baseline: unknown token (401, no Kafka)" "$baseline" 2 64
  echo "== ratio ($label, 64 connections) accepted / 401 ceiling: $(awk -v a="$accepted" -v b="$last_rate" 'BEGIN {printf "%.2f", a / b}')"
  print_rss
  stop_server
}

run() { # label, url, threads, connections; leaves the requests per second in last_rate
  local out
  echo "== $1: $4 connection(s), $duration"
  out=$(wrk -t"$3" -c"$4" -d"$duration" --latency -s bench/new-call.lua "$2")
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  " <<<"$out"
  last_rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
}

measure "edge jar, broker in its own JVM" start_edge_jar
measure "launcher, edge alone (processor off)" start_launcher --callstream.standalone.processor=false
measure "launcher, everything (edge + processor)" start_launcher
