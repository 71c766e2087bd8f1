#!/usr/bin/env bash
# Issue 10's ratio table in one run: EngineTargetsBenchmark under JMH (JSON to target/jmh.json),
# then PyTorch and JAX on the same workloads (bench/peers.py, JSON to target/peers.json), then
# the Markdown table (bench/compare.py) on stdout and in target/bench-table.md.
#
#   bench/run.sh                         # JMH_OPTS default: -f 1 -wi 3 -i 5 -w 1s -r 1s
#   JMH_OPTS="-f 1 -wi 5 -i 10" bench/run.sh
#   BENCH_VENV=/tmp/benchenv bench/run.sh   # reuse a venv: the default, target/bench-venv, goes with `clean`
set -euo pipefail
cd "$(dirname "$0")/.."

jmh_opts=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 1s -r 1s"}
jmh_args="EngineTargetsBenchmark $jmh_opts -rf json -rff target/jmh.json"
python=${BENCH_HOST_PYTHON:-python3}
command -v "$python" > /dev/null || { echo "run.sh: $python not found (set BENCH_HOST_PYTHON)" >&2; exit 2; }

echo "run.sh: JMH: $jmh_args" >&2
./mvnw -B -ntp -Pbench clean verify -Djmh.args="$jmh_args" >&2
[ -s target/jmh.json ] || { echo "run.sh: JMH wrote no target/jmh.json" >&2; exit 1; }

echo "run.sh: peers (PyTorch, JAX)" >&2
"$python" bench/peers.py --out target/peers.json

"$python" bench/compare.py --jmh target/jmh.json --peers target/peers.json \
    --command "JMH_OPTS=\"$jmh_opts\" bench/run.sh" | tee target/bench-table.md
