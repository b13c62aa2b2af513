#!/usr/bin/env bash
# The edge gateway beside nginx (issue 6), same machine, same run, medians: wrk against (a) the upstream directly,
# (b) nginx as a reverse proxy, (c) nginx with an API-key map + limit_req, (d) the gateway (key auth, scope,
# subscription, local rate limit, call records), (e) as (d) with the rate limit in Redis; then revocation
# propagation and a cold start with a million keys.
# Usage: bench/gateway.sh [seconds] [connections] [runs] [--lines=a,b,c,d,e,m] [--warmup=20] [--keys=10000]
#                         [--revocations=1000] [--cold-start-keys=1000000]
# KEYGATE_BENCH_SKIP_BUILD=1 uses the jars already built; KEYGATE_MVN_LOCK=<file> builds under flock <file>.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install -y nginx wrk redis-server" >&2; exit 2; }
done
if [[ "${KEYGATE_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  # package, not install: the bench runs this tree's jars and leaves the local repository alone.
  ${KEYGATE_MVN_LOCK:+flock "$KEYGATE_MVN_LOCK"} mvn -B -q package -DskipTests -pl bench -am
fi
# The gateway runs with production-like JVM options: a fixed heap, C2 (no TieredStopAtLevel), one Vert.x event loop
# per core (the proxy serves on one verticle per core), not the fast-start options of the local run. The cold start
# gets a larger fixed heap: a million keys must fit whatever they cost per key, so that the bench can report it.
CORES=$(nproc)
GATEWAY_JVM_DEFAULT="-Xms1g -Xmx1g -Dquarkus.vertx.event-loops-pool-size=$CORES"
COLD_START_JVM_DEFAULT="-Xms4g -Xmx4g -Dquarkus.vertx.event-loops-pool-size=$CORES"
exec java -Dkeygate.repository.root="$PWD" \
  -Dkeygate.bench.gateway-jvm="${KEYGATE_BENCH_GATEWAY_JVM:-$GATEWAY_JVM_DEFAULT}" \
  -Dkeygate.bench.cold-start-jvm="${KEYGATE_BENCH_COLD_START_JVM:-$COLD_START_JVM_DEFAULT}" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.GatewayBench "$@"
