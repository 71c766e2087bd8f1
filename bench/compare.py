#!/usr/bin/env python3
"""Issue 10's ratio table in Markdown, from EngineTargetsBenchmark's JMH JSON and peers.py's JSON.

Per workload: ours, PyTorch eager, JAX jit, the hand-written Java loop, and ours divided by each;
then the ratios the targets name (gradient / primal, points per second) and every target, met
or not. Only the standard library: it runs with any python3.

Usage: python3 bench/compare.py [--jmh target/jmh.json] [--peers target/peers.json] [--commit SHA]
"""

import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLASS = "dev.gradient.bench.EngineTargetsBenchmark."
POINTS = 10_000

# (workload key in peers.json, label, our JMH method, the hand-written loop's, JMH params)
WORKLOADS = [
    ("rosenbrock_gradient/n=10", "Rosenbrock gradient, n = 10", "rosenbrockGradient", "rosenbrockGradientByHand", {"n": "10"}),
    ("rosenbrock_gradient/n=1000", "Rosenbrock gradient, n = 1,000", "rosenbrockGradient", "rosenbrockGradientByHand",
     {"n": "1000"}),
    ("rosenbrock_gradient/n=100000", "Rosenbrock gradient, n = 100,000", "rosenbrockGradient", "rosenbrockGradientByHand",
     {"n": "100000"}),
    ("mlp_gradient", "MLP 784-128-10, batch 32, gradient", "mlpGradient", "mlpGradientByHand", {}),
    ("mlp_primal", "MLP 784-128-10, batch 32, primal", "mlpPrimal", None, {}),
    ("chain_gradient/size=100000", "scalar chain, 100,000 ops, gradient", "chainGradient", None, {"size": "100000"}),
    ("chain_primal/size=100000", "scalar chain, 100,000 ops, primal", "chainPrimal", None, {"size": "100000"}),
    ("chain_gradient/size=10000", "scalar chain, 10,000 ops, gradient", "chainGradient", None, {"size": "10000"}),
    ("chain_primal/size=10000", "scalar chain, 10,000 ops, primal", "chainPrimal", None, {"size": "10000"}),
    (f"batch_gradient/points={POINTS}", "2-D Rosenbrock, batch of 10,000 points, gradients", "batchGradient",
     "batchGradientByHand", {}),
]

UNIT_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}
PEERS = ("pytorch", "jax")


class Figure:
    """A time in seconds, with JMH's error where there is one."""

    def __init__(self, seconds, error=None):
        self.seconds = seconds
        self.error = error

    def __str__(self):
        text = duration(self.seconds)
        if self.error is not None:
            text += f" ± {duration(self.error, unit_of=self.seconds)}"
        return text


def duration(seconds, unit_of=None):
    """`seconds` with three significant digits in the unit that suits `unit_of` (default: itself)."""
    scale = unit_of if unit_of is not None else seconds
    for unit, factor in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if abs(scale) >= factor or unit == "ns":
            value = seconds / factor
            digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
            return f"{value:,.{digits}f} {unit}"
    raise AssertionError


def load_jmh(path):
    figures = {}
    for entry in json.load(open(path)):
        name = entry["benchmark"]
        if not name.startswith(CLASS):
            continue
        metric = entry["primaryMetric"]
        if metric["scoreUnit"] not in UNIT_SECONDS:
            sys.exit(f"compare.py: {name} is in {metric['scoreUnit']}; run it in average-time mode")
        factor = UNIT_SECONDS[metric["scoreUnit"]]
        key = (name[len(CLASS):], tuple(sorted(entry.get("params", {}).items())))
        error = float(metric["scoreError"])  # the string "NaN" after a single iteration
        figures[key] = Figure(metric["score"] * factor, None if error != error else error * factor)
    return figures


def load_peers(path):
    data = json.load(open(path))
    figures = {(r["peer"], r["workload"]): Figure(r["seconds"]) for r in data["results"]}
    skipped = {(s["peer"], s["workload"]): s["reason"] for s in data["skipped"]}
    return data, figures, skipped


def ratio(a, b):
    if not (a and b):
        return "—"
    r = a.seconds / b.seconds
    return f"{r:,.0f}" if r >= 100 else f"{r:.1f}" if r >= 10 else f"{r:.2f}"


def cell(figure, reason=None):
    return str(figure) if figure else "not measured*" if reason else "—"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jmh", default=os.path.join(ROOT, "target", "jmh.json"))
    parser.add_argument("--peers", default=os.path.join(ROOT, "target", "peers.json"))
    parser.add_argument("--commit", help="the commit measured (default: git rev-parse HEAD)")
    parser.add_argument("--command", help="the command that produced the figures, printed under the table")
    args = parser.parse_args()
    for path in (args.jmh, args.peers):
        if not os.path.exists(path):
            sys.exit(f"compare.py: {path} does not exist; bench/run.sh writes it")

    jmh = load_jmh(args.jmh)
    peers_data, peers, skipped = load_peers(args.peers)
    commit = args.commit
    if not commit:
        def git(*words):
            return subprocess.run(["git", "-C", ROOT, *words], capture_output=True, text=True).stdout.strip()
        commit = git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if git("status", "--porcelain") else "")

    def ours(method, params):
        return jmh.get((method, tuple(sorted(params.items())))) if method else None

    rows = {}
    print("| workload | ours | PyTorch eager | JAX jit | hand-written Java | ours / PyTorch | ours / JAX | ours / hand |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for key, label, method, hand_method, params in WORKLOADS:
        row = {"ours": ours(method, params), "hand": ours(hand_method, params),
               "pytorch": peers.get(("pytorch", key)), "jax": peers.get(("jax", key))}
        rows[key] = row
        if not any(row.values()):
            continue
        print(f"| {label} | {cell(row['ours'])} | {cell(row['pytorch'], skipped.get(('pytorch', key)))}"
              f" | {cell(row['jax'], skipped.get(('jax', key)))} | {cell(row['hand'])}"
              f" | {ratio(row['ours'], row['pytorch'])} | {ratio(row['ours'], row['jax'])} | {ratio(row['ours'], row['hand'])} |")
    print()

    print("| ratio | ours | PyTorch eager | JAX jit | hand-written Java |")
    print("| --- | --- | --- | --- | --- |")
    for label, top, bottom in (("MLP gradient / primal", "mlp_gradient", "mlp_primal"),
                               ("chain gradient / primal, 100,000 ops", "chain_gradient/size=100000",
                                "chain_primal/size=100000"),
                               ("chain gradient / primal, 10,000 ops", "chain_gradient/size=10000",
                                "chain_primal/size=10000")):
        print(f"| {label} | " + " | ".join(ratio(rows[top][who], rows[bottom][who])
                                          for who in ("ours", "pytorch", "jax", "hand")) + " |")
    batch = rows[f"batch_gradient/points={POINTS}"]
    print("| 2-D batch, million points per second | " + " | ".join(
        f"{POINTS / batch[who].seconds / 1e6:.2f}" if batch[who] else "—" for who in ("ours", "pytorch", "jax", "hand"))
        + " |")
    print()

    def met(ok):
        return "—" if ok is None else "**met**" if ok else "not met"

    def at_most(a, b, factor):
        return None if not (a and b) else a.seconds <= factor * b.seconds

    r10, r1k, r100k = (rows[f"rosenbrock_gradient/n={n}"] for n in (10, 1000, 100000))
    chain = rows["chain_gradient/size=100000"]["ours"], rows["chain_primal/size=100000"]["ours"]
    targets = [
        ("Rosenbrock gradient, n = 10: at most 1 µs", cell(r10["ours"]),
         None if not r10["ours"] else r10["ours"].seconds <= 1e-6),
        ("Rosenbrock gradient, n = 1,000: within 2x of the hand-written loop", ratio(r1k["ours"], r1k["hand"]) + "x",
         at_most(r1k["ours"], r1k["hand"], 2)),
        ("Rosenbrock gradient, n = 100,000: within 2x of the hand-written loop", ratio(r100k["ours"], r100k["hand"]) + "x",
         at_most(r100k["ours"], r100k["hand"], 2)),
    ]
    for n, row in (("10", r10), ("1,000", r1k), ("100,000", r100k)):
        targets.append((f"Rosenbrock gradient, n = {n}: faster than PyTorch eager", ratio(row["ours"], row["pytorch"]) + "x",
                        None if not (row["ours"] and row["pytorch"]) else row["ours"].seconds < row["pytorch"].seconds))
    mlp = rows["mlp_gradient"]
    targets.append(("MLP gradient: within 1.5x of PyTorch eager", ratio(mlp["ours"], mlp["pytorch"]) + "x",
                    at_most(mlp["ours"], mlp["pytorch"], 1.5)))
    targets.append(("100,000-node chain: gradient / primal at most 2.5", ratio(*chain), at_most(chain[0], chain[1], 2.5)))
    targets.append(("batch of 10,000 2-D points: at least 10 million points per second",
                    f"{POINTS / batch['ours'].seconds / 1e6:.2f} million/s" if batch["ours"] else "—",
                    None if not batch["ours"] else POINTS / batch["ours"].seconds >= 1e7))
    print("| target | measured | |")
    print("| --- | --- | --- |")
    for label, measured, ok in targets:
        print(f"| {label} | {measured} | {met(ok)} |")
    print()

    versions = peers_data["versions"]
    print(f"Commit {commit}; JMH figures from {args.jmh}, peers run at {peers_data['date']}"
          f" (Python {versions['python']}, PyTorch {versions['torch']}, JAX {versions['jax']}, jaxlib {versions['jaxlib']},"
          f" float64, one thread; best of {peers_data['timing']['repeats']} repetitions after"
          f" {peers_data['timing']['warmup']} warm-up calls). Ours and hand-written: JMH average time ± its 99.9% error.")
    if args.command:
        print(f"Command: `{args.command}`")
    slow = [r for r in peers_data["results"] if r["peer"] == "jax" and r["first_call_seconds"] >= 1.0]
    if slow:
        print("JAX's first calls, which compile (not in the figures): " + ", ".join(
            f"{r['workload']} {r['first_call_seconds']:.0f} s" for r in slow) + ".")
    for (peer, workload), reason in sorted(skipped.items()):
        print(f"- \\* {peer}, {workload}: not measured: {reason}")


if __name__ == "__main__":
    main()
