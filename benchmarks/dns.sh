#!/usr/bin/env bash
# DNS queries per second and latency of Privet's DNS server, side by side in one run with Unbound serving the same
# records on the same machine, both measured by dnsperf: benchmarks/dns.sh [--flag=value ...] (flags and defaults in
# docs/benchmarks.md; e.g. --names=1010 --runs=3 --seconds=10 --clients=4 --warmup-seconds=2). Run from anywhere.
#
# Uses the cluster that runs on PRIVET_DATA_DIR (default: <repo>/.privet) if there is one, and the names it already
# publishes. Otherwise it starts one with ./privet up on a fresh data folder of its own (benchmarks/target/dns-cluster)
# and stops it at the end. The driver makes endpoints through the gateway until enough names are published.
#   PRIVET_BENCH_REPO=<checkout>  run the cluster of another checkout, e.g. a worktree of an older commit
#                                 (the driver is still built here); default: this checkout
#   PRIVET_BENCH_KEEP_UP=1        leave a cluster this script started running
# Unbound runs as a child of the driver, on a free port, and is stopped at the end in every case.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "${PRIVET_BENCH_REPO:-$root}" && pwd)"
say() { printf 'dns.sh: %s\n' "$*"; }

missing=""
for tool in dnsperf unbound; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  say "not installed:$missing. On Debian 12 both are packages of their own:"
  say "    apt-get update && apt-get install --no-install-recommends dnsperf unbound"
  say "then run this again."
  exit 1
fi

. "$root/benchmarks/cluster.sh"
build_driver

out="$root/benchmarks/target/dns-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
stop_unbound() { # the driver stops it; this is for a driver that could not (killed, say)
  local pid
  pid="$(cat "$out/unbound.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q unbound "/proc/$pid/cmdline" 2>/dev/null; then
    say "stopping unbound (pid $pid)"
    kill "$pid" 2>/dev/null || true
  fi
}
trap 'stop_unbound; cluster_down' EXIT
cluster_up "$root/benchmarks/target/dns-cluster"

say "running; the output is also written to $out/output.txt"
rc=0
"$JAVA_HOME/bin/java" -cp "$jar" dev.privet.benchmarks.DnsBenchmark --cluster="$data" --out="$out" "$@" 2>&1 \
  | tee "$out/output.txt" || rc=$?
cat <<EOF

To record a run: add it to docs/benchmarks.md ("DNS queries against Unbound") with the command as you ran it, the
commit ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') in $repo), the machine (nproc, free -h, the
CPU model from /proc/cpuinfo), the load average before and after, and the tables above (saved in $out, with
Unbound's config, the query file and each dnsperf output).
EOF
exit "$rc"
