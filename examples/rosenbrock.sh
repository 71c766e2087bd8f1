#!/usr/bin/env bash
# Minimises the Rosenbrock function (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1) by gradient descent
# with Barzilai-Borwein step sizes, asking the service for every gradient. The function is
# registered once; each step then names it by id.
# Needs bash, curl and jq (jq reads the JSON and does the arithmetic, which bash cannot).
# Usage: ./rosenbrock.sh [BASE_URL]   (default: $GRADIENT_URL, else http://localhost:8080)
set -euo pipefail
base="${1:-${GRADIENT_URL:-http://localhost:8080}}"

post() {
  curl -sS --fail-with-body -H 'Content-Type: application/json' -d "$2" "$base$1"
}

id=$(post /graphs '{"expression": "(1-x)^2 + 100*(y-x^2)^2"}' | jq -r .graphId)

# The state: the point, the gradient there, and the next step size.
gradient_at() {
  post /gradient "$(jq -c --arg id "$id" '{graphId: $id, at: {x, y}}' <<<"$1")"
}
point='{"x": -1.2, "y": 1.0}'
state=$(jq -c --argjson p "$point" '$p + {gx: .gradient.x, gy: .gradient.y, f: .value, step: 0.001}' \
  <<<"$(gradient_at "$point")")

steps=0
while ((steps < 1000)) && jq -e '(.gx * .gx + .gy * .gy) | sqrt >= 1e-6' <<<"$state" >/dev/null; do
  point=$(jq -c '{x: (.x - .step * .gx), y: (.y - .step * .gy)}' <<<"$state")
  # Barzilai-Borwein: step = s.s / s.r, with s the move and r the change of the gradient;
  # where the curvature along s is not positive, fall back to a small fixed step.
  state=$(jq -c --argjson p "$point" --argjson old "$state" '
    ($p.x - $old.x) as $sx | ($p.y - $old.y) as $sy
    | (.gradient.x - $old.gx) as $rx | (.gradient.y - $old.gy) as $ry
    | ($sx * $rx + $sy * $ry) as $sr
    | $p + {gx: .gradient.x, gy: .gradient.y, f: .value,
            step: (if $sr > 0 then ($sx * $sx + $sy * $sy) / $sr else 0.001 end)}' \
    <<<"$(gradient_at "$point")")
  steps=$((steps + 1))
done

jq -r --arg steps "$steps" '"minimum: x=\(.x) y=\(.y) f=\(.f) steps=\($steps)"' <<<"$state"
