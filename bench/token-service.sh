#!/usr/bin/env bash
# Key issuance and revocation throughput/latency of token-service beside the raw PostgreSQL insert rate,
# same machine, same run, medians. Usage: bench/token-service.sh [operations] [concurrency] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
# The service runs with production-like JVM options (C2, a fixed heap), not the fast-start ones of the local run.
exec java -Dkeygate.repository.root="$PWD" -Dkeygate.service.jvm-options="${KEYGATE_BENCH_SERVICE_JVM:--Xms512m -Xmx512m}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.keygate.bench.TokenServiceBench "$@"
