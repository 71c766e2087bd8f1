#!/usr/bin/env python3
"""SciPy's large-scale solvers driven by the service's derivatives: issue 12's proof that /hvp and
the sparse formats serve real optimizers. ScipySolversTest runs it against the service.

  python3 scipy_solvers.py trust-krylov URL
      The chained Rosenbrock function of n = 10,000 variables from a seeded random start,
      minimize(method="trust-krylov") with fun and jac from POST /gradient and hessp from
      POST /hvp. The minimum is x = 1.
  python3 scipy_solvers.py trust-constr URL
      A discretised boundary-value control problem: states u and controls q on n = 1,000 grid
      points of [0, 1] (2,000 variables), the equality constraints
      2 u_i - u_{i-1} - u_{i+1} + h^2 (u_i^3 - q_i) = 0 inside and u_0 = u_{n-1} = 0, and the
      objective h/2 |u - u_target|^2 + alpha h/2 |q|^2. u_target is built from the
      optimality conditions so that the solution is known: u = sin(pi t), q from the
      constraints. minimize(method="trust-constr") with the constraint Jacobian from
      POST /jacobian in the sparse format (a scipy.sparse matrix), the objective's and the
      constraints' Hessians from POST /hessian in the sparse format, values and gradients
      from /evaluate and /gradient.

Before solving, each checks the service's numbers at the start against an independent
reference: SciPy's own Rosenbrock derivatives, or the hand-written derivatives of the control
problem below. Arrays go to the service as base64 binary arrays. Prints one JSON line with what
it found; exits 0 where the solver converged to the known solution, 1 where not, 2 where NumPy
or SciPy is missing.
"""

import base64
import json
import sys
import urllib.request

try:
    import numpy as np
    import scipy.sparse as sparse
    from scipy.optimize import NonlinearConstraint, minimize, rosen, rosen_der, rosen_hess_prod
except ImportError as missing:
    print(f"scipy_solvers.py: {missing}", file=sys.stderr)
    sys.exit(2)

ROSENBROCK = "sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)"


class Service:
    """The service at url, spoken to in JSON with binary arrays."""

    def __init__(self, url):
        self.url = url.rstrip("/")
        self.calls = {}

    def post(self, path, body):
        self.calls[path] = self.calls.get(path, 0) + 1
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise SystemExit(f"scipy_solvers.py: {path} answered {error.code}: {error.read().decode()}") from None


def binary(values):
    """values as the service's binary array: float64, little-endian, base64."""
    values = np.ascontiguousarray(values, dtype="<f8")
    return {"dtype": "float64", "shape": list(values.shape), "data": base64.b64encode(values.tobytes()).decode()}


def array(value):
    """A value of a response (numbers, nested lists, "NaN" and "Infinity" strings) as floats."""
    return np.asarray(value, dtype=float)


def coo(sparse_result):
    """The service's sparse format as a SciPy matrix."""
    m, n = sparse_result["shape"]
    return sparse.coo_matrix((array(sparse_result["values"]), (np.asarray(sparse_result["rows"], dtype=np.int64),
                                                               np.asarray(sparse_result["cols"], dtype=np.int64))),
                             shape=(m, n)).tocsr()


def close(mine, reference, what, tolerance=1e-12):
    error = np.max(np.abs(np.asarray(mine) - np.asarray(reference))) / max(1.0, np.max(np.abs(reference)))
    if error > tolerance:
        raise SystemExit(f"scipy_solvers.py: the service's {what} is off by {error:.3g} (relative) from the reference")


def trust_krylov(service):
    n = 10_000
    x0 = np.random.default_rng(12).uniform(0, 2, n)

    def fun(x):
        answer = service.post("/gradient", {"expression": ROSENBROCK, "at": {"x": binary(x)}})
        return answer["value"], array(answer["gradient"]["x"])

    def hessp(x, p):
        answer = service.post("/hvp", {"expression": ROSENBROCK, "at": {"x": binary(x)}, "tangent": {"x": binary(p)}})
        return array(answer["hvp"]["x"])

    value, gradient = fun(x0)
    close(value, rosen(x0), "Rosenbrock value")
    close(gradient, rosen_der(x0), "Rosenbrock gradient")
    direction = np.random.default_rng(13).standard_normal(n)
    close(hessp(x0, direction), rosen_hess_prod(x0, direction), "Rosenbrock Hessian-vector product")
    result = minimize(fun, x0, jac=True, hessp=hessp, method="trust-krylov", options={"gtol": 1e-8})
    error = float(np.max(np.abs(result.x - 1)))
    return {"success": bool(result.success), "iterations": int(result.nit), "max_error": error,
            "converged": bool(result.success) and error < 1e-6}


def trust_constr(service):
    n = 1_000
    h = 1.0 / (n - 1)
    alpha = 1e-3
    t = np.linspace(0.0, 1.0, n)
    u_star = np.sin(np.pi * t)
    u_star[-1] = 0.0
    q_star = np.zeros(n)
    q_star[1:-1] = (2 * u_star[1:-1] - u_star[:-2] - u_star[2:]) / h**2 + u_star[1:-1] ** 3

    def constraint_jacobian(u):
        """The constraints' Jacobian by [u, q], written by hand: the independent reference."""
        inside = np.arange(1, n - 1)
        rows = np.concatenate([inside - 1] * 4 + [[n - 2, n - 1]])
        cols = np.concatenate([inside - 1, inside, inside + 1, n + inside, [0, n - 1]])
        values = np.concatenate([-np.ones(n - 2), 2 + 3 * h * h * u[1:-1] ** 2, -np.ones(n - 2),
                                 np.full(n - 2, -h * h), [1.0, 1.0]])
        return sparse.coo_matrix((values, (rows, cols)), shape=(n, 2 * n)).tocsr()

    # Optimality: d/dq gives alpha h q = h^2 lambda inside; d/du gives h (u - u_target) + J_u^T lambda
    # = 0 inside (the boundary multipliers take the boundary rows). So this target has u_star, q_star
    # as its solution.
    multipliers = alpha * q_star[1:-1] / h
    u_target = u_star + constraint_jacobian(u_star)[: n - 2, :n].T @ multipliers / h
    u_target[0] = u_target[-1] = 0.0

    inside = "2*u[1:-1] - u[:-2] - u[2:] + {h2!r}*(u[1:-1]^3 - q[1:-1])".format(h2=h * h)
    objective = f"0.5*{h!r}*sum((u - ut)^2) + 0.5*{alpha * h!r}*sum(q^2)"
    constraints = f"concat({inside}, u[:1], u[-1:])"
    weighted = f"sum(v * ({inside}))"
    wrt = ["u", "q"]

    def point(z, **more):
        return {"u": binary(z[:n]), "q": binary(z[n:]), **{k: binary(v) for k, v in more.items()}}

    def fun(z):
        answer = service.post("/gradient", {"expression": objective, "at": point(z, ut=u_target), "wrt": wrt})
        return answer["value"], np.concatenate([array(answer["gradient"]["u"]), array(answer["gradient"]["q"])])

    def hess(z):
        answer = service.post("/hessian", {"expression": objective, "at": point(z, ut=u_target), "wrt": wrt,
                                           "format": "sparse"})
        return coo(answer["sparse"])

    def c(z):
        return array(service.post("/evaluate", {"expression": constraints, "at": point(z)})["outputs"]["f"])

    def c_jacobian(z):
        answer = service.post("/jacobian", {"expression": constraints, "at": point(z), "wrt": wrt, "format": "sparse"})
        return coo(answer["sparse"])

    def c_hessian(z, v):
        answer = service.post("/hessian", {"expression": weighted, "at": point(z, v=v[: n - 2]), "wrt": wrt,
                                           "format": "sparse"})
        return coo(answer["sparse"])

    z0 = np.random.default_rng(14).uniform(-0.1, 0.1, 2 * n)
    value, gradient = fun(z0)
    close(value, 0.5 * h * np.sum((z0[:n] - u_target) ** 2) + 0.5 * alpha * h * np.sum(z0[n:] ** 2), "objective")
    close(gradient, np.concatenate([h * (z0[:n] - u_target), alpha * h * z0[n:]]), "objective's gradient")
    close(hess(z0).toarray().diagonal(), np.concatenate([np.full(n, h), np.full(n, alpha * h)]), "objective's Hessian")
    jacobian = c_jacobian(z0)
    close(abs(jacobian - constraint_jacobian(z0[:n])).max(), 0.0, "constraint Jacobian")
    v0 = np.random.default_rng(15).standard_normal(n)
    diagonal = np.zeros(2 * n)
    diagonal[1 : n - 1] = v0[: n - 2] * h * h * 6 * z0[1 : n - 1]
    close(abs(c_hessian(z0, v0) - sparse.diags(diagonal)).max(), 0.0, "constraints' Hessian")

    result = minimize(fun, z0, jac=True, hess=hess, method="trust-constr",
                      constraints=[NonlinearConstraint(c, 0.0, 0.0, jac=c_jacobian, hess=c_hessian)],
                      options={"gtol": 1e-10, "xtol": 1e-12, "maxiter": 500})
    u_error = float(np.max(np.abs(result.x[:n] - u_star)))
    q_error = float(np.max(np.abs(result.x[n:] - q_star)) / np.max(np.abs(q_star)))
    return {"success": bool(result.success), "iterations": int(result.nit), "u_max_error": u_error,
            "q_relative_error": q_error, "constraint_violation": float(result.constr_violation),
            "converged": bool(result.success) and u_error < 1e-5 and q_error < 1e-4}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("trust-krylov", "trust-constr"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    service = Service(sys.argv[2])
    found = (trust_krylov if sys.argv[1] == "trust-krylov" else trust_constr)(service)
    found["calls"] = service.calls
    print(json.dumps(found))
    sys.exit(0 if found["converged"] else 1)


if __name__ == "__main__":
    main()
