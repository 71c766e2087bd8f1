"""Minimises the Rosenbrock function (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1) by gradient descent
with Barzilai-Borwein step sizes, asking the service for every gradient. The function is
registered once; each step then names it by id. Standard library only.

Usage: python3 rosenbrock.py [BASE_URL]   (default: $GRADIENT_URL, else http://localhost:8080)
"""
import json
import math
import os
import sys
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GRADIENT_URL", "http://localhost:8080")


def post(path, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


graph_id = post("/graphs", {"expression": "(1-x)^2 + 100*(y-x^2)^2"})["graphId"]


def gradient(x, y):
    reply = post("/gradient", {"graphId": graph_id, "at": {"x": x, "y": y}})
    return reply["value"], reply["gradient"]["x"], reply["gradient"]["y"]


x, y = -1.2, 1.0
f, gx, gy = gradient(x, y)
step = 0.001
steps = 0
while steps < 1000 and math.hypot(gx, gy) >= 1e-6:
    nx, ny = x - step * gx, y - step * gy
    f, ngx, ngy = gradient(nx, ny)
    # Barzilai-Borwein: step = s.s / s.r, with s the move and r the change of the gradient;
    # where the curvature along s is not positive, fall back to a small fixed step.
    sx, sy, rx, ry = nx - x, ny - y, ngx - gx, ngy - gy
    sr = sx * rx + sy * ry
    step = (sx * sx + sy * sy) / sr if sr > 0 else 0.001
    x, y, gx, gy = nx, ny, ngx, ngy
    steps += 1

print(f"minimum: x={x!r} y={y!r} f={f!r} steps={steps}")
