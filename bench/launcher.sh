# Sourced by the edge benchmarks: starts the launcher (embedded broker in the same JVM) on loopback
# with a data directory of its own, and stops it. After start_launcher: $pid, $url (the default
# site's CTI URL), $baseline (the same server's URL for an unknown token: 401, no parsing, no Kafka).
jar=standalone/target/callstream.jar
[ -f "$jar" ] || ./mvnw -q -B -Dmaven.test.skip=true package
port=${PORT:-3900}

start_launcher() { # extra launcher arguments...
  data=$(mktemp -d)
  local log="$data/launcher.log"
  CALLSTREAM_DATA_DIR="$data" CALLSTREAM_KAFKA_PORT=0 SERVER_PORT=$port MANAGEMENT_SERVER_PORT=0 java ${JAVA_OPTS:-} -jar "$jar" "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do grep -q "callstream is ready" "$log" && break; sleep 0.5; done
  grep -q "callstream is ready" "$log" || { cat "$log"; kill "$pid"; exit 1; }
  url="http://127.0.0.1:$port/api/v1/cti/$(cat "$data/default-site.token")"
  baseline="http://127.0.0.1:$port/api/v1/cti/not-a-token"
}

print_rss() {
  echo "== launcher RSS: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$pid/status), peak $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$pid/status)"
}

stop_launcher() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
