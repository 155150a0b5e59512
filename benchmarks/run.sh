#!/bin/sh
# Builds the event store benchmark and runs it: benchmarks/run.sh [events] [runs] [--flag=value ...]
# (defaults: 20000 events, 5 runs; flags in docs/benchmarks.md). Run from anywhere.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/find-jdk.sh" # the JDK 21+ that ./mvnw uses, as JAVA_HOME
cd "$root"
./mvnw -Pbenchmarks -pl benchmarks -am -q package -DskipTests
exec "$JAVA_HOME/bin/java" -jar benchmarks/target/privet-benchmarks-0.1.0-SNAPSHOT.jar "$@"
