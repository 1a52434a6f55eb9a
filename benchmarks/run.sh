#!/usr/bin/env bash
# The one command: builds every benchmark variant, then measures cold starts (coldstart.sh) and
# warm invocations (jmh.sh) side by side in this one run, writing benchmarks/results/.
#
#   benchmarks/run.sh                 build, cold starts, warm invocations
#   benchmarks/run.sh --no-build      reuse the jars already built
#   benchmarks/run.sh --only jmh      or --only coldstart
#
# Environment: whatever coldstart.sh and jmh.sh read (N, JMH_WARMUPS, JMH_ITERATIONS, ...: see the
# head of each script). RESULTS_DIR (default benchmarks/results) moves machine.txt and the JMH
# results; coldstart.sh always writes to benchmarks/results.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
export RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}

build=true
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=false ;;
    --only) only=${2:?--only needs coldstart or jmh}; shift ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

case "$only" in
  "" | coldstart | jmh) ;;
  *) echo "run.sh: --only takes coldstart or jmh" >&2; exit 2 ;;
esac
mkdir -p "$RESULTS_DIR"

machine() {
  echo "date:   $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(
    git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores:  $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  java -version 2>&1 | sed 's/^/java:   /'
  mvn -B -v 2>/dev/null | sed -n '1s/\x1b\[[0-9;]*m//g; 1s/^/maven:  /p' || true
}
echo "== machine"
machine | tee "$RESULTS_DIR/machine.txt"

MODULES=benchmarks/handwritten,benchmarks/fn4j-lambda,benchmarks/fn4j-spring,benchmarks/scf,benchmarks/quarkus
MODULES+=,benchmarks/coldstart,benchmarks/jmh
if $build; then
  echo "== build (mvn -Pbench package)"
  start=$SECONDS
  # Tests and formatting are checked by the normal build; a measurement needs neither.
  (cd "$ROOT" && mvn -B -q -Pbench package -Dmaven.test.skip=true -Dquarkus.build.skip=false \
    -Dspotless.check.skip=true -am -pl "$MODULES")
  echo "built in $((SECONDS - start)) s"
fi

status=0
if [[ -z $only || $only == coldstart ]]; then
  echo "== cold starts (coldstart.sh)"
  start=$SECONDS
  bash "$BENCH_DIR/coldstart.sh" || { status=$?; echo "coldstart.sh failed ($status)" >&2; }
  echo "cold starts took $((SECONDS - start)) s"
fi
if [[ -z $only || $only == jmh ]]; then
  echo "== warm invocations (jmh.sh)"
  start=$SECONDS
  bash "$BENCH_DIR/jmh.sh" || { status=$?; echo "jmh.sh failed ($status)" >&2; }
  echo "warm invocations took $((SECONDS - start)) s"
fi

echo "== results in ${RESULTS_DIR#"$ROOT"/}/"
ls "$RESULTS_DIR"/*.md 2>/dev/null || true
exit $status
