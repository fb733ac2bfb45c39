#!/usr/bin/env bash
# Edge latency at a constant rate (open loop, bench's ConstantRate: every request sent at its planned
# time, latency from that time), newCall POSTs with unique callIds, in three set-ups: the edge's jar
# against a broker in a JVM of its own (as in production), the launcher with the edge alone, and
# everything (what ./callstream runs). Ceiling in the same run: the same server answering 401 (unknown
# token) at the same rate. Each set-up is warmed up first (on two cores the JIT needs the better part of
# a minute). Prints both distributions and ratio lines (accepted p50 / 401 p50, accepted p99 / 401 p99),
# and for the JVM serving HTTP its CPU time per request, its RSS, and (in 10 s more of each path, under
# JFR) its heap allocation per request and the code allocating most; asserts nothing. In the
# launcher's set-ups that JVM also runs the broker (and the processor).
#
#   bench/edge-latency.sh                  # 1,000 requests/s over 64 connections, 45 s warm-up, 20 s per measurement
#   RATE=500 SECONDS_PER_RUN=30 WARMUP_SECONDS=60 CONNECTIONS=16 bench/edge-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${RATE:-1000}
seconds=${SECONDS_PER_RUN:-20}
connections=${CONNECTIONS:-64}
warmup=${WARMUP_SECONDS:-45}
source bench/launcher.sh

constant_rate() { # label, url; leaves p50 and p99 in last_p50, last_p99
  local out ticks requests
  echo "== $1: $rate requests/s for $seconds s over $connections connections"
  ticks=$(cpu_ticks)
  out=$(java -cp "$bench_jar" io.callstream.benchmarks.ConstantRate "$2" "$rate" "$seconds" "$connections")
  ticks=$(($(cpu_ticks) - ticks))
  echo "$out"
  last_p50=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$out")
  last_p99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$out")
  requests=$(sed -n 's/^== \([0-9]*\) requests.*/\1/p' <<<"$out")
  echo "== CPU of the JVM serving HTTP: $(awk -v t="$ticks" -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", t * 1000 / hz / r}') ms per request"
}

allocation() { # label, url: a JFR recording of a further 10 s at the same rate (apart: starting JFR stalls the JVM)
  local out requests
  jcmd "$pid" JFR.start name=bench filename="$data/run.jfr" >/dev/null
  out=$(java -cp "$bench_jar" io.callstream.benchmarks.ConstantRate "$2" "$rate" 10 "$connections")
  jcmd "$pid" JFR.stop name=bench >/dev/null
  requests=$(sed -n 's/^== \([0-9]*\) requests.*/\1/p' <<<"$out")
  java -cp "$bench_jar" io.callstream.benchmarks.AllocationPerRequest "$data/run.jfr" "$requests" "per request, $1"
}

measure() { # label, start command and its arguments...
  local label=$1; shift
  local p50 p99
  "$@"
  echo "######## $label"
  echo "== warm-up: $rate requests/s for $warmup s"
  java -cp "$bench_jar" io.callstream.benchmarks.ConstantRate "$url" "$rate" "$warmup" "$connections" >/dev/null
  constant_rate "newCall accepted (publish + ack)" "$url"
  p50=$last_p50; p99=$last_p99
  constant_rate "ceiling: unknown token (401, no Kafka)" "$baseline"
  echo "== ratio ($label) accepted / 401: p50 $(awk -v a="$p50" -v b="$last_p50" 'BEGIN {printf "%.2f", a / b}'), p99 $(awk -v a="$p99" -v b="$last_p99" 'BEGIN {printf "%.2f", a / b}')"
  allocation "newCall accepted" "$url"
  allocation "401" "$baseline"
  print_rss
  stop_server
}

measure "edge jar, broker in its own JVM" start_edge_jar
measure "launcher, edge alone (processor off)" start_launcher --callstream.standalone.processor=false
measure "launcher, everything (edge + processor)" start_launcher
