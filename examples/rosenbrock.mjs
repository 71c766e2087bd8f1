// Minimises the Rosenbrock function (1-x)^2 + 100(y-x^2)^2 from (-1.2, 1) by gradient descent
// with Barzilai-Borwein step sizes, asking the service for every gradient. The function is
// registered once; each step then names it by id. Node 18 or newer; no packages (built-in fetch).
//
// Usage: node rosenbrock.mjs [BASE_URL]   (default: $GRADIENT_URL, else http://localhost:8080)
const base = process.argv[2] ?? process.env.GRADIENT_URL ?? 'http://localhost:8080';

async function post(path, body) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

const { graphId } = await post('/graphs', { expression: '(1-x)^2 + 100*(y-x^2)^2' });

async function gradient(x, y) {
  const reply = await post('/gradient', { graphId, at: { x, y } });
  return [reply.value, reply.gradient.x, reply.gradient.y];
}

let [x, y] = [-1.2, 1.0];
let [f, gx, gy] = await gradient(x, y);
let step = 0.001;
let steps = 0;
while (steps < 1000 && Math.hypot(gx, gy) >= 1e-6) {
  const [nx, ny] = [x - step * gx, y - step * gy];
  const [nf, ngx, ngy] = await gradient(nx, ny);
  // Barzilai-Borwein: step = s.s / s.r, with s the move and r the change of the gradient;
  // where the curvature along s is not positive, fall back to a small fixed step.
  const [sx, sy, rx, ry] = [nx - x, ny - y, ngx - gx, ngy - gy];
  const sr = sx * rx + sy * ry;
  step = sr > 0 ? (sx * sx + sy * sy) / sr : 0.001;
  [x, y, f, gx, gy] = [nx, ny, nf, ngx, ngy];
  steps += 1;
}

console.log(`minimum: x=${x} y=${y} f=${f} steps=${steps}`);
