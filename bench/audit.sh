#!/usr/bin/env bash
# Sustained ingest rate of audit-service beside the raw PostgreSQL COPY and multi-row INSERT rates of the same rows,
# same machine, same run, medians; then whether it keeps up with a fixed publish rate (default: the gateway's top
# throughput). Usage: bench/audit.sh [records] [runs] [--rate=records/s] [--seconds=S]
set -euo pipefail
cd "$(dirname "$0")/.."
# KEYGATE_BENCH_SKIP_BUILD=1 uses the jars already built; KEYGATE_MVN_LOCK=<file> builds under flock <file>.
if [[ "${KEYGATE_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ${KEYGATE_MVN_LOCK:+flock "$KEYGATE_MVN_LOCK"} mvn -B -q package -DskipTests -pl bench -am
fi
# KEYGATE_BENCH_SERVICE_JVM replaces the service's JVM options (e.g. to add a flight recording).
exec java -Dkeygate.repository.root="$PWD" ${KEYGATE_BENCH_SERVICE_JVM:+"-Dkeygate.service.jvm-options=$KEYGATE_BENCH_SERVICE_JVM"} -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.AuditIngestBench "$@"
