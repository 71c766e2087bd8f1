#!/usr/bin/env python3
"""Issue 11's HTTP figures in one run: gradient and the JAX + FastAPI peer under the same wrk load.

Starts both services on loopback (ours from the Spring Boot jar, with the JVM options of the
Dockerfile unless --java-opts says otherwise; the peer, bench/peers/jax_service.py, under uvicorn
from a virtual environment built from the machine's wheels), checks that both give the same
gradient, and drives each with wrk and bench/peers/requests.lua:

  single-c1        one point per request (the 2-D Rosenbrock gradient), 1 connection
  single-c1-plain  the same from this script's own client, one request at a time, each timed
                   on its own (wrk corrects its latencies for coordinated omission; see
                   sequential()); the targets' 1-connection latencies are these
  single-c64       one point per request, 64 connections
  batch-c1         10,000 points per request, plain JSON, 1 connection
  batch-b64-c1     the same 10,000 points columnar ("points" one array per input), every array
                   base64 both ways (Accept: application/json+base64), 1 connection
  large-b64-c1     the gradient of sum(x^2) for one x of 1,000,000 elements, base64 both ways;
                   with ours, the time in the engine beside it (from /actuator/prometheus, the
                   engine timer's sum and count over the run; --engine-metric names it)
  floor-c64        the trivial endpoint, 64 connections: GET /actuator/health/liveness on ours,
                   GET /health on the peer (the frameworks' own floor)

Each service gets a warm-up of the same load before each measured run, and the two services are
measured in turn, scenario by scenario. wrk keeps connections alive. Ours runs without its rate
limit (--service-args), which would refuse one client past 10,000 points/s; the peer has none.
The table (Markdown) goes to stdout; every figure, with the options used, to --out as JSON.

Usage: python3 bench/peers/load.py [--duration 15] [--warmup 5] [--first-warmup 30] [--only ours|peer] [--service-args "..."]
                                   [--java-opts "..."] [--out target/http-bench.json]
Needs: wrk (Debian: apt-get install -y wrk), java, the jar (./mvnw -DskipTests package), and
python3.11 with the wheels of jax, jaxlib, numpy, fastapi and uvicorn in $BENCH_WHEELS
(default /opt/wheels:/opt/pypi/files). Exits 2 with a message where one is missing.
"""

import argparse
import base64
import glob
import http.client
import json
import os
import random
import re
import shlex
import struct
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXPRESSION = "(1-x)^2 + 100*(y-x^2)^2"
BATCH_POINTS = 10_000
LARGE_ELEMENTS = 1_000_000
BINARY = "application/json+base64"
PEER_PACKAGES = ("jax", "jaxlib", "numpy", "fastapi", "uvicorn[standard]")


def fail(message):
    print(f"load.py: {message}", file=sys.stderr)
    sys.exit(2)


def dockerfile_java_options():
    """The JAVA_TOOL_OPTIONS that the Dockerfile sets, so that the figures are the image's."""
    with open(os.path.join(ROOT, "Dockerfile")) as dockerfile:
        for line in dockerfile:
            if line.startswith("ENV JAVA_TOOL_OPTIONS="):
                return shlex.split(line.split("=", 1)[1])[0]
    return ""


def peer_python():
    """The venv's python, created from the machine's wheels if it is not there yet."""
    venv = os.path.abspath(os.environ.get("PEER_VENV", os.path.join(ROOT, "target", "http-peer-venv")))
    python = os.path.join(venv, "bin", "python")
    if os.path.exists(python):
        return python
    dirs = [d for d in os.environ.get("BENCH_WHEELS", "/opt/wheels:/opt/pypi/files").split(":") if d]
    missing = [name for name in ("jax", "jaxlib", "fastapi", "uvicorn")
               if not any(glob.glob(os.path.join(d, f"{name}-*.whl")) for d in dirs)]
    if missing:
        fail(f"no wheel for {', '.join(missing)} in {dirs} (set BENCH_WHEELS)")
    base = os.environ.get("BENCH_PYTHON", "python3.11")
    if shutil.which(base) is None:
        fail(f"{base} not found (set BENCH_PYTHON to a Python that the wheels fit)")
    print(f"load.py: creating {venv} from the wheels in {dirs}", file=sys.stderr)
    subprocess.check_call([base, "-m", "venv", venv])
    links = [arg for d in dirs for arg in ("--find-links", d)]
    subprocess.check_call([os.path.join(venv, "bin", "pip"), "install", "-q", "--no-index", *links, *PEER_PACKAGES])
    return python


class Service:
    """One service under test: how to start it, where it listens, and its trivial endpoint."""

    def __init__(self, name, command, port, floor_path, log):
        self.name, self.command, self.port, self.floor_path, self.log = name, command, port, floor_path, log
        self.process = None

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, timeout=180):
        print(f"load.py: starting {self.name}: {shlex.join(self.command)}", file=sys.stderr)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(self.command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                fail(f"{self.name} exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(self.url(self.floor_path), timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        fail(f"{self.name} did not answer {self.floor_path} within {timeout} s; see {self.log}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def post(self, body):
        request = urllib.request.Request(self.url("/gradient"), data=body.encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)


def rosenbrock_gradient(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))


def check_agreement(services, point):
    """Both services give the analytic gradient at one point (relative 1e-12), or the run stops."""
    value, (gx, gy) = rosenbrock_gradient(point["x"], point["y"])
    body = json.dumps({"expression": EXPRESSION, "at": point})
    for service in services:
        answer = service.post(body)
        got = (answer["value"], answer["gradient"]["x"], answer["gradient"]["y"])
        for mine, want in zip(got, (value, gx, gy)):
            if abs(mine - want) > 1e-12 * max(1.0, abs(want)):
                fail(f"{service.name} answered {got} at {point}; the analytic values are {(value, gx, gy)}")


def write_bodies(directory, rng):
    singles = os.path.join(directory, "single.jsonl")
    with open(singles, "w") as out:
        for _ in range(100):
            point = {"x": rng.uniform(-2, 2), "y": rng.uniform(-1, 3)}
            out.write(json.dumps({"expression": EXPRESSION, "at": point}) + "\n")
    batch = os.path.join(directory, "batch.jsonl")
    with open(batch, "w") as out:
        points = [{"x": rng.uniform(-2, 2), "y": rng.uniform(-1, 3)} for _ in range(BATCH_POINTS)]
        out.write(json.dumps({"expression": EXPRESSION, "points": points}) + "\n")
    columns = os.path.join(directory, "batch-b64.jsonl")
    with open(columns, "w") as out:
        out.write(json.dumps({"expression": EXPRESSION,
                              "points": {name: binary_array([p[name] for p in points]) for name in ("x", "y")}}) + "\n")
    large = os.path.join(directory, "large-b64.jsonl")
    with open(large, "w") as out:
        x = [rng.uniform(-1, 1) for _ in range(LARGE_ELEMENTS)]
        out.write(json.dumps({"expression": "sum(x^2)", "at": {"x": binary_array(x)}}) + "\n")
    return {"single": singles, "batch": batch, "batch-b64": columns, "large-b64": large}


def binary_array(values):
    """values as gradient's binary array object: float64, little-endian, base64."""
    data = struct.pack(f"<{len(values)}d", *values)
    return {"dtype": "float64", "shape": [len(values)], "data": base64.b64encode(data).decode()}


def engine_seconds(service, metric):
    """The engine timer's (sum of seconds, count) over every series of metric, or None where ours has no such timer."""
    if not metric:
        return None
    try:
        with urllib.request.urlopen(service.url("/actuator/prometheus"), timeout=10) as response:
            text = response.read().decode()
    except OSError:
        return None
    sums = [float(m.group(1)) for m in re.finditer(rf"^{metric}_seconds_sum(?:{{[^}}]*}})? (\S+)$", text, re.M)]
    counts = [float(m.group(1)) for m in re.finditer(rf"^{metric}_seconds_count(?:{{[^}}]*}})? (\S+)$", text, re.M)]
    return (sum(sums), sum(counts)) if counts else None


def wrk(service, path, bodies, connections, seconds, directory, accept=None):
    result = os.path.join(directory, "result.json")
    env = dict(os.environ, WRK_RESULT=result, WRK_BODIES=bodies or "", WRK_ACCEPT=accept or "")
    threads = 1 if connections == 1 else 2
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", os.path.join(HERE, "requests.lua"), service.url(path)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(result) as figures:
        run = json.load(figures)
    # answers that are not 2xx (a 429, a 503) do not count as work done
    run["requests_per_s"] = (run["requests"] - run["non_2xx"]) / (run["duration_us"] / 1e6)
    return run


def sequential(service, bodies, seconds):
    """One keep-alive connection from this process, one request at a time, each timed on its own.

    wrk corrects its latencies for coordinated omission: after a response slower than the mean
    interval it adds the samples that a client sending at a fixed rate would have seen, so one
    stall of the machine weighs as many requests as would fit in it. These are the plain
    per-request figures beside them, as a blocking client sees them.
    """
    with open(bodies) as lines:
        payloads = [line.strip().encode() for line in lines]
    connection = http.client.HTTPConnection("127.0.0.1", service.port)
    latencies, failures = [], 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        began = time.perf_counter()
        connection.request("POST", "/gradient", body=payloads[len(latencies) % len(payloads)],
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - began)
        failures += response.status != 200
    elapsed = time.perf_counter() - start
    connection.close()
    latencies.sort()

    def percentile(p):
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1e6)

    return {"requests": len(latencies), "duration_us": round(elapsed * 1e6), "p50_us": percentile(50),
            "p90_us": percentile(90), "p99_us": percentile(99), "p999_us": percentile(99.9),
            "max_us": round(latencies[-1] * 1e6), "mean_us": sum(latencies) / len(latencies) * 1e6,
            "connect_errors": 0, "read_errors": 0, "write_errors": 0, "non_2xx": failures, "timeouts": 0,
            "requests_per_s": (len(latencies) - failures) / elapsed}


SCENARIOS = (
    # name, path (None: the service's floor; "sequential": this process's own client), which
    # bodies, connections, points per request, Accept header
    ("single-c1", "/gradient", "single", 1, 1, None),
    ("single-c1-plain", "sequential", "single", 1, 1, None),
    ("single-c64", "/gradient", "single", 64, 1, None),
    ("batch-c1", "/gradient", "batch", 1, BATCH_POINTS, None),
    ("batch-b64-c1", "/gradient", "batch-b64", 1, BATCH_POINTS, BINARY),
    ("large-b64-c1", "/gradient", "large-b64", 1, 1, BINARY),
    ("floor-c64", None, None, 64, 0, None),
)


def measure(services, args, directory, bodies):
    results = {}
    for service in services:
        # the JVM compiles its hot code after tens of thousands of requests; JAX compiles on the first call
        print(f"load.py: warming {service.name} up for {args.first_warmup} s", file=sys.stderr)
        wrk(service, "/gradient", bodies["single"], 64, args.first_warmup // 2, directory)
        wrk(service, "/gradient", bodies["batch"], 1, args.first_warmup // 4, directory)
        wrk(service, "/gradient", bodies["batch-b64"], 1, args.first_warmup // 8, directory, BINARY)
        wrk(service, "/gradient", bodies["large-b64"], 1, args.first_warmup // 8, directory, BINARY)
        wrk(service, service.floor_path, None, 64, args.first_warmup // 4, directory)
    for name, path, kind, connections, points, accept in SCENARIOS:
        for service in services:
            if path == "sequential":
                sequential(service, bodies[kind], args.warmup)
                run = sequential(service, bodies[kind], args.duration)
            else:
                target = path or service.floor_path
                wrk(service, target, bodies.get(kind), connections, args.warmup, directory, accept)
                before = engine_seconds(service, args.engine_metric) if service.name == "ours" else None
                run = wrk(service, target, bodies.get(kind), connections, args.duration, directory, accept)
                after = engine_seconds(service, args.engine_metric) if before else None
                if after and after[1] > before[1]:
                    run["engine_mean_us"] = (after[0] - before[0]) / (after[1] - before[1]) * 1e6
            run["points_per_s"] = run["requests_per_s"] * points
            results.setdefault(name, {})[service.name] = run
            errors = sum(run[key] for key in ("connect_errors", "read_errors", "write_errors", "non_2xx", "timeouts"))
            print(f"load.py: {name:15} {service.name:5} p50 {run['p50_us'] / 1000:8.3f} ms  p99 "
                  f"{run['p99_us'] / 1000:8.3f} ms  {run['requests_per_s']:10.0f} req/s  errors {errors}"
                  + (f"  engine {run['engine_mean_us'] / 1000:.3f} ms/request" if "engine_mean_us" in run else ""),
                  file=sys.stderr)
    return results


def milliseconds(us):
    return f"{us / 1000:.3f}"


def table(results, names):
    head = ["scenario"]
    for name in names:
        head += [f"{name} p50 ms", f"{name} p99 ms", f"{name} req/s", f"{name} points/s"]
    if len(names) == 2:
        head += ["p50 peer/ours", "p99 peer/ours", "req/s ours/peer"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for scenario, runs in results.items():
        row = [scenario]
        for name in names:
            run = runs[name]
            flag = " (errors)" if run["non_2xx"] or run["read_errors"] or run["timeouts"] else ""
            row += [milliseconds(run["p50_us"]), milliseconds(run["p99_us"]), f"{run['requests_per_s']:,.0f}{flag}",
                    f"{run['points_per_s']:,.0f}" if run["points_per_s"] else "-"]
        if len(names) == 2:
            ours, peer = runs[names[0]], runs[names[1]]
            row += [f"{peer['p50_us'] / ours['p50_us']:.2f}", f"{peer['p99_us'] / ours['p99_us']:.2f}",
                    f"{ours['requests_per_s'] / peer['requests_per_s']:.2f}"]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def targets(results):
    """Issue 11's targets that this run measures, each met or missed."""
    single, wide, batch, floor = (results[name] for name in ("single-c1-plain", "single-c64", "batch-c1", "floor-c64"))
    columns, large = results["batch-b64-c1"], results["large-b64-c1"]["ours"]
    share = wide["ours"]["requests_per_s"] / floor["ours"]["requests_per_s"]
    batch_ratio = batch["ours"]["points_per_s"] / batch["peer"]["points_per_s"]
    columns_ratio = columns["ours"]["points_per_s"] / columns["peer"]["points_per_s"]
    if "engine_mean_us" in large:
        outside = large["mean_us"] - large["engine_mean_us"]
        large_check = (f"1,000,000 elements, base64 both ways: time outside the engine at most the engine's"
                       f" (outside {outside / 1000:.2f} ms, engine {large['engine_mean_us'] / 1000:.2f} ms)",
                       outside <= large["engine_mean_us"])
    else:
        large_check = ("1,000,000 elements, base64 both ways: time outside the engine at most the engine's"
                       " (not measured: no engine timer in /actuator/prometheus)", False)
    checks = [
        ("1 connection (plain per-request figures): p50 below the peer's", single["ours"]["p50_us"] < single["peer"]["p50_us"]),
        ("1 connection (plain per-request figures): p99 below the peer's", single["ours"]["p99_us"] < single["peer"]["p99_us"]),
        (f"64 connections: at least 80% of the liveness floor's req/s (is {share:.0%})", share >= 0.8),
        ("64 connections: req/s above the peer's", wide["ours"]["requests_per_s"] > wide["peer"]["requests_per_s"]),
        (f"batch, plain JSON: at least 500,000 points/s (is {batch['ours']['points_per_s']:,.0f})",
         batch["ours"]["points_per_s"] >= 500_000),
        (f"batch, plain JSON: at least 5 times the peer's points/s (is {batch_ratio:.1f})", batch_ratio >= 5),
        (f"batch, base64 columnar: at least 3,000,000 points/s (is {columns['ours']['points_per_s']:,.0f})",
         columns["ours"]["points_per_s"] >= 3_000_000),
        (f"batch, base64 columnar: at least 5 times the peer's points/s (is {columns_ratio:.1f})", columns_ratio >= 5),
        large_check,
    ]
    return "\n".join(f"- {'met' if ok else 'missed'}: {what}" for what, ok in checks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jar", default=None, help="the service jar (default: target/gradient-*.jar)")
    parser.add_argument("--java-opts", default=None, help="JVM options for ours (default: the Dockerfile's)")
    parser.add_argument("--service-args", default="--gradient.rate-limit.enabled=false",
                        help="arguments for ours (default: no rate limit, which would refuse a client past"
                             " 10,000 points/s; the peer has none)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each measured run")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up before each measured run")
    parser.add_argument("--first-warmup", type=int, default=30,
                        help="seconds of warm-up of each service before the first run")
    parser.add_argument("--peer-workers", type=int, default=os.cpu_count(), help="uvicorn worker processes")
    parser.add_argument("--only", choices=("ours", "peer"), help="measure one service")
    parser.add_argument("--ports", default="18080,18181", help="ours,peer")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "http-bench.json"))
    parser.add_argument("--engine-metric", default="gradient_engine",
                        help="ours' engine timer in /actuator/prometheus, without _seconds_sum (\"\" for none)")
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        fail("wrk not found (Debian: apt-get install -y wrk)")
    ours_port, peer_port = (int(port) for port in args.ports.split(","))
    java_opts = dockerfile_java_options() if args.java_opts is None else args.java_opts
    services = []
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    if args.only != "peer":
        jars = [args.jar] if args.jar else sorted(glob.glob(os.path.join(ROOT, "target", "gradient-*.jar")))
        if not jars or not os.path.exists(jars[0]):
            fail("no service jar; build it with ./mvnw -o -q -DskipTests package")
        services.append(Service("ours", ["java", *shlex.split(java_opts), "-jar", jars[0], f"--server.port={ours_port}",
                                 *shlex.split(args.service_args)],
                                ours_port, "/actuator/health/liveness", os.path.join(ROOT, "target", "http-bench-ours.log")))
    if args.only != "ours":
        uvicorn = [peer_python(), "-m", "uvicorn", "--app-dir", HERE, "jax_service:app", "--port", str(peer_port),
                   "--workers", str(args.peer_workers), "--log-level", "warning", "--no-access-log"]
        services.append(Service("peer", uvicorn, peer_port, "/health", os.path.join(ROOT, "target", "http-bench-peer.log")))
    try:
        for service in services:
            service.start()
        check_agreement(services, {"x": -1.2, "y": 1.0})
        with tempfile.TemporaryDirectory() as directory:
            results = measure(services, args, directory, write_bodies(directory, random.Random(11)))
    finally:
        for service in services:
            service.stop()

    names = [service.name for service in services]
    report = table(results, names)
    command = "python3 bench/peers/load.py " + shlex.join(sys.argv[1:])
    print(f"`{command}`, {args.duration} s per run after {args.warmup} s of warm-up (and {args.first_warmup} s before the first); ours with `{java_opts}` "
          f"and `{args.service_args}`, "
          f"the peer with {args.peer_workers} uvicorn worker(s)\n")
    print(report)
    if len(names) == 2:
        print("\n" + targets(results))
    with open(args.out, "w") as out:
        json.dump({"command": command, "java_opts": java_opts, "service_args": args.service_args, "peer_workers": args.peer_workers,
                   "duration_s": args.duration, "warmup_s": args.warmup, "results": results}, out, indent=2)


if __name__ == "__main__":
    main()
