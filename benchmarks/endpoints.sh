#!/usr/bin/env bash
# How fast VPC endpoints reach `available` through the gateway of a local cluster, beside a Kafka round trip and
# pgbench on the same broker and PostgreSQL: benchmarks/endpoints.sh [--flag=value ...] (flags and defaults in
# docs/benchmarks.md; e.g. --n=300 --clients=16 --burst-runs=3 --rates=10,20,50 --duration=15). Run from anywhere.
#
# Uses the cluster that runs on PRIVET_DATA_DIR (default: <repo>/.privet) if there is one. Otherwise it starts one
# with ./privet up on a fresh data folder of its own (benchmarks/target/endpoints-cluster) and stops it at the end.
#   PRIVET_BENCH_REPO=<checkout>  run the cluster of another checkout, e.g. a worktree of an older commit
#                                 (the driver is still built here); default: this checkout
#   PRIVET_BENCH_KEEP_UP=1        leave a cluster this script started running
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "${PRIVET_BENCH_REPO:-$root}" && pwd)"
say() { printf 'endpoints.sh: %s\n' "$*"; }

skip_pgbench=""
for arg in "$@"; do
  case "$arg" in --peers=false) skip_pgbench=1 ;; esac
done
if [ -z "$skip_pgbench" ] && ! command -v pgbench >/dev/null 2>&1; then
  say "pgbench is not installed. On Debian 12 it comes with the PostgreSQL server package (not the client one):"
  say "    apt-get update && apt-get install --no-install-recommends postgresql-15"
  say "then run this again, or pass --peers=false to skip the Kafka and pgbench peers."
  exit 1
fi

. "$root/benchmarks/cluster.sh"
build_driver

cluster_up "$root/benchmarks/target/endpoints-cluster"
trap cluster_down EXIT

out="$root/benchmarks/target/endpoints-$(date +%Y%m%d-%H%M%S).txt"
say "running; the output is also written to $out"
rc=0
"$JAVA_HOME/bin/java" -cp "$jar" dev.privet.benchmarks.EndpointBenchmark --cluster="$data" "$@" 2>&1 | tee "$out" || rc=$?
cat <<EOF

To record a run: add a section to docs/benchmarks.md ("Endpoints to available") with the command as you ran it,
the commit ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') in $repo), the machine (nproc, free -h,
the CPU model from /proc/cpuinfo), the load average before and after, and the tables above (saved in $out).
EOF
exit "$rc"
