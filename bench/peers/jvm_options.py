#!/usr/bin/env python3
"""JVM options side by side under the same wrk load: the evidence for the Dockerfile's choice.

Starts one service per option set (all at once, on consecutive ports, each logging its GC pauses
with -Xlog:gc), warms each up, then measures them in turn, round after round, so that a change in
the machine's load falls on all of them alike: one point per request, at 1 connection from this
script's own client (plain per-request latencies, as load.py's single-c1-plain) and at 64 with wrk,
then batches of 10,000 points at 1 connection ("batch" in the connections column), then
GET /actuator/health/liveness at 64 connections ("floor"). For each run it reports p50, p99, requests/s, the
CPU time the service used per request (from /proc, so less sensitive than latency to other load
on the machine), and the GC pauses of the run (count, total and longest, from the GC log).

Usage: python3 bench/peers/jvm_options.py [--rounds 2] [--duration 10] [--warmup 30]
           [--options "name=-XX:+UseG1GC -Xms1g -Xmx1g" --options "name=..."] [--jar-of "name=path"]
Needs what bench/peers/load.py needs for ours (wrk, java, the jar); not the peer.
"""

import argparse
import glob
import os
import re
import shlex
import sys
import random
import tempfile

from load import ROOT, Service, fail, sequential, wrk, write_bodies

DEFAULT_OPTIONS = (
    "G1 ergonomic=-XX:MaxRAMPercentage=75",
    "G1 1g=-XX:+UseG1GC -Xms1g -Xmx1g",
    "Parallel 1g=-XX:+UseParallelGC -Xms1g -Xmx1g",
    "Serial 1g=-XX:+UseSerialGC -Xms1g -Xmx1g",
)
PAUSE = re.compile(r"\[(\d+\.\d+)s\].*Pause.* (\d+\.\d+)ms")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def pauses(log, start, end):
    """The GC pauses (ms) that the log records between start and end, seconds of JVM uptime."""
    found = []
    with open(log) as lines:
        for line in lines:
            match = PAUSE.search(line)
            if match and start <= float(match.group(1)) <= end:
                found.append(float(match.group(2)))
    return found


def uptime(pid):
    """Seconds since the process started, which is the GC log's uptime clock to within milliseconds."""
    with open(f"/proc/{pid}/stat") as stat:
        started = int(stat.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
    with open("/proc/uptime") as machine:
        return float(machine.read().split()[0]) - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--options", action="append", help="name=JVM options (repeatable)")
    parser.add_argument("--jar-of", action="append", default=[],
                        help="name=path: run that option set on another jar (an earlier build, to compare commits)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=30, help="seconds of warm-up of each service")
    parser.add_argument("--port", type=int, default=18280)
    parser.add_argument("--service-args", default="--gradient.rate-limit.enabled=false")
    args = parser.parse_args()
    jars = sorted(glob.glob(os.path.join(ROOT, "target", "gradient-*.jar")))
    if not jars:
        fail("no service jar; build it with ./mvnw -o -q -DskipTests package")
    services = []
    other_jars = dict(entry.split("=", 1) for entry in args.jar_of)
    for index, entry in enumerate(args.options or DEFAULT_OPTIONS):
        name, options = entry.split("=", 1)
        jar = other_jars.get(name, jars[0])
        log = os.path.join(ROOT, "target", f"jvm-options-{index}-gc.log")
        command = ["java", *shlex.split(options), f"-Xlog:gc:file={log}:uptime", "-jar", jar,
                   f"--server.port={args.port + index}", *shlex.split(args.service_args)]
        service = Service(name, command, args.port + index, "/actuator/health/liveness",
                          os.path.join(ROOT, "target", f"jvm-options-{index}.log"))
        service.gc_log, service.options = log, options
        services.append(service)
    print("| options | round | connections | p50 ms | p99 ms | req/s | CPU µs/request | GC pauses | pause ms total | longest ms |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    try:
        for service in services:
            service.start()
        with tempfile.TemporaryDirectory() as directory:
            singles, batch = write_bodies(directory, random.Random(11))
            for service in services:
                wrk(service, "/gradient", singles, 64, args.warmup * 2 // 3, directory)
                wrk(service, service.floor_path, None, 64, args.warmup // 3, directory)
            for round_ in range(1, args.rounds + 1):
                for connections in (1, 64, "batch", "floor"):
                    for service in services:
                        start, ticks = uptime(service.process.pid), cpu_ticks(service.process.pid)
                        if connections == 1:
                            run = sequential(service, singles, args.duration)
                        elif connections == "floor":
                            run = wrk(service, service.floor_path, None, 64, args.duration, directory)
                        elif connections == "batch":
                            run = wrk(service, "/gradient", batch, 1, args.duration, directory)
                        else:
                            run = wrk(service, "/gradient", singles, connections, args.duration, directory)
                        cpu = (cpu_ticks(service.process.pid) - ticks) / os.sysconf("SC_CLK_TCK")
                        gc = pauses(service.gc_log, start, uptime(service.process.pid))
                        print(f"| {service.name} (`{service.options}`) | {round_} | {connections} | "
                              f"{run['p50_us'] / 1000:.3f} | {run['p99_us'] / 1000:.3f} | {run['requests_per_s']:,.0f} | "
                              f"{cpu * 1e6 / run['requests']:.0f} | {len(gc)} | {sum(gc):.1f} | {max(gc, default=0):.1f} |",
                              flush=True)
    finally:
        for service in services:
            service.stop()
    print(f"\n`python3 bench/peers/jvm_options.py {shlex.join(sys.argv[1:])}`; load average before the end: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
