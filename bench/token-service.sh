#!/usr/bin/env bash
# Key issuance and revocation throughput/latency of token-service (wrk) beside the raw PostgreSQL insert rate (pgbench),
# same machine, same run, medians. Usage: bench/token-service.sh [seconds] [concurrency] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk pgbench; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool: apt-get install -y wrk postgresql-client" >&2; exit 2; }
done
mvn -B -q install -DskipTests
# The service runs with production-like JVM options (C2, a fixed heap, one Vert.x event loop per core, as we
# recommend deploying on small nodes), not the fast-start ones of the local run.
SERVICE_JVM_DEFAULT="-Xms512m -Xmx512m -Dquarkus.vertx.event-loops-pool-size=$(nproc)"
exec java -Dkeygate.repository.root="$PWD" -Dkeygate.service.jvm-options="${KEYGATE_BENCH_SERVICE_JVM:-$SERVICE_JVM_DEFAULT}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.TokenServiceBench "$@"
