# The driver and the local cluster a benchmark script runs against, sourced by endpoints.sh and dns.sh (not run on
# its own). Expects $root (this checkout), $repo (the checkout whose ./privet runs the cluster) and say(). Provides:
#   build_driver                  sets JAVA_HOME to the JDK 21+ that ./mvnw uses, builds the drivers' jar and sets $jar
#   cluster_up <scratch folder>   sets $data to the data folder of a running cluster: the one on PRIVET_DATA_DIR
#                                 (default <repo>/.privet) if it runs, else a new one that it starts with ./privet up
#                                 on <scratch folder>, emptied first
#   cluster_down                  stops the cluster cluster_up started, unless PRIVET_BENCH_KEEP_UP is set
#                                 (for the scripts' EXIT trap)

build_driver() {
  . "$root/.mvn/find-jdk.sh"
  cd "$root"
  say "building the driver: ./mvnw -Pbenchmarks -pl benchmarks -am -q package -DskipTests"
  ./mvnw -Pbenchmarks -pl benchmarks -am -q package -DskipTests
  jar="$root/benchmarks/target/privet-benchmarks-0.1.0-SNAPSHOT.jar"
}

cluster_up() {
  local scratch="$1"
  data="$(realpath -m "${PRIVET_DATA_DIR:-$repo/.privet}")"
  cluster_started=""
  if PRIVET_DATA_DIR="$data" "$repo/privet" status >/dev/null 2>&1; then
    say "using the cluster running on $data (what the benchmark creates stays in its data)"
    return
  fi
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${PRIVET_GATEWAY_PORT:-8080}/q/health"; then
    say "a gateway answers on port ${PRIVET_GATEWAY_PORT:-8080} but no cluster runs on $data:"
    say "set PRIVET_DATA_DIR to that cluster's data folder (or stop it with ./privet down there), then run this again."
    exit 1
  fi
  data="$scratch"
  rm -rf "$data"
  say "no cluster runs; starting one on a fresh data folder: PRIVET_DATA_DIR=$data $repo/privet up"
  say "(it builds the services first if they are not built, which takes a few minutes)"
  PRIVET_DATA_DIR="$data" "$repo/privet" up
  cluster_started=1
}

cluster_down() {
  if [ -n "${cluster_started:-}" ] && [ -z "${PRIVET_BENCH_KEEP_UP:-}" ]; then
    say "stopping the cluster this script started: PRIVET_DATA_DIR=$data $repo/privet down"
    PRIVET_DATA_DIR="$data" "$repo/privet" down || true
  elif [ -n "${cluster_started:-}" ]; then
    say "left running: PRIVET_DATA_DIR=$data $repo/privet down stops it"
  fi
}
