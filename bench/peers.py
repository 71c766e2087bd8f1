#!/usr/bin/env python3
"""PyTorch eager and JAX jit(grad) on the workloads of EngineTargetsBenchmark, written as JSON.

Everything runs in float64 on one thread: the thread counts are set below before numpy, torch or
jax is imported, torch.set_num_threads(1), and XLA's CPU backend is told not to use Eigen's
thread pool. Each figure is the best, over several repetitions after warm-up, of the mean time
of one call within a repetition (as timeit's repeat gives it).

The wheels come from this machine (no network): if torch or jax cannot be imported, the script
creates a virtual environment at $BENCH_VENV (default target/bench-venv) with $BENCH_PYTHON
(default python3.11) from the directories in $BENCH_WHEELS (default /opt/wheels:/opt/pypi/files)
and runs itself again inside it. Where the wheels are missing it says which and exits 2.

Usage: python3 bench/peers.py [--out target/peers.json] [--quick] [--only pytorch|jax]
"""

import os

# One thread for every library; these must be set before any of them is loaded.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import argparse
import datetime
import glob
import json
import math
import platform
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIRED = ("torch", "jax", "jaxlib", "numpy")

ROSENBROCK_SIZES = (10, 1_000, 100_000)
CHAIN_SIZES = (10_000, 100_000)
POINTS = 10_000
# JAX traces and compiles the chain unrolled, and its compile time grows faster than the chain:
# on the development machine the gradient took 1 s at 1,000 ops, 33 s to 230 s (by the load) at
# 10,000, and had not compiled at 30,000 after 6 minutes. Longer chains are skipped unless
# $PEERS_JAX_CHAIN_MAX allows them.
JAX_CHAIN_MAX = int(os.environ.get("PEERS_JAX_CHAIN_MAX", "10000"))


def ensure_libraries():
    """Returns if torch and jax import here; else runs this script again in the bench venv."""
    try:
        import jax  # noqa: F401
        import numpy  # noqa: F401
        import torch  # noqa: F401
        return
    except ImportError as missing:
        reason = missing
    if os.environ.get("PEERS_IN_VENV"):
        sys.exit(f"peers.py: the virtual environment {sys.prefix} cannot import a peer library: {reason}")
    venv = os.path.abspath(os.environ.get("BENCH_VENV", os.path.join(ROOT, "target", "bench-venv")))
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        create_venv(venv)
    env = dict(os.environ, PEERS_IN_VENV="1")
    sys.exit(subprocess.call([python, os.path.abspath(__file__), *sys.argv[1:]], env=env))


def create_venv(venv):
    dirs = [d for d in os.environ.get("BENCH_WHEELS", "/opt/wheels:/opt/pypi/files").split(":") if d]
    missing = [name for name in REQUIRED
               if not any(glob.glob(os.path.join(d, f"{name}-*.whl")) for d in dirs)]
    if missing:
        print(f"peers.py: no wheel for {', '.join(missing)} in {dirs} (set BENCH_WHEELS to the directories"
              " that hold torch, jax, jaxlib and numpy wheels)", file=sys.stderr)
        sys.exit(2)
    base = os.environ.get("BENCH_PYTHON", "python3.11")
    print(f"peers.py: creating {venv} with {base} from the wheels in {dirs}", file=sys.stderr)
    try:
        subprocess.check_call([base, "-m", "venv", venv])
        links = [arg for d in dirs for arg in ("--find-links", d)]
        subprocess.check_call([os.path.join(venv, "bin", "pip"), "install", "-q", "--no-index", *links, *REQUIRED])
    except (OSError, subprocess.CalledProcessError) as failure:
        print(f"peers.py: could not create {venv}: {failure}", file=sys.stderr)
        sys.exit(2)


class Timer:
    """Best of `repeats` repetitions, each long enough to time, after `warmup` calls."""

    def __init__(self, quick):
        self.rep_seconds = 0.05 if quick else 0.2
        self.repeats = 3 if quick else 7
        self.warmup = 2 if quick else 5

    def best(self, fn):
        start = time.perf_counter()
        fn()
        first = time.perf_counter() - start  # includes a jit's compilation
        for _ in range(self.warmup - 1):
            fn()
        start = time.perf_counter()
        fn()
        once = time.perf_counter() - start
        loops = max(1, int(self.rep_seconds / max(once, 1e-9)))
        repeats = self.repeats if once < 1.0 else 3
        best = math.inf
        for _ in range(repeats):
            start = time.perf_counter()
            for _ in range(loops):
                fn()
            best = min(best, (time.perf_counter() - start) / loops)
        return {"seconds": best, "first_call_seconds": first, "loops": loops, "repeats": repeats}


def chain(size, sin, tanh):
    """BenchmarkFunctions.chain in Python: op i mixes the last node and one of the 16 before it."""
    ops = ("mul", "add", "sin", "sub", "tanh")

    def f(x0, x1, x2, x3):
        nodes = [x0, x1, x2, x3]
        for i in range(4, size + 4):
            op = ops[i % 5]
            last = nodes[i - 1]
            if op == "sin":
                value = sin(last)
            elif op == "tanh":
                value = tanh(last)
            else:
                earlier = nodes[i - 1 - (i * 7919) % min(i, 16)]
                value = last * earlier if op == "mul" else last + earlier if op == "add" else last - earlier
            nodes.append(value)
        return nodes[-1]

    return f


CHAIN_POINT = (0.3, -0.7, 1.1, 0.5)


def data():
    """Values of the shapes EngineTargetsBenchmark uses (not the same numbers: costs do not depend on them)."""
    import numpy as np
    rng = np.random.default_rng(42)
    targets = np.zeros((32, 10))
    targets[np.arange(32), rng.integers(0, 10, 32)] = 1.0
    return {
        "rosenbrock": {n: rng.uniform(-1.5, 1.5, n) for n in ROSENBROCK_SIZES},
        "mlp": (targets, rng.uniform(-1, 1, (32, 784)), rng.uniform(-0.05, 0.05, (128, 784)),
                rng.uniform(-0.05, 0.05, 128), rng.uniform(-0.1, 0.1, (10, 128)), rng.uniform(-0.1, 0.1, 10)),
        "batch": (rng.uniform(-1.5, 1.5, POINTS), rng.uniform(-1.5, 1.5, POINTS)),
    }


def rosenbrock(x):
    return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()


def rosenbrock2d(x, y):
    return 100 * (y - x ** 2) ** 2 + (1 - x) ** 2


def pytorch(timer, values, record, skip):
    import torch
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.set_default_dtype(torch.float64)

    for n, x0 in values["rosenbrock"].items():
        x = torch.tensor(x0, requires_grad=True)
        record(f"rosenbrock_gradient/n={n}", timer.best(lambda: torch.autograd.grad(rosenbrock(x), x)))

    t, X, W1, b1, W2, b2 = (torch.tensor(v) for v in values["mlp"])
    weights = [w.requires_grad_() for w in (W1, b1, W2, b2)]

    def mlp_loss():
        hidden = torch.tanh(X @ W1.T + b1)
        return -(t * torch.log_softmax(hidden @ W2.T + b2, dim=1)).sum(dim=1).mean()

    record("mlp_gradient", timer.best(lambda: torch.autograd.grad(mlp_loss(), weights)))
    with torch.no_grad():
        record("mlp_primal", timer.best(mlp_loss))

    for size in CHAIN_SIZES:
        f = chain(size, torch.sin, torch.tanh)
        point = [torch.tensor(v, requires_grad=True) for v in CHAIN_POINT]
        # as in Java, not every input reaches the output: its gradient is zero
        record(f"chain_gradient/size={size}", timer.best(
            lambda: torch.autograd.grad(f(*point), point, allow_unused=True, materialize_grads=True)))
        with torch.no_grad():
            record(f"chain_primal/size={size}", timer.best(lambda: f(*point)))

    # the points are independent, so the gradient of the sum over the batch is every point's gradient
    xs, ys = (torch.tensor(v, requires_grad=True) for v in values["batch"])
    record(f"batch_gradient/points={POINTS}",
           timer.best(lambda: torch.autograd.grad(rosenbrock2d(xs, ys).sum(), (xs, ys))))


def jax_peer(timer, values, record, skip):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    def run(f):
        return lambda *args: jax.block_until_ready(f(*args))

    for n, x0 in values["rosenbrock"].items():
        x = jnp.asarray(x0)
        g = run(jax.jit(jax.grad(rosenbrock)))
        record(f"rosenbrock_gradient/n={n}", timer.best(lambda: g(x)))

    point = [jnp.asarray(v) for v in values["mlp"]]

    def mlp_loss(t, X, W1, b1, W2, b2):
        hidden = jnp.tanh(X @ W1.T + b1)
        return -(t * jax.nn.log_softmax(hidden @ W2.T + b2, axis=1)).sum(axis=1).mean()

    g = run(jax.jit(jax.grad(mlp_loss, argnums=(2, 3, 4, 5))))
    record("mlp_gradient", timer.best(lambda: g(*point)))
    p = run(jax.jit(mlp_loss))
    record("mlp_primal", timer.best(lambda: p(*point)))

    compiled = None  # (ops, seconds) of the longest chain whose gradient was compiled
    for size in CHAIN_SIZES:
        if size > JAX_CHAIN_MAX:
            measured = f"the gradient's took {compiled[1]:.0f} s at {compiled[0]:,} ops in this run, and " if compiled else ""
            reason = (f"jit of the unrolled chain of {size:,} ops takes too long ({measured}compile time grows faster"
                      f" than the chain); set PEERS_JAX_CHAIN_MAX={size} to try")
            skip(f"chain_gradient/size={size}", reason)
            skip(f"chain_primal/size={size}", reason)
            continue
        f = chain(size, jnp.sin, jnp.tanh)
        args = [jnp.float64(v) for v in CHAIN_POINT]
        g = run(jax.jit(jax.grad(f, argnums=(0, 1, 2, 3))))
        timing = timer.best(lambda: g(*args))
        record(f"chain_gradient/size={size}", timing)
        compiled = (size, timing["first_call_seconds"])
        p = run(jax.jit(f))
        record(f"chain_primal/size={size}", timer.best(lambda: p(*args)))

    xs, ys = (jnp.asarray(v) for v in values["batch"])
    g = run(jax.jit(jax.vmap(jax.grad(rosenbrock2d, argnums=(0, 1)))))
    record(f"batch_gradient/points={POINTS}", timer.best(lambda: g(xs, ys)))


def versions():
    import jax
    import jaxlib
    import numpy
    import torch
    return {"python": platform.python_version(), "torch": torch.__version__, "jax": jax.__version__,
            "jaxlib": jaxlib.__version__, "numpy": numpy.__version__}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "peers.json"))
    parser.add_argument("--quick", action="store_true", help="fewer, shorter repetitions (a smoke test)")
    parser.add_argument("--only", choices=("pytorch", "jax"))
    args = parser.parse_args()
    ensure_libraries()

    timer = Timer(args.quick)
    values = data()
    results, skipped = [], []
    peers = {"pytorch": pytorch, "jax": jax_peer}
    for peer, measure in peers.items():
        if args.only and peer != args.only:
            continue

        def record(workload, timing, peer=peer):
            results.append({"peer": peer, "workload": workload, **timing})
            print(f"{peer:8} {workload:32} {timing['seconds'] * 1e6:14.3f} us"
                  f"  (first call {timing['first_call_seconds']:.3f} s)", file=sys.stderr, flush=True)

        def skip(workload, reason, peer=peer):
            skipped.append({"peer": peer, "workload": workload, "reason": reason})
            print(f"{peer:8} {workload:32} skipped: {reason}", file=sys.stderr, flush=True)

        measure(timer, values, record, skip)

    out = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "versions": versions(), "threads": {k: os.environ[k] for k in
                                               ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "XLA_FLAGS")},
           "timing": {"repeats": timer.repeats, "warmup": timer.warmup, "repetition_seconds": timer.rep_seconds},
           "results": results, "skipped": skipped}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2)
    print(f"peers.py: wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
