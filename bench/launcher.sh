# Sourced by the edge benchmarks. Two ways to run the edge, both on loopback with data directories of
# their own:
# - start_launcher [args]: ./callstream (the broker in the same JVM; JAVA_OPTS as ./callstream takes it);
# - start_edge_jar: the edge's own jar against a broker in a JVM of its own (LoopbackBroker), as a
#   production edge runs beside a cluster, with EDGE_JAVA_OPTS (-Xmx128m, as the README advises);
#   print_rss then measures the edge's JVM alone.
# Either leaves $pid (the JVM serving HTTP), $url (a site's CTI URL) and $baseline (the same server's URL
# for an unknown token: 401, no parsing, no Kafka); stop_server stops whatever was started.
jar=standalone/target/callstream.jar
edge_jar=$(ls ingress/target/callstream-ingress-*-exec.jar 2>/dev/null | head -1)
bench_jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] && [ -n "$edge_jar" ] || ./mvnw -q -B -DskipTests package
edge_jar=$(ls ingress/target/callstream-ingress-*-exec.jar | head -1)
[ -f "$bench_jar" ] || ./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
port=${PORT:-3900}
broker_pid=

wait_for() { # log, line
  for _ in $(seq 1 120); do grep -qs "$2" "$1" && return 0; sleep 0.5; done
  cat "$1"; stop_server; exit 1
}

start_launcher() { # extra launcher arguments...
  data=$(mktemp -d)
  CALLSTREAM_DATA_DIR="$data" CALLSTREAM_KAFKA_PORT=0 SERVER_PORT=$port MANAGEMENT_SERVER_PORT=0 \
    ./callstream "$@" >"$data/server.log" 2>&1 &
  pid=$!
  wait_for "$data/server.log" "callstream is ready"
  url="http://127.0.0.1:$port/api/v1/cti/$(cat "$data/default-site.token")"
  baseline="http://127.0.0.1:$port/api/v1/cti/not-a-token"
}

start_edge_jar() {
  data=$(mktemp -d)
  java -cp "$bench_jar" io.callstream.benchmarks.LoopbackBroker >"$data/broker.log" 2>&1 &
  broker_pid=$!
  wait_for "$data/broker.log" "== broker at"
  local token; token="bench-$(od -An -tx8 -N16 /dev/urandom | tr -d ' \n')"
  KAFKA_BOOTSTRAP_SERVERS=$(sed -n 's/== broker at //p' "$data/broker.log") SERVER_PORT=$port MANAGEMENT_SERVER_PORT=0 \
    CALLSTREAM_INGRESS_SITES_0_ID=default CALLSTREAM_INGRESS_SITES_0_TOKEN="$token" CALLSTREAM_INGRESS_SPOOL_DIRECTORY="$data/spool" \
    java ${EDGE_JAVA_OPTS:--Xmx128m} -jar "$edge_jar" >"$data/server.log" 2>&1 &
  pid=$!
  wait_for "$data/server.log" "Serving 1 site"
  url="http://127.0.0.1:$port/api/v1/cti/$token"
  baseline="http://127.0.0.1:$port/api/v1/cti/not-a-token"
}

print_rss() {
  echo "== RSS of the JVM serving HTTP: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$pid/status), peak $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$pid/status)"
}

cpu_ticks() { # CPU time of the JVM serving HTTP so far, in clock ticks (getconf CLK_TCK per second)
  awk '{print $14 + $15}' /proc/$pid/stat
}

stop_server() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  if [ -n "$broker_pid" ]; then kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true; broker_pid=; fi
  rm -rf "$data"
}
