#!/usr/bin/env bash
# Edge latency at a constant rate (open loop, bench's ConstantRate: every request sent at its planned
# time, latency from that time), newCall POSTs with unique callIds, in two set-ups of the launcher:
# the edge alone, then everything (what ./callstream runs). Ceiling in the same run: the same server
# answering 401 (unknown token) at the same rate. Prints both distributions and ratio lines
# (accepted p50 / 401 p50, accepted p99 / 401 p99); asserts nothing.
#
#   bench/edge-latency.sh                  # 1,000 requests/s over 64 connections for 20 s per measurement
#   RATE=500 SECONDS_PER_RUN=30 CONNECTIONS=16 bench/edge-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-20}
connections=${CONNECTIONS:-64}
bench_jar=benchmarks/target/benchmarks.jar
[ -f "$bench_jar" ] || ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
source bench/launcher.sh

constant_rate() { # label, url; leaves p50 and p99 in last_p50, last_p99
  local out
  echo "== $1: $rate requests/s for $seconds s over $connections connections"
  out=$(java -cp "$bench_jar" io.callstream.benchmarks.ConstantRate "$2" "$rate" "$seconds" "$connections")
  echo "$out"
  last_p50=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$out")
  last_p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$out")
}

measure() { # label, extra launcher arguments...
  local label=$1; shift
  local p50 p99
  start_launcher "$@"
  echo "######## $label"
  echo "== warm-up: $rate requests/s for 15 s"
  java -cp "$bench_jar" io.callstream.benchmarks.ConstantRate "$url" "$rate" 15 "$connections" >/dev/null
  constant_rate "newCall accepted (publish + ack)" "$url"
  p50=$last_p50; p99=$last_p99
  constant_rate "ceiling: unknown token (401, no Kafka)" "$baseline"
  echo "== ratio ($label) accepted / 401: p50 $(awk -v a="$p50" -v b="$last_p50" 'BEGIN {printf "%.2f", a / b}'), p99 $(awk -v a="$p99" -v b="$last_p99" 'BEGIN {printf "%.2f", a / b}')"
  print_rss
  stop_launcher
}

measure "edge alone (processor off)" --callstream.standalone.processor=false
measure "everything (edge + processor)"
