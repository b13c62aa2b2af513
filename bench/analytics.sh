#!/usr/bin/env bash
# analytics-service beside a raw KafkaConsumer read of the same topic (issue 8), same machine, same run, medians:
# call records counted per second (rollups with histograms, client addresses, anomaly detection, idempotency, all
# committed in PostgreSQL) against call records read and decoded per second by a plain consumer; and the same with
# every partial row compacted too (until compaction caught up with the rows the windows appended).
# Usage: bench/analytics.sh [records] [runs]
# KEYGATE_BENCH_SKIP_BUILD=1 uses the jars already built; KEYGATE_MVN_LOCK=<file> builds under flock <file>.
# The service compacts every 20 s during a run (see AnalyticsBench);
# KEYGATE_BENCH_COMPACTION_INTERVAL=<ISO-8601 duration> or =off changes that. KEYGATE_BENCH_SERVICE_JVM: JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${KEYGATE_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  # package, not install: the bench runs this tree's jars and leaves the local repository alone.
  ${KEYGATE_MVN_LOCK:+flock "$KEYGATE_MVN_LOCK"} mvn -B -q package -DskipTests -pl analytics-service,bench -am
fi
# The service's production JVM options (analytics-service/README.md: C2, a fixed heap, the parallel collector, one
# Vert.x event loop per core).
SERVICE_JVM_DEFAULT="-Xms1g -Xmx1g -XX:+UseParallelGC -Dquarkus.vertx.event-loops-pool-size=$(nproc)"
exec java -Dkeygate.repository.root="$PWD" \
  -Dkeygate.service.jvm-options="${KEYGATE_BENCH_SERVICE_JVM:-$SERVICE_JVM_DEFAULT}" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.AnalyticsBench "$@"
