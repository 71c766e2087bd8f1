#!/usr/bin/env bash
# Issue 10's ratio table in one run: EngineTargetsBenchmark under JMH (JSON to target/jmh.json),
# then PyTorch and JAX on the same workloads (bench/peers.py, JSON to target/peers.json), then
# the Markdown table (bench/compare.py) on stdout and in target/bench-table.md.
#
#   bench/run.sh                         # JMH_OPTS default: -f 1, the class's own iterations (about 3 minutes)
#   JMH_OPTS="-f 1 -wi 5 -i 10" bench/run.sh
#   BENCH_VENV=/tmp/benchenv bench/run.sh   # reuse a venv: the default, target/bench-venv, goes with `clean`
set -euo pipefail
cd "$(dirname "$0")/.."

jmh_opts=${JMH_OPTS:-"-f 1"}
jmh_args="EngineTargetsBenchmark $jmh_opts -rf json -rff target/jmh.json"
python=${BENCH_HOST_PYTHON:-python3}
command -v "$python" > /dev/null || { echo "run.sh: $python not found (set BENCH_HOST_PYTHON)" >&2; exit 2; }

# JMH allows one run per machine (/tmp/jmh.lock), and two would disturb each other: where another
# is going, wait for its end and try again
wait_for_other_jmh() {
    echo "run.sh: another JMH run is going on this machine; waiting for it to end" >&2
    while pgrep -f "org.openjdk.jmh" > /dev/null; do
        if [ "$waited" -ge "${BENCH_WAIT:-1800}" ]; then
            echo "run.sh: another JMH run is still going after ${waited}s; try again later (BENCH_WAIT sets the wait)" >&2
            exit 1
        fi
        sleep 10
        waited=$((waited + 10))
    done
}
waited=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "run.sh: JMH: $jmh_args" >&2
until ./mvnw -B -ntp -Pbench clean verify -Djmh.args="$jmh_args" 2>&1 | tee "$log" >&2; do
    grep -q "Unable to acquire the JMH lock" "$log" || exit 1
    wait_for_other_jmh
done
[ -s target/jmh.json ] || { echo "run.sh: JMH wrote no target/jmh.json" >&2; exit 1; }

echo "run.sh: peers (PyTorch, JAX)" >&2
"$python" bench/peers.py --out target/peers.json

"$python" bench/compare.py --jmh target/jmh.json --peers target/peers.json \
    --command "JMH_OPTS=\"$jmh_opts\" bench/run.sh" | tee target/bench-table.md
