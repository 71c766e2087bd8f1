"""The peer that issue 11 measures the service against: JAX behind FastAPI, as Tesseract Core is.

It answers the same request bodies as gradient's POST /gradient for the functions it knows, so
that one load script can send the same bytes to both:

    {"expression": "<one of FUNCTIONS' keys>", "at": {"x": 1.5, "y": 2.0}}
        -> {"value": ..., "gradient": {"x": ..., "y": ...}}
    {"expression": "...", "points": [{"x": ..., "y": ...}, ...]}
        -> {"results": [{"value": ..., "gradient": {...}}, ...]}
    {"expression": "...", "points": {"x": [...], "y": [...]}}          (columnar, as jax.vmap)
        -> {"value": [...], "gradient": {"x": [...], "y": [...]}}

Any array may also be a binary array object {"dtype": "float64" | "float32", "shape": [...],
"data": "<base64 of the little-endian bytes>"}, and with "Accept: application/json+base64" every
array of the answer is one, as gradient reads and writes them (and as Tesseract Core encodes
arrays).

It does not parse expressions: the expression string picks a function written in jax.numpy, and
an unknown one is a 422. The single point runs jit(value_and_grad(f)); a batch is one call of
jit(vmap(value_and_grad(f))) over arrays of all the points' inputs. Request bodies are pydantic
models, as FastAPI services usually declare them. Float64 throughout; XLA on one thread per
process (set before jax is imported), so that a worker process is one core, as a request thread
is one core in ours.

Run: uvicorn --app-dir bench/peers jax_service:app --port 8181 (bench/peers/load.py does this).
"""

import base64
import os
from typing import Any

os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("JAX_ENABLE_X64", "1")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from fastapi import FastAPI, HTTPException, Request  # noqa: E402
from pydantic import BaseModel  # noqa: E402

jax.config.update("jax_enable_x64", True)


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def squares(x):
    return jnp.sum(x**2)


# the expression strings the load script sends, spelled as gradient's parser reads them
FUNCTIONS = {
    "(1-x)^2 + 100*(y-x^2)^2": (rosenbrock, ("x", "y")),
    "sum(x^2)": (squares, ("x",)),
}
BINARY = "application/json+base64"
DTYPES = {"float64": "<f8", "float32": "<f4"}

SINGLE = {key: jax.jit(jax.value_and_grad(f, argnums=tuple(range(len(names)))))
          for key, (f, names) in FUNCTIONS.items()}
BATCH = {key: jax.jit(jax.vmap(jax.value_and_grad(f, argnums=tuple(range(len(names))))))
         for key, (f, names) in FUNCTIONS.items()}


class GradientRequest(BaseModel):
    """gradient's request body, reduced to what the peer reads: an expression and one point or many."""

    expression: str
    at: dict[str, Any] | None = None
    points: list[dict[str, float]] | dict[str, Any] | None = None


app = FastAPI(title="JAX peer")


@app.get("/health")
def health():
    """The peer's trivial endpoint: the floor of FastAPI and uvicorn themselves."""
    return {"status": "UP"}


def function(request):
    if request.expression not in FUNCTIONS:
        raise HTTPException(422, f"the peer knows only {sorted(FUNCTIONS)}")
    return FUNCTIONS[request.expression][1]


def array(value):
    """A number, a nested list or a binary array object, as a float64 NumPy array."""
    if isinstance(value, dict):
        try:
            raw = np.frombuffer(base64.b64decode(value["data"], validate=True), dtype=DTYPES[value["dtype"]])
            return raw.astype(np.float64).reshape(value["shape"])
        except (KeyError, ValueError, TypeError) as bad:
            raise HTTPException(422, f"not a binary array: {bad}") from None
    return np.asarray(value, dtype=np.float64)


def encoded(value, binary):
    """value as the answer carries it: a binary array object, a list, or a number."""
    value = np.asarray(value, dtype=np.float64)
    if binary:
        return {"dtype": "float64", "shape": list(value.shape), "data": base64.b64encode(value.astype("<f8").tobytes()).decode()}
    return value.tolist() if value.ndim else float(value)


def arguments(names, values):
    try:
        return [array(values[name]) for name in names]
    except KeyError as missing:
        raise HTTPException(422, f"no value for input {missing}") from None


@app.post("/gradient")
def gradient(request: GradientRequest, http: Request):
    names = function(request)
    binary = BINARY in http.headers.get("accept", "")
    if isinstance(request.points, dict):
        values, grads = BATCH[request.expression](*arguments(names, request.points))
        return {"value": encoded(values, binary), "gradient": {name: encoded(g, binary) for name, g in zip(names, grads)}}
    if request.points is not None:
        columns = [np.asarray(column, dtype=np.float64)
                   for column in zip(*(arguments(names, point) for point in request.points))]
        values, grads = BATCH[request.expression](*columns)
        values = np.asarray(values).tolist()
        grads = [np.asarray(g).tolist() for g in grads]
        return {"results": [{"value": values[i], "gradient": {name: grads[k][i] for k, name in enumerate(names)}}
                            for i in range(len(values))]}
    if request.at is None:
        raise HTTPException(422, "give at or points")
    value, grads = SINGLE[request.expression](*arguments(names, request.at))
    return {"value": float(value), "gradient": {name: encoded(g, binary) for name, g in zip(names, grads)}}
