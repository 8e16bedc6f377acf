// Baileys as the Noise client, for NoiseBaileysInteropTest. Drives Baileys' own, unmodified noise handler
// (makeNoiseHandler) and framing (encodeFrame/decodeFrame) while the Java test plays the server. One JSON
// request per stdin line, one JSON answer per stdout line; bytes travel as hex.
//   hello {routingInfo?}         -> {wire, ephemeral}: the client hello frame, with the connection header
//   serverHello {chunks}         -> {wire, static, payload}: Baileys verified the chain; the client finish frame
//   send {sizes}                 -> {wire, plaintexts}: random payloads, each through encodeFrame (encrypted)
//   nodes {sizes}                -> {plaintexts}: binary nodes (Baileys' encoder) for the server to send
//   receive {chunks}             -> {nodes}: chunks fed to decodeFrame; the decoded nodes, re-encoded
import { createInterface } from 'node:readline';
import crypto from 'node:crypto';
import { makeNoiseHandler } from '@whiskeysockets/baileys/lib/Utils/noise-handler.js';
import { Curve } from '@whiskeysockets/baileys/lib/Utils/crypto.js';
import { generateLoginNode } from '@whiskeysockets/baileys/lib/Utils/validate-connection.js';
import { DEFAULT_CONNECTION_CONFIG, NOISE_WA_HEADER } from '@whiskeysockets/baileys/lib/Defaults/index.js';
import { encodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js';
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';

const hex = (b) => Buffer.from(b).toString('hex');
const buf = (h) => Buffer.from(h ?? '', 'hex');
const silent = { level: 'silent', child() { return silent; }, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

let noise;
let noiseKey;

// Feeds chunks to Baileys' decodeFrame, in order, and returns everything it emitted.
async function feed(chunks) {
  const frames = [];
  for (const chunk of chunks) {
    await noise.decodeFrame(buf(chunk), (frame) => frames.push(frame));
  }
  return frames;
}

const ops = {
  async hello({ routingInfo }) {
    const ephemeral = Curve.generateKeyPair();
    noiseKey = Curve.generateKeyPair();
    noise = makeNoiseHandler({
      keyPair: ephemeral,
      NOISE_HEADER: NOISE_WA_HEADER,
      logger: silent,
      routingInfo: routingInfo ? buf(routingInfo) : undefined,
    });
    const hello = proto.HandshakeMessage.encode({ clientHello: { ephemeral: ephemeral.public } }).finish();
    return { wire: hex(noise.encodeFrame(hello)), ephemeral: hex(ephemeral.public) };
  },
  async serverHello({ chunks }) {
    const frames = await feed(chunks);
    if (frames.length !== 1) throw new Error(`expected one server hello frame, got ${frames.length}`);
    const handshake = proto.HandshakeMessage.decode(frames[0]);
    const keyEnc = noise.processHandshake(handshake, noiseKey);
    const payload = proto.ClientPayload.encode(generateLoginNode('15551234567:3@s.whatsapp.net', DEFAULT_CONNECTION_CONFIG)).finish();
    const payloadEnc = noise.encrypt(payload);
    const finish = proto.HandshakeMessage.encode({ clientFinish: { static: keyEnc, payload: payloadEnc } }).finish();
    const wire = noise.encodeFrame(finish);
    await noise.finishInit();
    return { wire: hex(wire), static: hex(noiseKey.public), payload: hex(payload) };
  },
  async send({ sizes }) {
    const plaintexts = sizes.map((n) => crypto.randomBytes(n));
    const wire = Buffer.concat(plaintexts.map((p) => noise.encodeFrame(p)));
    return { wire: hex(wire), plaintexts: plaintexts.map(hex) };
  },
  async nodes({ sizes }) {
    const plaintexts = sizes.map((n, i) => n === 0
      ? encodeBinaryNode({ tag: 'ack', attrs: {} })
      : encodeBinaryNode({ tag: 'message', attrs: { id: `m${i}`, type: 'text' }, content: crypto.randomBytes(n) }));
    return { plaintexts: plaintexts.map(hex) };
  },
  async receive({ chunks }) {
    const nodes = await feed(chunks);
    return { nodes: nodes.map((node) => hex(encodeBinaryNode(node))) };
  },
};

// Requests are answered strictly in order, each after the previous one finished.
let queue = Promise.resolve();
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    const request = JSON.parse(line);
    try {
      process.stdout.write(JSON.stringify(await ops[request.op](request)) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: String((e && e.message) || e) }) + '\n');
    }
  });
});
