"""Writes the CasADi reference for the sparsity tests: src/test/resources/sparsity/casadi-reference.json.

For each function of the suite below it records the function as one of gradient's expression
strings (a vector- or matrix-valued one for the Jacobian and a scalar one for the Hessian), the
input names and shapes, a seeded point, and what CasADi says at that point: the structural
sparsity pattern of the Jacobian (``ca.jacobian(...).sparsity()``) and of the Hessian of the
scalar (``ca.hessian(...)``), both over SX (scalar) expressions, with their numeric values.
The Java test ``dev.gradient.sparsity.CasadiReferenceTest`` reads that file and needs no Python.

Flattening. CasADi matrices are column-major: ``vec(W)`` of a 2 x 3 matrix lists W[0,0], W[1,0],
W[0,1], ... . gradient flattens row-major (W[0,0], W[0,1], W[0,2], W[1,0], ...), outputs in
order and the ``wrt`` inputs in order, each row-major. This script converts every row index
(an element of vec(F)) and every column index (an element of vec(input), inputs laid end to end)
from CasADi's column-major order to gradient's row-major order before it writes them, and sorts
the entries by row, then column, as gradient's patterns are. Vectors of shape [n] are CasADi
column vectors n x 1, whose two orders agree; scalars are 1 x 1.

Differences. Where CasADi's pattern and gradient's are known to differ for a reason, the
function's ``differences`` entry says which side is looser and why; the Java test holds each
such note to be true (the difference exists, in that direction, and every extra entry is zero
in value), and demands equal patterns everywhere else.

Rerun (from the repository root), after any change to the suite:

    python3.11 -m venv /tmp/casadienv
    /tmp/casadienv/bin/pip install --no-index --find-links /opt/wheels --find-links /opt/pypi/files casadi numpy
    /tmp/casadienv/bin/python src/test/python/casadi_sparsity_reference.py

The output is deterministic for one CasADi version (the points come from a fixed seed); the
version is written into the file.
"""

import json
import os
import sys

import casadi as ca
import numpy as np

SEED = 20261201
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "sparsity", "casadi-reference.json")

# Reasons shared by several functions.
COMPARISON_IN_JACOBIAN = ("CasADi's structural propagation gives {op} the dependencies of its argument, though its "
                          "derivative is zero at every point; gradient's rules give it none.")
COMPARISON_IN_GRADIENT = ("CasADi's structural propagation passes dependencies through comparisons and sign, whose "
                          "derivatives are zero; {what}, so CasADi's Hessian keeps entries that are zero at every "
                          "point. gradient's rules give comparisons and sign no dependency.")


def sym(name, shape):
    if len(shape) == 0:
        return ca.SX.sym(name)
    if len(shape) == 1:
        return ca.SX.sym(name, shape[0], 1)
    return ca.SX.sym(name, shape[0], shape[1])


def row(v):
    """A CasADi column vector as a 1 x n row, for broadcasting along the rows of a matrix."""
    return ca.transpose(v)


def softmax(v):
    e = ca.exp(v - ca.mmax(v))
    return e / ca.sum1(e)


def logsumexp(v):
    m = ca.mmax(v)
    return m + ca.log(ca.sum1(ca.exp(v - m)))


# Each function: name, our expressions, inputs [(name, shape)], the CasADi builder of (F, s)
# from a dict of symbols, the range the point is drawn from, and known differences.
SUITE = [
    dict(name="tridiagonal residual",
         jacobian="x[:-2] - 2*x[1:-1]^2 + x[2:]",
         hessian="sum(x[:-2] - 2*x[1:-1]^2 + x[2:])",
         inputs=[("x", [8])],
         casadi=lambda s: (s["x"][:-2] - 2 * s["x"][1:-1] ** 2 + s["x"][2:],)),
    dict(name="banded, bandwidth 3",
         jacobian="(x[:-2] + x[1:-1]*x[2:])^2 + cos(x[1:-1])",
         hessian="sum((x[:-2] + x[1:-1]*x[2:])^2) + sum(cos(x))",
         inputs=[("x", [9])],
         casadi=lambda s: ((s["x"][:-2] + s["x"][1:-1] * s["x"][2:]) ** 2 + ca.cos(s["x"][1:-1]),
                           ca.sum1((s["x"][:-2] + s["x"][1:-1] * s["x"][2:]) ** 2) + ca.sum1(ca.cos(s["x"])))),
    dict(name="arrowhead",
         jacobian="sin(x) * x[-1]",
         hessian="sum(x[:-1]^2) * x[-1] + sum(cos(x))",
         inputs=[("x", [7])],
         casadi=lambda s: (ca.sin(s["x"]) * s["x"][-1],
                           ca.sum1(s["x"][:-1] ** 2) * s["x"][-1] + ca.sum1(ca.cos(s["x"])))),
    dict(name="chained Rosenbrock",
         jacobian="concat(10*(x[1:] - x[:-1]^2), 1 - x[:-1], axis=0)",
         hessian="sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)",
         inputs=[("x", [8])],
         casadi=lambda s: (ca.vertcat(10 * (s["x"][1:] - s["x"][:-1] ** 2), 1 - s["x"][:-1]),
                           ca.sum1(100 * (s["x"][1:] - s["x"][:-1] ** 2) ** 2 + (1 - s["x"][:-1]) ** 2))),
    dict(name="Bratu boundary-value residual",
         jacobian="concat(x[:1], (x[:-2] - 2*x[1:-1] + x[2:])*100 + 2*exp(x[1:-1]), x[-1:], axis=0)",
         hessian="sum(((x[:-2] - 2*x[1:-1] + x[2:])*100 + 2*exp(x[1:-1]))^2)",
         inputs=[("x", [10])],
         casadi=lambda s: (ca.vertcat(s["x"][:1], (s["x"][:-2] - 2 * s["x"][1:-1] + s["x"][2:]) * 100
                                      + 2 * ca.exp(s["x"][1:-1]), s["x"][-1:]),
                           ca.sum1(((s["x"][:-2] - 2 * s["x"][1:-1] + s["x"][2:]) * 100 + 2 * ca.exp(s["x"][1:-1])) ** 2))),
    dict(name="Troesch boundary-value residual",
         jacobian="(x[:-2] - 2*x[1:-1] + x[2:])*49 - 0.5*sinh(0.5*x[1:-1])",
         hessian="sum(x[1:-1] * ((x[:-2] - 2*x[1:-1] + x[2:])*49 - 0.5*sinh(0.5*x[1:-1])))",
         inputs=[("x", [9])],
         casadi=lambda s: ((s["x"][:-2] - 2 * s["x"][1:-1] + s["x"][2:]) * 49 - 0.5 * ca.sinh(0.5 * s["x"][1:-1]),
                           ca.sum1(s["x"][1:-1] * ((s["x"][:-2] - 2 * s["x"][1:-1] + s["x"][2:]) * 49
                                                   - 0.5 * ca.sinh(0.5 * s["x"][1:-1]))))),
    dict(name="2-D Laplacian with a cubic term on a 5 x 5 grid",
         jacobian="4*U[1:-1, 1:-1] - U[:-2, 1:-1] - U[2:, 1:-1] - U[1:-1, :-2] - U[1:-1, 2:] + U[1:-1, 1:-1]^3",
         hessian="sum(U[1:-1, 1:-1] * (4*U[1:-1, 1:-1] - U[:-2, 1:-1] - U[2:, 1:-1] - U[1:-1, :-2] - U[1:-1, 2:]))",
         inputs=[("U", [5, 5])],
         casadi=lambda s: (4 * s["U"][1:-1, 1:-1] - s["U"][:-2, 1:-1] - s["U"][2:, 1:-1] - s["U"][1:-1, :-2]
                           - s["U"][1:-1, 2:] + s["U"][1:-1, 1:-1] ** 3,
                           ca.sum1(ca.sum2(s["U"][1:-1, 1:-1] * (4 * s["U"][1:-1, 1:-1] - s["U"][:-2, 1:-1]
                                                                 - s["U"][2:, 1:-1] - s["U"][1:-1, :-2]
                                                                 - s["U"][1:-1, 2:]))))),
    dict(name="MLP layer tanh(W x + b)",
         jacobian="tanh(W @ x + b)",
         hessian="sum(tanh(W @ x + b))",
         inputs=[("W", [4, 3]), ("x", [3]), ("b", [4])],
         casadi=lambda s: (ca.tanh(ca.mtimes(s["W"], s["x"]) + s["b"]),)),
    dict(name="batched MLP layer sigmoid(X W + b)",
         jacobian="sigmoid(X @ W + b)",
         hessian="sum(sigmoid(X @ W + b))",
         inputs=[("X", [3, 2]), ("W", [2, 4]), ("b", [4])],
         casadi=lambda s: (1 / (1 + ca.exp(-(ca.mtimes(s["X"], s["W"]) + ca.repmat(row(s["b"]), 3, 1)))),)),
    dict(name="elementwise product of two inputs",
         jacobian="x * y",
         hessian="sum(x * y * y)",
         inputs=[("x", [5]), ("y", [5])],
         casadi=lambda s: (s["x"] * s["y"], ca.sum1(s["x"] * s["y"] * s["y"]))),
    dict(name="product reduction",
         jacobian="prod(x)",
         hessian="prod(x)",
         inputs=[("x", [5])],
         casadi=lambda s: (s["x"][0] * s["x"][1] * s["x"][2] * s["x"][3] * s["x"][4],)),
    dict(name="row sums of squares times a vector",
         jacobian="sum(W * W, axis=1) * y",
         hessian="sum(sum(W * W, axis=1) * y)",
         inputs=[("W", [3, 4]), ("y", [3])],
         casadi=lambda s: (ca.sum2(s["W"] * s["W"]) * s["y"],)),
    dict(name="strided slices",
         jacobian="x[::2] * x[1::2] + x[::2]^2",
         hessian="sum(x[::2] * x[1::2]) + sum(x[1::2]^3)",
         inputs=[("x", [8])],
         casadi=lambda s: (s["x"][0::2] * s["x"][1::2] + s["x"][0::2] ** 2,
                           ca.sum1(s["x"][0::2] * s["x"][1::2]) + ca.sum1(s["x"][1::2] ** 3))),
    dict(name="concat of two inputs",
         jacobian="concat(sin(x[:3]), x[3:] * y, exp(y[0]) + x[:1], axis=0)",
         hessian="sum(concat(sin(x[:3]), x[3:] * y, exp(y[0]) + x[:1], axis=0))",
         inputs=[("x", [5]), ("y", [2])],
         casadi=lambda s: (ca.vertcat(ca.sin(s["x"][:3]), s["x"][3:] * s["y"], ca.exp(s["y"][0]) + s["x"][:1]),)),
    dict(name="where with a condition on both inputs",
         jacobian="where(x > y, x * y, x - y^2)",
         hessian="sum(where(x > y, x * y, x - y^2))",
         inputs=[("x", [6]), ("y", [6])],
         range=(-1.0, 1.0),
         casadi=lambda s: (ca.if_else(s["x"] > s["y"], s["x"] * s["y"], s["x"] - s["y"] ** 2),),
         differences=dict(hessian=dict(looser="casadi", reason=COMPARISON_IN_GRADIENT.format(what="the gradient of where holds its condition x > y")))),
    dict(name="softmax",
         jacobian="softmax(x)",
         hessian="sum(softmax(x) * x)",
         inputs=[("x", [5])],
         casadi=lambda s: (softmax(s["x"]), ca.sum1(softmax(s["x"]) * s["x"]))),
    dict(name="log_softmax and logsumexp",
         jacobian="log_softmax(x)",
         hessian="logsumexp(x)",
         inputs=[("x", [5])],
         casadi=lambda s: (s["x"] - logsumexp(s["x"]), logsumexp(s["x"]))),
    dict(name="normalisation by the L2 norm",
         jacobian="x / norm(x)",
         hessian="norm(x)",
         inputs=[("x", [5])],
         casadi=lambda s: (s["x"] / ca.norm_2(s["x"]), ca.norm_2(s["x"]))),
    dict(name="row norms",
         jacobian="norm(W, axis=1)",
         hessian="sum(norm(W, axis=1))",
         inputs=[("W", [3, 4])],
         casadi=lambda s: (ca.sqrt(ca.sum2(s["W"] * s["W"])),)),
    dict(name="matrix product",
         jacobian="A @ B",
         hessian="sum(A @ B)",
         inputs=[("A", [2, 3]), ("B", [3, 2])],
         casadi=lambda s: (ca.mtimes(s["A"], s["B"]),)),
    dict(name="transpose and reshape",
         jacobian="transpose(reshape(x, shape=[3, 4])) * Y",
         hessian="sum(transpose(reshape(x, shape=[3, 4])) * Y)",
         inputs=[("x", [12]), ("Y", [4, 3])],
         # gradient's reshape is row-major, so its transpose holds x[4 i + j] at [j, i]: CasADi's
         # column-major reshape to 4 x 3 puts the same element there
         casadi=lambda s: (ca.reshape(s["x"], 4, 3) * s["Y"],)),
    dict(name="max and min reductions",
         jacobian="concat(max(x) * x[:2], min(x) + x[2:], axis=0)",
         hessian="max(x) * min(x)",
         inputs=[("x", [6])],
         range=(-1.0, 1.0),
         casadi=lambda s: (ca.vertcat(ca.mmax(s["x"]) * s["x"][:2], ca.mmin(s["x"]) + s["x"][2:]),
                           ca.mmax(s["x"]) * ca.mmin(s["x"]))),
    dict(name="relu and abs",
         jacobian="relu(x) * y + abs(x - y)",
         hessian="sum(relu(x) * y + abs(x - y))",
         inputs=[("x", [5]), ("y", [5])],
         range=(-1.0, 1.0),
         casadi=lambda s: (ca.fmax(s["x"], 0) * s["y"] + ca.fabs(s["x"] - s["y"]),),
         differences=dict(hessian=dict(looser="casadi", reason=COMPARISON_IN_GRADIENT.format(what="the gradient of relu(x) holds x > 0 and that of abs sign(x)")))),
    dict(name="sign and a comparison",
         jacobian="sign(x) * y + (x > 0) + y^2",
         hessian="sum(sign(x) * y^2 + (x > 0) * y)",
         inputs=[("x", [5]), ("y", [5])],
         range=(-1.0, 1.0),
         casadi=lambda s: (ca.sign(s["x"]) * s["y"] + (s["x"] > 0) + s["y"] ** 2,
                           ca.sum1(ca.sign(s["x"]) * s["y"] ** 2 + (s["x"] > 0) * s["y"])),
         differences=dict(jacobian=dict(looser="casadi", reason=COMPARISON_IN_JACOBIAN.format(op="sign(x) and x > 0")))),
    dict(name="elementwise maximum",
         jacobian="maximum(x, y^2)",
         hessian="sum(maximum(x, y^2))",
         inputs=[("x", [5]), ("y", [5])],
         range=(-1.0, 1.0),
         casadi=lambda s: (ca.fmax(s["x"], s["y"] ** 2),),
         differences=dict(hessian=dict(looser="casadi", reason=COMPARISON_IN_GRADIENT.format(what="the gradient of maximum(x, y^2) holds the comparison of x and y^2")))),
    dict(name="power of two inputs",
         jacobian="x ^ y",
         hessian="sum(x ^ y)",
         inputs=[("x", [4]), ("y", [4])],
         casadi=lambda s: (s["x"] ** s["y"],)),
    dict(name="dot and outer",
         jacobian="outer(x, y) * dot(x, y)",
         hessian="dot(x, y)^2",
         inputs=[("x", [3]), ("y", [3])],
         casadi=lambda s: (ca.mtimes(s["x"], row(s["y"])) * ca.dot(s["x"], s["y"]), ca.dot(s["x"], s["y"]) ** 2)),
    dict(name="hypot and atan2 of neighbours",
         jacobian="hypot(x[:-1], x[1:]) + atan2(x[1:], x[:-1])",
         hessian="sum(hypot(x[:-1], x[1:]) + atan2(x[1:], x[:-1]))",
         inputs=[("x", [6])],
         casadi=lambda s: (ca.hypot(s["x"][:-1], s["x"][1:]) + ca.atan2(s["x"][1:], s["x"][:-1]),)),
    dict(name="stack of neighbours",
         jacobian="stack(x[:-1] * x[1:], log(x[1:] / x[:-1]), axis=1)",
         hessian="sum(stack(x[:-1] * x[1:], log(x[1:] / x[:-1]), axis=1))",
         inputs=[("x", [6])],
         casadi=lambda s: (ca.horzcat(s["x"][:-1] * s["x"][1:], ca.log(s["x"][1:] / s["x"][:-1])),)),
    dict(name="column means",
         jacobian="mean(W, axis=0) * exp(W[0])",
         hessian="sum(mean(W, axis=0) * exp(W[0]))",
         inputs=[("W", [3, 4])],
         casadi=lambda s: (ca.sum1(s["W"]) / 3 * ca.exp(s["W"][0, :]),)),
]


def column_major_to_row_major(k, shape):
    """The row-major position of the element at column-major position k of a tensor of shape."""
    if len(shape) < 2:
        return k
    rows, cols = shape
    return (k % rows) * cols + k // rows


def point_for(entry, rng):
    low, high = entry.get("range", (0.5, 1.5))
    return {name: rng.uniform(low, high, size=int(np.prod(shape))) for name, shape in entry["inputs"]}


def casadi_value(flat, shape):
    """A row-major flattened point as CasADi's matrix of that shape."""
    if len(shape) < 2:
        return ca.DM(flat)
    return ca.DM(np.asarray(flat).reshape(shape))


def flat_index(k, shapes):
    """The row-major position of element k of CasADi's vertcat of vec(t) over tensors of shapes, laid end to end."""
    offset = 0
    for shape in shapes:
        size = int(np.prod(shape))
        if k < offset + size:
            return offset + column_major_to_row_major(k - offset, shape)
        offset += size
    raise IndexError(k)


def coo(matrix_sym, symbols, values, row_shapes, column_shapes):
    """The pattern and values of a derivative matrix in gradient's row-major numbering, sorted by row then column."""
    numeric = ca.Function("d", symbols, [matrix_sym])(*values)
    rows, cols = matrix_sym.sparsity().get_triplet()
    nonzeros = ca.DM(numeric).nonzeros()
    entries = sorted((flat_index(r, row_shapes), flat_index(c, column_shapes), float(v)) for r, c, v in zip(rows, cols, nonzeros))
    return {
        "shape": [int(matrix_sym.size1()), int(matrix_sym.size2())],
        "rows": [e[0] for e in entries],
        "cols": [e[1] for e in entries],
        "values": [e[2] for e in entries],
    }


def reference(entry, rng):
    names = [name for name, _ in entry["inputs"]]
    shapes = [shape for _, shape in entry["inputs"]]
    symbols = [sym(name, shape) for name, shape in entry["inputs"]]
    built = entry["casadi"](dict(zip(names, symbols)))
    vector = built[0]
    scalar = built[1] if len(built) > 1 else ca.sum1(ca.sum2(vector))
    wrt = ca.vertcat(*[ca.vec(s) for s in symbols])
    out_shape = [int(vector.size1()), int(vector.size2())]
    if 1 in out_shape:
        out_shape = [out_shape[0] * out_shape[1]]
    point = point_for(entry, rng)
    values = [casadi_value(point[name], shape) for name, shape in entry["inputs"]]
    jacobian = ca.jacobian(ca.vec(vector), wrt)
    hessian, _ = ca.hessian(scalar, wrt)
    result = {
        "name": entry["name"],
        "jacobianExpression": entry["jacobian"],
        "hessianExpression": entry["hessian"],
        "inputs": [{"name": name, "shape": shape} for name, shape in entry["inputs"]],
        "point": {name: [float(v) for v in point[name]] for name in names},
        "jacobian": coo(jacobian, symbols, values, [out_shape], shapes),
        "hessian": coo(hessian, symbols, values, shapes, shapes),
    }
    if "differences" in entry:
        result["differences"] = entry["differences"]
    return result


def main():
    rng = np.random.default_rng(SEED)
    functions = [reference(entry, rng) for entry in SUITE]
    document = {
        "about": "CasADi's structural Jacobian and Hessian patterns and values, written by "
                 "src/test/python/casadi_sparsity_reference.py; indices are gradient's row-major "
                 "flattening of outputs (rows) and of the inputs in order (columns).",
        "casadi": ca.__version__,
        "seed": SEED,
        "functions": functions,
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w") as out:
        json.dump(document, out, indent=1)
        out.write("\n")
    print("wrote %d functions to %s" % (len(functions), os.path.normpath(OUTPUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
