/**
 * @module charts/render-child
 * The chart renderer's own process (see charts/child-renderer.ts): reads one JSON request per line
 * on stdin ({id, input, opts}), answers one JSON line per request on stdout ({id, png (base64),
 * width, height} or {id, error}), and exits when stdin closes. vega, vega-lite and resvg load here,
 * never in the daemon.
 */
import { createInterface } from 'node:readline';
import { renderSpendingChart } from './render.js';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let chain = Promise.resolve();
rl.on('line', (line) => {
  chain = chain.then(async () => {
    let id: unknown = null;
    try {
      const req = JSON.parse(line) as { id: unknown; input: Parameters<typeof renderSpendingChart>[0]; opts?: Parameters<typeof renderSpendingChart>[1] };
      id = req.id;
      const r = await renderSpendingChart(req.input, req.opts);
      process.stdout.write(`${JSON.stringify({ id, png: r.png.toString('base64'), width: r.width, height: r.height })}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ id, error: err instanceof Error ? err.message : String(err) })}\n`);
    }
  });
});
rl.on('close', () => void chain.then(() => process.exit(0)));
