#!/usr/bin/env bash
# Rate-limit accuracy across gateways (issue 6): 3 gateway processes (own JVMs and ports, same Redis, same mode)
# enforce one plan rate limit of L/s; wrk drives all three at once far above L; admitted (what reached the upstream)
# / allowed (L x seconds + the full bucket), per mode, median of runs. Aims: +-2 % cluster, +-10 % hybrid.
# Usage: bench/rate-limit-accuracy.sh [seconds=30] [runs=3] [--modes=cluster,hybrid] [--limit=1000] [--burst=0]
#                                     [--connections=16] [--warmup=60] [--keys=3]
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
# Three gateways share the machine with Kafka, Redis, nginx and wrk: small fixed heaps, C2, one event loop each
# (the proxy serves on one verticle: keygate.gateway.proxy.instances=1, set by the bench).
GATEWAY_JVM_DEFAULT="-Xms256m -Xmx256m -Dquarkus.vertx.event-loops-pool-size=1"
exec java -Dkeygate.repository.root="$PWD" \
  -Dkeygate.bench.gateway-jvm="${KEYGATE_BENCH_GATEWAY_JVM:-$GATEWAY_JVM_DEFAULT}" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.RateLimitAccuracyBench "$@"
