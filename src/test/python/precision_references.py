#!/usr/bin/env python3
"""Exact references for HighPrecisionReferenceTest: every elementwise op's value and derivatives.

Regenerate, from the repository root (Python 3 with sympy and mpmath; a few minutes):

    python3 src/test/python/precision_references.py

It writes src/test/resources/dev/gradient/op/precision-references.json, which the Java test reads;
the Java build never runs this script.

What it computes: for every public elementwise op of one or two arguments (OpRegistry), and for
the vector ops softmax, log_softmax, logsumexp and norm applied to vector(a, b) (element 0 of a
vector result), at a list of points (0, +-0.5, +-1, ordinary values, 1e+-8, 1e+-150, 1e+-300,
subnormals, domain edges and the points where the formulas of issue 9 lost digits or range), the
value and every partial derivative to third order: the gradient, the Hessian and the third
derivatives, each entry rounded to the nearest double.

How: each op is written as a sympy expression of its arguments (on the branch that holds near
the point, for the piecewise ops), sympy differentiates it symbolically, and mpmath evaluates the
result with the exact double inputs at 1200 significant digits, and again at 1500: the two must
round to the same double, or the script stops. 1200 digits are far more than the
cancellations in these formulas need (at a subnormal argument x^3 is 1e-970 beside 1), so the
rounding to a double is the only error left. A rounded result beyond the double range is
Infinity; below half the smallest subnormal it is 0.

Conventions, where the mathematics leaves a choice:
  * Outside an op's real domain (log of a negative number, acosh below 1, a negative base with a
    non-integer exponent) every entry is NaN, except that log, log1p and atanh keep their
    derivatives 1/x, 1/(1+x) and 1/(1-x^2) there: rational functions that are real beyond the
    domain, which the engines (as PyTorch) give too. An entry that is not real inside the domain
    (d/db of a^b at a negative base with an integer exponent: a^b log(a)) is NaN as well.
  * At a domain edge (acosh at 1, log at 0, asin at 1) an entry is its one-sided limit from
    inside the domain, which may be +-Infinity; where the limits from the two sides differ
    (cbrt'' at 0) it is NaN.
  * Points where an op has a kink or a jump (abs, relu and sign at 0, maximum and minimum at
    ties, atan2, hypot and norm at the origin, div by 0, pow at a zero base) are not in the
    sweep: their derivative there is a convention, stated by the op's derivativeConvention() and
    pinned, for most, by KinkConventionsTest. The comparisons are piecewise constant: their
    derivatives are 0, at ties too, by the same convention.

The sweep: 46 ops (27 of one argument, 15 of two, 4 of a two-element vector) at 3416 points,
40735 entries (an op of two arguments has 1 + 2 + 4 + 8 per point); the Java test compares each
in both engines.

The JSON: {"digits": ..., "cases": [{"op", "form", "args", "value", "gradient", "hessian",
"third"}]}, where form is "unary" (op(x0)), "binary" (op(x0, x1)) or "vector" (op(vector(x0,
x1)), element 0 if the result is a vector), and every number is a string that Java's
Double.parseDouble reads exactly ("Infinity", "-Infinity" and "NaN" included).
"""

import itertools
import json
import os
import sys

import mpmath
import sympy

DIGITS = 1200
CHECK_DIGITS = 1500
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "resources", "dev", "gradient", "op", "precision-references.json")

A, B = sympy.symbols("a b", real=True)
X = A

# ---------------------------------------------------------------------------------------------
# Points
# ---------------------------------------------------------------------------------------------

COMMON = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.7, -3.7, 1e-8, -1e-8, 1e8, -1e8,
          1e-150, -1e-150, 1e150, -1e150, 1e-300, -1e-300, 1e300, -1e300,
          4.9e-324, -4.9e-324, 1e-310, -1e-310, 20.0, -20.0, 40.0, -40.0, 700.0, -700.0]
NEAR_ONE = [1 - 1e-10, -(1 - 1e-10), 0.9999999999999999, -0.9999999999999999, 0.9, -0.9, 1.5, -1.5]

EXTRA = {
    "exp": [709.78, 710.0, -708.0, -745.0],
    "log": [1 + 1e-10, 1 - 1e-10, 1e-320, 1.7976931348623157e308],
    "log1p": [-1 + 1e-10, -0.9999, 1e-20, -1e-20],
    "expm1": [1e-20, -1e-20, 709.0, -745.0, 1e-5],
    "sqrt": [1e-320],
    "cbrt": [1e-320],
    "square": [1.4e154, 1e155],
    "sin": [3.141592653589793, 1.5707963267948966, 1e22],
    "cos": [3.141592653589793, 1.5707963267948966, 1e22],
    "tan": [1.5707963267948966, -1.5707963267948966, 3.141592653589793, 1.57, 1e22],
    "asin": NEAR_ONE,
    "acos": NEAR_ONE,
    "atanh": NEAR_ONE + [0.1],
    "atan": [1e154, 1e155, 1e160, 0.1],
    "sinh": [709.7, -709.7, 710.0, -710.0, 0.1],
    "cosh": [709.7, -709.7, 710.0, -710.0, 0.1],
    "tanh": [19.0, -19.0, 22.0, -22.0, 360.0, -360.0, 710.0, -710.0, 0.1, -0.1],
    "asinh": [1e154, 1e155, -1e155, 0.1, 1e-20],
    "acosh": [1 + 1e-10, 1.0000000000000002, 1.5, 1e154, 1e155, -9.6e7, 1.7976931348623157e308],
    "sigmoid": [19.0, -19.0, 37.0, -37.0, 745.0, -745.0, 800.0, -800.0, 0.1, -0.1],
    "softplus": [19.0, -19.0, 37.0, -37.0, 745.0, -745.0, 800.0, -800.0, 0.1, -0.1],
    "erf": [6.0, -6.0, 27.0, -27.0, 1e-20, 0.1, 1e-154, 1e-160],
}

PAIR_VALUES = [0.5, -2.0, 3.0, 1e-8, -1e8, 1e-150, 1e150, 1e-300, 1e300, 4.9e-324, -1e-310]
PAIRS = list(itertools.product(PAIR_VALUES, PAIR_VALUES))
ANGLES = [(1.0, 1e-8), (1e-8, 1.0), (3.0, 4.0), (-3.0, 4.0), (0.0, -1.0), (0.0, 1.0), (1.0, 0.0), (-1.0, 0.0),
          (1e-300, 1e-300), (1e300, 1e300), (1e-320, 1e-320), (1.0, -1.0000000001), (0.9999999999, 1.0),
          (-3.0, 3.0000000003)]
OFFSETS = [(1e16, 1e16), (1e16, 1e16 + 2), (1e16 + 2, 1e16), (1e300, 1e300), (-1e300, -1e300),
           (1e300, -1e300), (1000.0, 999.0), (-1000.0, -1001.0), (1e8, 1e8 + 1), (0.0, 0.0), (1.0, 1e-8),
           (40.0, 0.0), (0.0, 40.0), (-40.0, 0.0), (745.0, 0.0), (20.0, -20.0), (3.0, -3.0), (1e-8, 0.0)]
POW_BASES = [1e-300, 1e-150, 1e-8, 0.5, 1 - 1e-10, 1.0, 1 + 1e-10, 2.0, 10.0, 1e8, 1e150, 1e300,
             4.9e-324, -2.0, -0.5]
POW_EXPONENTS = [0.0, 1.0, 2.0, 3.0, 0.5, 1.1, -1.5, -0.1, 1e-8, 1e10, -2.0, 2.5]


def unary_points(op):
    return sorted(set(COMMON + EXTRA.get(op, [])))


# ---------------------------------------------------------------------------------------------
# Ops: a sympy expression near a point (None where the point is left out), and the real domain
# ---------------------------------------------------------------------------------------------

def always(*_):
    return True


class Op:
    def __init__(self, name, form, expr, points, domain=always, continues=False):
        self.name = name
        self.form = form
        self.expr = expr              # point -> sympy expression valid near it, or None
        self.points = points          # list of tuples
        self.domain = domain          # mpf arguments -> whether the real function is defined
        self.continues = continues    # derivatives stay real (and are given) outside the domain


def fixed(e):
    return lambda p: e


def unary(name, e, domain=always, continues=False, skip=()):
    points = [(x,) for x in unary_points(name) if x not in skip]
    return Op(name, "unary", fixed(e) if isinstance(e, sympy.Basic) else e, points, domain, continues)


def branch_by_sign(positive, negative):
    return lambda p: positive if p[0] > 0 else negative if p[0] < 0 else None


def cbrt_branch(p):
    third = sympy.Rational(1, 3)
    return X ** third if p[0] > 0 else -(-X) ** third if p[0] < 0 else X ** third


def pow_domain(a, b):
    return a > 0 or (a < 0 and b == mpmath.floor(b))


OPS = [
    unary("neg", -X),
    unary("identity", X),
    unary("exp", sympy.exp(X)),
    unary("log", sympy.log(X), domain=lambda x: x >= 0, continues=True),
    unary("log1p", sympy.log(1 + X), domain=lambda x: x >= -1, continues=True),
    unary("expm1", sympy.exp(X) - 1),
    unary("sqrt", sympy.sqrt(X), domain=lambda x: x >= 0),
    unary("cbrt", cbrt_branch),
    unary("square", X ** 2),
    unary("sin", sympy.sin(X)),
    unary("cos", sympy.cos(X)),
    unary("tan", sympy.tan(X)),
    unary("asin", sympy.asin(X), domain=lambda x: abs(x) <= 1),
    unary("acos", sympy.acos(X), domain=lambda x: abs(x) <= 1),
    unary("atan", sympy.atan(X)),
    unary("sinh", sympy.sinh(X)),
    unary("cosh", sympy.cosh(X)),
    unary("tanh", sympy.tanh(X)),
    unary("asinh", sympy.asinh(X)),
    unary("acosh", sympy.acosh(X), domain=lambda x: x >= 1),
    unary("atanh", sympy.atanh(X), domain=lambda x: abs(x) <= 1, continues=True),
    unary("abs", branch_by_sign(X, -X), skip=(0.0,)),
    unary("sign", branch_by_sign(sympy.Integer(1), sympy.Integer(-1)), skip=(0.0,)),
    unary("sigmoid", 1 / (1 + sympy.exp(-X))),
    unary("softplus", sympy.log(1 + sympy.exp(X))),
    unary("relu", branch_by_sign(X, sympy.Integer(0)), skip=(0.0,)),
    unary("erf", sympy.erf(X)),
]

for name, e in [("add", A + B), ("sub", A - B), ("mul", A * B)]:
    OPS.append(Op(name, "binary", fixed(e), PAIRS))
OPS.append(Op("div", "binary", fixed(A / B), [p for p in PAIRS if p[1] != 0]))
OPS.append(Op("pow", "binary", fixed(A ** B), list(itertools.product(POW_BASES, POW_EXPONENTS)),
              domain=pow_domain))
OPS.append(Op("maximum", "binary", lambda p: A if p[0] > p[1] else B, [p for p in PAIRS if p[0] != p[1]]))
OPS.append(Op("minimum", "binary", lambda p: A if p[0] < p[1] else B, [p for p in PAIRS if p[0] != p[1]]))
OPS.append(Op("atan2", "binary", fixed(sympy.atan2(A, B)), PAIRS + ANGLES))
OPS.append(Op("hypot", "binary", fixed(sympy.sqrt(A ** 2 + B ** 2)), PAIRS + ANGLES))
for name, test in [("lt", lambda a, b: a < b), ("le", lambda a, b: a <= b), ("gt", lambda a, b: a > b),
                   ("ge", lambda a, b: a >= b), ("eq", lambda a, b: a == b), ("ne", lambda a, b: a != b)]:
    OPS.append(Op(name, "binary", (lambda t: lambda p: sympy.Integer(1 if t(*p) else 0))(test),
                  PAIRS + [(1.0, 1.0), (0.0, -0.0)]))

SUM_EXP = sympy.exp(A) + sympy.exp(B)
OPS.append(Op("softmax", "vector", fixed(sympy.exp(A) / SUM_EXP), PAIRS + OFFSETS))
OPS.append(Op("log_softmax", "vector", fixed(A - sympy.log(SUM_EXP)), PAIRS + OFFSETS))
OPS.append(Op("logsumexp", "vector", fixed(sympy.log(SUM_EXP)), PAIRS + OFFSETS))
OPS.append(Op("norm", "vector", fixed(sympy.sqrt(A ** 2 + B ** 2)),
              [p for p in PAIRS + OFFSETS + ANGLES if p != (0.0, 0.0)]))


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------

class Undefined(Exception):
    """The entry has no value: the one-sided limits differ, or it is not real."""


_compiled = {}


def compiled(expr, orders):
    """The lambdified partial derivative of expr by the argument indices in orders."""
    key = (expr, orders)
    if key not in _compiled:
        d = expr
        for i in orders:
            d = sympy.diff(d, (A, B)[i])
        _compiled[key] = sympy.lambdify((A, B), d, modules="mpmath")
    return _compiled[key]


def real(v):
    v = mpmath.mpmathify(v)
    if isinstance(v, mpmath.mpc):
        if v.imag != 0:
            raise Undefined("not real")
        v = v.real
    return v


def direct(f, args):
    """f at args; None where the formula itself fails there (a division by 0, 0 times Infinity).
    mpmath's own Infinity (log at 0) is exact: its exponents are unbounded, so nothing overflows."""
    try:
        v = real(f(*args, *([0] * (2 - len(args)))))
    except (ZeroDivisionError, ValueError):
        return None
    return None if mpmath.isnan(v) else v


def one_sided_limit(op, orders, x):
    """The limit of a unary op's partial at a domain edge x, from the side(s) inside the domain.
    Approached within 1e-600 and 1e-900 of x: a power-law singularity t^-p (p >= 1/3) is then
    beyond 1e200 and growing, a smooth one agrees to 40 digits."""
    limits = []
    for side in (1, -1):
        near = [x + side * mpmath.mpf(10) ** -k * max(1, abs(x)) for k in (600, 900)]
        if not all(op.domain(t) for t in near):
            continue
        values = []
        for t in near:
            v = direct(compiled(op.expr((t,)), orders), (t,))
            if v is None:
                raise Undefined("no value near the edge")
            values.append(v)
        small, large = values
        if abs(large) > mpmath.mpf(10) ** 200 and abs(large) > abs(small) * mpmath.mpf(10) ** 50:
            limits.append(mpmath.inf * mpmath.sign(large))
        elif abs(large - small) <= abs(large) * mpmath.mpf(10) ** -40:
            limits.append(large)
        elif abs(large) < mpmath.mpf(10) ** -250 and abs(small) < mpmath.mpf(10) ** -150:
            limits.append(mpmath.mpf(0))
        else:
            print(f"warning: {op.name}{orders} at {x}: no limit ({small}, {large})", file=sys.stderr)
            raise Undefined("the limit does not settle")
    if not limits or any(l != limits[0] for l in limits):
        raise Undefined("the one-sided limits differ")
    return limits[0]


def exact(op, expr, orders, point):
    """The partial by orders of op at point, as an mpf (possibly infinite); raises Undefined."""
    args = [mpmath.mpf(p) for p in point]
    inside = op.domain(*args)
    if not inside and not (op.continues and orders):
        raise Undefined("outside the domain")
    v = direct(compiled(expr, orders), args)
    if v is not None:
        return v
    if len(args) != 1:
        raise Undefined("singular point of a two-argument op")
    return one_sided_limit(op, orders, args[0])


def to_double_text(v):
    """The nearest double, as text Java parses exactly."""
    if v is None:
        return "NaN"
    if mpmath.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    d = float(mpmath.nstr(v, 60))
    if d == float("inf"):
        return "Infinity"
    if d == float("-inf"):
        return "-Infinity"
    # the sign of a zero is not compared: an underflowed entry may round to either
    return repr(d) if d != 0 else "0.0"


def entry(op, expr, orders, point):
    try:
        return exact(op, expr, orders, point)
    except Undefined:
        return None


def rounded_entry(op, expr, orders, point):
    """The entry rounded to a double at DIGITS, checked against CHECK_DIGITS."""
    with mpmath.workdps(DIGITS):
        first = to_double_text(entry(op, expr, orders, point))
    with mpmath.workdps(CHECK_DIGITS):
        second = to_double_text(entry(op, expr, orders, point))
    if first != second:
        sys.exit(f"{op.name} at {point}, partial {orders}: {first} at {DIGITS} digits, {second} at {CHECK_DIGITS}")
    return first


def case(op, point):
    expr = op.expr(point)
    n = 1 if op.form == "unary" else 2
    cache = {}

    def partial(*indices):
        key = tuple(sorted(indices))
        if key not in cache:
            cache[key] = rounded_entry(op, expr, key, point)
        return cache[key]

    r = range(n)
    return {
        "op": op.name,
        "form": op.form,
        "args": [repr(float(p)) for p in point],
        "value": partial(),
        "gradient": [partial(i) for i in r],
        "hessian": [[partial(i, j) for j in r] for i in r],
        "third": [[[partial(i, j, k) for k in r] for j in r] for i in r],
    }


def main():
    cases = []
    for op in OPS:
        for point in op.points:
            if op.expr(point) is not None:
                cases.append(case(op, point))
        print(f"{op.name}: {sum(1 for c in cases if c['op'] == op.name)} points", file=sys.stderr)
    entries = sum(1 + len(c["gradient"]) + len(c["gradient"]) ** 2 + len(c["gradient"]) ** 3 for c in cases)
    with open(OUTPUT, "w") as out:
        # one case a line, so that a change to the references reads as a diff of the points it touches
        lines = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
        out.write(f'{{"digits":{DIGITS},"cases":[\n{lines}\n]}}\n')
    print(f"{len(OPS)} ops, {len(cases)} points, {entries} entries -> {os.path.normpath(OUTPUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
