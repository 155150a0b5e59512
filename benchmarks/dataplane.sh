#!/usr/bin/env bash
# Privet's data plane against direct loopback and HAProxy, side by side in one run on the same backends: bulk
# throughput (iperf3), keep-alive HTTP requests and a new connection per request (wrk against nginx serving 1 KiB),
# the CPU of each forwarder, and 10,000 idle connections held at once through each, with network-service's and
# HAProxy's memory per connection: benchmarks/dataplane.sh [--flag=value ...] (flags and defaults in
# docs/benchmarks.md; e.g. --runs=3 --seconds=10 --streams=1,4 --connections=10000). Run from anywhere.
#
# Uses the cluster that runs on PRIVET_DATA_DIR (default: <repo>/.privet) if there is one. Otherwise it starts one
# with ./privet up on a fresh data folder of its own (benchmarks/target/dataplane-cluster) and stops it at the end.
#   PRIVET_BENCH_REPO=<checkout>  run the cluster of another checkout, e.g. a worktree of an older commit
#                                 (the driver is still built here); default: this checkout
#   PRIVET_BENCH_KEEP_UP=1        leave a cluster this script started running
# The backends (iperf3 -s, nginx, and an echo server in a JVM of its own) and HAProxy run on loopback as children of the
# driver and are stopped at the end in every case.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "${PRIVET_BENCH_REPO:-$root}" && pwd)"
say() { printf 'dataplane.sh: %s\n' "$*"; }

missing=""
for tool in haproxy iperf3 wrk nginx; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  say "not installed:$missing. On Debian 12 each is a package of its own:"
  say "    apt-get update && apt-get install --no-install-recommends haproxy iperf3 wrk nginx"
  say "then run this again."
  exit 1
fi

# Each idle connection is a socket in the driver, one in the echo backend, and two in network-service (and in
# HAProxy). A cluster this script starts inherits this limit; one already running keeps its own, which the driver
# checks before it opens them.
open_files=65536
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$open_files" ]; then
  ulimit -Hn "$open_files" 2>/dev/null || say "cannot raise the hard limit on open files above $(ulimit -Hn): it takes root (with CAP_SYS_RESOURCE, which a container may withhold)"
fi
ulimit -Sn "$(ulimit -Hn)"

. "$root/benchmarks/cluster.sh"
build_driver

out="$root/benchmarks/target/dataplane-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
stop_children() { # the driver stops them; this is for a driver that could not (killed, say)
  local name pid
  for name in haproxy nginx iperf3-server echo; do
    pid="$(cat "$out/$name.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qi "${name%-server}" "/proc/$pid/cmdline" 2>/dev/null; then
      say "stopping $name (pid $pid)"
      kill "$pid" 2>/dev/null || true
    fi
  done
}
trap 'stop_children; cluster_down' EXIT
cluster_up "$root/benchmarks/target/dataplane-cluster"

say "running; the output is also written to $out/output.txt"
rc=0
"$JAVA_HOME/bin/java" -cp "$jar" dev.privet.benchmarks.DataPlaneBenchmark --cluster="$data" --out="$out" "$@" 2>&1 \
  | tee "$out/output.txt" || rc=$?
cat <<EOF

To record a run: add it to docs/benchmarks.md ("Data plane against HAProxy") with the command as you ran it, the
commit ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') in $repo), the machine line above, the
load average before and after, and the tables above (saved in $out, with HAProxy's and nginx's configs and each
iperf3 and wrk output).
EOF
exit "$rc"
