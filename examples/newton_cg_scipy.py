"""Minimises the Rosenbrock function (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1) with SciPy's Newton-CG:
the value and gradient from POST /gradient and the Hessian-vector products it needs from POST /hvp,
never the Hessian itself. The function is registered once; every call names it by its graphId.

Usage: python3 newton_cg_scipy.py [BASE_URL]   (default: $GRADIENT_URL, else http://localhost:8080)
Needs NumPy and SciPy.
"""
import json
import os
import sys
import urllib.request

import numpy as np
from scipy.optimize import minimize

BASE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GRADIENT_URL", "http://localhost:8080")


def post(path, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


graph_id = post("/graphs", {"expression": "(1-x)^2 + 100*(y-x^2)^2"})["graphId"]


def at(p):
    return {"x": float(p[0]), "y": float(p[1])}


def fun(p):
    reply = post("/gradient", {"graphId": graph_id, "at": at(p)})
    return reply["value"], np.array([reply["gradient"]["x"], reply["gradient"]["y"]], dtype=float)


def hessp(p, v):
    reply = post("/hvp", {"graphId": graph_id, "at": at(p), "tangent": at(v)})
    return np.array([reply["hvp"]["x"], reply["hvp"]["y"]], dtype=float)


result = minimize(fun, np.array([-1.2, 1.0]), jac=True, hessp=hessp, method="Newton-CG", options={"xtol": 1e-10})
print(f"minimum: x={float(result.x[0])!r} y={float(result.x[1])!r} f={float(result.fun)!r} steps={result.nit}")
