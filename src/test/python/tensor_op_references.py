"""Third-order references for the tensor ops, computed by JAX (float64).

Each case is a scalar function of a few scalar inputs, written once in the service's
expression language and once with jax.numpy. For each case and point this script writes the
value, the gradient, the Hessian and the full third-derivative tensor, by JAX's own
jacfwd(jacfwd(jacrev(f))), to src/test/resources/dev/gradient/op/tensor-references.json,
which TensorOpsToThirdOrderTest reads (the Java build never runs Python).

Regenerate, from the project root, with JAX installed (the machine image ships its wheels):
    python3 -m venv /tmp/jaxenv
    /tmp/jaxenv/bin/pip install --no-index --find-links DIR jax jaxlib numpy
    /tmp/jaxenv/bin/python src/test/python/tensor_op_references.py

The points avoid kinks where JAX's convention is not the service's; ties of max/min and
zeros of prod and norm are kept, since there both split or vanish alike.
"""
import json
import math
import pathlib

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402


def v(*xs):
    return jnp.stack(xs)


W3 = jnp.array([0.3, -1.2, 0.7])
M23 = jnp.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])

# (id, expression for the service, function of the inputs for JAX, points)
CASES = [
    ("softmax", "sum(vector(0.3, -1.2, 0.7) * softmax(vector(x, y, z)))",
     lambda x, y, z: jnp.sum(W3 * jax.nn.softmax(v(x, y, z))),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (3.0, -2.0, 1.0)]),
    ("log_softmax", "sum(vector(0.3, -1.2, 0.7) * log_softmax(vector(x, y, z)))",
     lambda x, y, z: jnp.sum(W3 * jax.nn.log_softmax(v(x, y, z))),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (-3.0, 2.0, 1.0)]),
    ("softmax of a matrix by axis", "sum(vector(0.3, -1.2, 0.7) * softmax(reshape(vector(x, y, z, x*y, y-z, 1), shape=[2, 3]), axis=1)[1])",
     lambda x, y, z: jnp.sum(W3 * jax.nn.softmax(v(x, y, z, x * y, y - z, 1.0).reshape(2, 3), axis=1)[1]),
     [(0.1, -0.4, 0.9), (1.0, 1.0, -1.0)]),
    ("logsumexp", "logsumexp(vector(x, y, z))",
     lambda x, y, z: jax.scipy.special.logsumexp(v(x, y, z)),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (5.0, -5.0, 0.5)]),
    ("logsumexp by axis", "sum(vector(0.3, -1.2) * logsumexp(reshape(vector(x, y, z, x*y, y-z, 1), shape=[2, 3]), axis=1))",
     lambda x, y, z: jnp.sum(jnp.array([0.3, -1.2]) * jax.scipy.special.logsumexp(v(x, y, z, x * y, y - z, 1.0).reshape(2, 3), axis=1)),
     [(0.1, -0.4, 0.9), (1.0, 1.0, -1.0)]),
    ("norm", "norm(vector(x, y, z))",
     lambda x, y, z: jnp.linalg.norm(v(x, y, z)),
     [(0.1, -0.4, 0.9), (3.0, 4.0, 12.0), (-1.0, 0.0, 0.0)]),
    ("norm of a shifted vector", "norm(vector(x - 1, y * z, z))",
     lambda x, y, z: jnp.linalg.norm(v(x - 1, y * z, z)),
     [(0.5, 2.0, -0.5), (2.0, 0.0, 1.0)]),
    ("prod", "prod(vector(x, y, z))",
     lambda x, y, z: jnp.prod(v(x, y, z)),
     [(0.1, -0.4, 0.9), (0.0, 2.0, 3.0), (0.0, 0.0, 3.0), (0.0, 0.0, 0.0)]),
    ("prod by axis", "sum(vector(0.3, -1.2) * prod(reshape(vector(x, y, z, x*y, y-z, 2), shape=[2, 3]), axis=1))",
     lambda x, y, z: jnp.sum(jnp.array([0.3, -1.2]) * jnp.prod(v(x, y, z, x * y, y - z, 2.0).reshape(2, 3), axis=1)),
     [(0.1, -0.4, 0.9), (0.0, 1.0, 1.0)]),
    ("prod of squares", "prod(vector(x, y, z)^2)",
     lambda x, y, z: jnp.prod(v(x, y, z) ** 2),
     [(0.5, -1.5, 2.0), (0.0, 1.5, 2.0)]),
    ("max", "max(vector(x*x, y, z))",
     lambda x, y, z: jnp.max(v(x * x, y, z)),
     [(0.1, -0.4, 0.9), (1.0, 1.0, 0.5), (2.0, 4.0, 4.0)]),
    ("min", "min(vector(x*x, y, sin(z)))",
     lambda x, y, z: jnp.min(v(x * x, y, jnp.sin(z))),
     [(0.1, -0.4, 0.9), (1.0, 1.0, 2.0)]),
    ("max by axis of squares", "sum(vector(0.3, -1.2) * max(reshape(vector(x, y, z, x*y, y-z, 0.5), shape=[2, 3]), axis=1)^2)",
     lambda x, y, z: jnp.sum(jnp.array([0.3, -1.2]) * jnp.max(v(x, y, z, x * y, y - z, 0.5).reshape(2, 3), axis=1) ** 2),
     [(0.1, -0.4, 0.9), (1.0, 0.5, 1.0)]),
    ("sum and mean", "sum(vector(x, y, z)^3) * mean(vector(x, y, z))",
     lambda x, y, z: jnp.sum(v(x, y, z) ** 3) * jnp.mean(v(x, y, z)),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0)]),
    ("matmul matrix-vector", "sum(sin(reshape(vector(x, y, z, x*y, 1, -z), shape=[2, 3]) @ vector(z, x, y)))",
     lambda x, y, z: jnp.sum(jnp.sin(v(x, y, z, x * y, 1.0, -z).reshape(2, 3) @ v(z, x, y))),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (1.0, -1.0, 0.5)]),
    ("matmul matrix-matrix", "sum(exp(reshape(vector(x, y, z, x*y), shape=[2, 2]) @ reshape(vector(z, x, y, 1), shape=[2, 2])))",
     lambda x, y, z: jnp.sum(jnp.exp(v(x, y, z, x * y).reshape(2, 2) @ v(z, x, y, 1.0).reshape(2, 2))),
     [(0.1, -0.4, 0.9), (1.0, -1.0, 0.5)]),
    ("matmul vector-vector", "tanh(vector(x, y, z) @ vector(z, x*x, y))",
     lambda x, y, z: jnp.tanh(v(x, y, z) @ v(z, x * x, y)),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0)]),
    ("dot and outer", "dot(vector(x, y), vector(y, z)) * sum(outer(vector(x, z), vector(y, 1, x)))",
     lambda x, y, z: jnp.dot(v(x, y), v(y, z)) * jnp.sum(jnp.outer(v(x, z), v(y, 1.0, x))),
     [(0.1, -0.4, 0.9), (1.0, 2.0, -1.0)]),
    ("transpose", "sum(vector(0.3, -1.2, 0.7) * (transpose(reshape(vector(x, y, z, x*y, y*z, z*x), shape=[2, 3])) @ vector(x, z)))",
     lambda x, y, z: jnp.sum(W3 * (v(x, y, z, x * y, y * z, z * x).reshape(2, 3).T @ v(x, z))),
     [(0.1, -0.4, 0.9)]),
    ("slices", "sum(vector(x, y, z, x*y)[1:]^2 * vector(x, y, z, x*y)[:-1])",
     lambda x, y, z: jnp.sum(v(x, y, z, x * y)[1:] ** 2 * v(x, y, z, x * y)[:-1]),
     [(0.1, -0.4, 0.9), (1.0, -2.0, 0.5)]),
    ("reversed and strided slices", "sum(vector(x, y, z, x*y, y*z)[::-2] * exp(vector(x, y, z, x*y, y*z)[::2]))",
     lambda x, y, z: jnp.sum(v(x, y, z, x * y, y * z)[::-2] * jnp.exp(v(x, y, z, x * y, y * z)[::2])),
     [(0.1, -0.4, 0.9)]),
    ("concat and stack", "sum(concat(vector(x, y), vector(z*z)) * stack(vector(y, z, x), axis=0)[0])",
     lambda x, y, z: jnp.sum(jnp.concatenate([v(x, y), v(z * z)]) * jnp.stack([v(y, z, x)], axis=0)[0]),
     [(0.1, -0.4, 0.9)]),
    ("where over vectors", "sum(where(vector(x, y, z) > 0, sqrt(abs(vector(x, y, z)) + 1), vector(x, y, z)^3))",
     lambda x, y, z: jnp.sum(jnp.where(v(x, y, z) > 0, jnp.sqrt(jnp.abs(v(x, y, z)) + 1), v(x, y, z) ** 3)),
     [(0.1, -0.4, 0.9), (-1.0, 2.0, -0.5)]),
    ("broadcasting", "sum(vector(x, y, z) * x + y / vector(1, 2, z))",
     lambda x, y, z: jnp.sum(v(x, y, z) * x + y / v(1.0, 2.0, z)),
     [(0.1, -0.4, 0.9)]),
    ("sigmoid and softplus", "sum(sigmoid(vector(x, y, z)) * softplus(vector(z, x, y)))",
     lambda x, y, z: jnp.sum(jax.nn.sigmoid(v(x, y, z)) * jax.nn.softplus(v(z, x, y))),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (20.0, -20.0, 3.0)]),
    ("pow with varying exponents", "sum(vector(1 + x*x, 2, 1.5)^vector(y, z, x*y))",
     lambda x, y, z: jnp.sum(v(1 + x * x, 2.0, 1.5) ** v(y, z, x * y)),
     [(0.1, -0.4, 0.9), (0.0, 0.0, 0.0), (1.0, 0.0, 2.0)]),
]


def as_json(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def main():
    out = []
    for case_id, expression, fn, points in CASES:
        def f(p, fn=fn):
            return fn(p[0], p[1], p[2])
        gradient = jax.grad(f)
        hessian = jax.jacfwd(jax.jacrev(f))
        third = jax.jacfwd(jax.jacfwd(jax.jacrev(f)))
        for point in points:
            p = jnp.array(point, dtype=jnp.float64)
            out.append({
                "id": case_id,
                "expression": expression,
                "at": {"x": point[0], "y": point[1], "z": point[2]},
                "value": as_json(f(p)),
                "gradient": [as_json(e) for e in gradient(p)],
                "hessian": [[as_json(e) for e in row] for row in hessian(p)],
                "third": [[[as_json(e) for e in r] for r in m] for m in third(p)],
            })
    target = pathlib.Path(__file__).resolve().parents[1] / "resources/dev/gradient/op/tensor-references.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(out)} references to {target}")


if __name__ == "__main__":
    main()
