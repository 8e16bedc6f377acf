// Shared request loop of our peer scripts: one JSON request per stdin line ({"op": name, ...}), answered
// in order with one JSON line on stdout; a failing op answers {"error": "..."} and the loop goes on.
import { createInterface } from 'node:readline';

export const hex = (b) => Buffer.from(b).toString('hex');
export const buf = (h) => Buffer.from(h ?? '', 'hex');

export function serveJsonLines(ops) {
  const rl = createInterface({ input: process.stdin });
  let chain = Promise.resolve();
  rl.on('line', (line) => {
    if (!line.trim()) return;
    chain = chain.then(async () => {
      const request = JSON.parse(line);
      try {
        const op = ops[request.op];
        if (!op) throw new Error(`unknown op ${request.op}`);
        process.stdout.write(JSON.stringify(await op(request)) + '\n');
      } catch (e) {
        process.stdout.write(JSON.stringify({ error: String((e && e.stack) || e) }) + '\n');
      }
    });
  });
}
