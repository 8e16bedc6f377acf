// App-state peer for the cross-implementation tests: Baileys' app-state code (its LTHash comes from
// whatsapp-rust-bridge, i.e. whatsapp-rust compiled to WASM). One JSON request per line, hex bytes.
import { createInterface } from 'node:readline';
import { LT_HASH_ANTI_TAMPERING } from '@whiskeysockets/baileys/lib/Utils/lt-hash.js';

const hex = (b) => Buffer.from(b).toString('hex');
const buf = (h) => Buffer.from(h ?? '', 'hex');

const ops = {
  ltHash({ base, subtract, add }) {
    const out = LT_HASH_ANTI_TAMPERING.subtractThenAdd(new Uint8Array(buf(base)),
      subtract.map((h) => new Uint8Array(buf(h))), add.map((h) => new Uint8Array(buf(h))));
    return { hash: hex(out) };
  },
};

const rl = createInterface({ input: process.stdin });
let chain = Promise.resolve();
rl.on('line', (line) => {
  if (!line.trim()) return;
  chain = chain.then(async () => {
    const request = JSON.parse(line);
    try {
      process.stdout.write(JSON.stringify(await ops[request.op](request)) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n');
    }
  });
});
