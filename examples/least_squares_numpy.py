"""Fits w in y = X w by gradient descent on the mean squared error, with the data as NumPy arrays:
each request sends X (200 x 2), y and w as base64 binary arrays, and each answer's gradient comes
back the same way (Accept: application/json+base64), so no number goes through decimal text.
The data is made with w = (1, 1) exactly, so that is the minimum.

Usage: python3 least_squares_numpy.py [BASE_URL]   (default: $GRADIENT_URL, else http://localhost:8080)
Needs NumPy.
"""
import base64
import json
import os
import sys
import urllib.request

import numpy as np

BASE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GRADIENT_URL", "http://localhost:8080")


def binary(array):
    """A NumPy array as the service's binary array: little-endian float64 bytes, base64."""
    a = np.ascontiguousarray(array, dtype="<f8")
    return {"dtype": "float64", "shape": list(a.shape), "data": base64.b64encode(a.tobytes()).decode("ascii")}


def from_binary(value):
    return np.frombuffer(base64.b64decode(value["data"]), dtype="<f8").reshape(value["shape"])


def post(path, body, accept="application/json"):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Accept": accept})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


rng = np.random.default_rng(7)
X = rng.normal(size=(200, 2))
y = X @ np.array([1.0, 1.0])
graph_id = post("/graphs", {"expression": "mean((X @ w - y)^2)"})["graphId"]

w = np.zeros(2)
steps = 0
while True:
    reply = post("/gradient", {"graphId": graph_id, "at": {"X": binary(X), "y": binary(y), "w": binary(w)}, "wrt": ["w"]},
                 accept="application/json+base64")
    f, g = from_binary(reply["value"]), from_binary(reply["gradient"]["w"])
    if steps == 100 or np.linalg.norm(g) < 1e-10:
        break
    w = w - 0.4 * g  # the Hessian 2 X^T X / 200 is near 2 I, so this step contracts the error fast
    steps += 1

print(f"minimum: x={float(w[0])!r} y={float(w[1])!r} f={float(f)!r} steps={steps}")
