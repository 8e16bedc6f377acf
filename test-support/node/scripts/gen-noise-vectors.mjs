// Regenerates protocol/src/test/resources/vectors/noise-handshake.json: a complete WhatsApp Noise
// handshake and transport transcript from fixed keys. The client is Baileys' own noise handler
// (makeNoiseHandler, encodeFrame, decodeFrame) with injected ephemeral and static keys; the server is
// the minimal responder below, written on node's crypto; its certificate chain is signed with
// curve25519-js using fixed randomness. Baileys must accept every server message and the server every
// Baileys message, or the script fails. Run: node scripts/gen-noise-vectors.mjs > <file>
import crypto from 'node:crypto';
import libsignal from 'libsignal';
import curveJs from 'curve25519-js';
import { makeNoiseHandler } from '@whiskeysockets/baileys/lib/Utils/noise-handler.js';
import { generateLoginNode } from '@whiskeysockets/baileys/lib/Utils/validate-connection.js';
import { DEFAULT_CONNECTION_CONFIG, NOISE_MODE, NOISE_WA_HEADER } from '@whiskeysockets/baileys/lib/Defaults/index.js';
import { encodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js';
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';

const hex = (b) => Buffer.from(b).toString('hex');
const seed = (label, n) => crypto.createHash('sha512').update(`tryx-noise-vector-${label}`).digest().subarray(0, n);
const silent = { level: 'silent', child() { return silent; }, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function keyPair(label) {
  const priv = Buffer.from(seed(label, 32));
  priv[0] &= 248;
  priv[31] &= 127;
  priv[31] |= 64;
  return { private: priv, public: Buffer.from(libsignal.curve.getPublicFromPrivateKey(priv).subarray(1)) };
}
const agree = (priv, pub) => Buffer.from(libsignal.curve.calculateAgreement(Buffer.concat([Buffer.from([5]), pub]), priv));

// ---- fixed inputs
const clientEphemeral = keyPair('client-ephemeral');
const clientStatic = keyPair('client-static');
const serverEphemeral = keyPair('server-ephemeral');
const serverStatic = keyPair('server-static');
const root = keyPair('root');
const intermediateKey = keyPair('intermediate');
const routingInfo = Buffer.from('0808020c1a0e67', 'hex');
const verifyAt = 1780000000;
const intermediateDetails = { serial: 77, issuerSerial: 0, key: intermediateKey.public, notBefore: 1770000000, notAfter: 1800000000 };
const leafDetails = { serial: 4242, issuerSerial: 77, key: serverStatic.public, notBefore: 1779000000, notAfter: 1781000000 };

function certificate(details, signer, label) {
  const bytes = proto.CertChain.NoiseCertificate.Details.encode(details).finish();
  const random = seed(`${label}-signature-random`, 64);
  const signature = curveJs.sign(new Uint8Array(signer.private), new Uint8Array(bytes), new Uint8Array(random));
  return { details: Buffer.from(bytes), signature: Buffer.from(signature), random };
}
const intermediateCert = certificate(intermediateDetails, root, 'intermediate');
const leafCert = certificate(leafDetails, intermediateKey, 'leaf');
const chain = Buffer.from(proto.CertChain.encode({
  leaf: { details: leafCert.details, signature: leafCert.signature },
  intermediate: { details: intermediateCert.details, signature: intermediateCert.signature },
}).finish());

// ---- the responder: Noise_XX_25519_AESGCM_SHA256 as WhatsApp's server runs it
const server = {
  hash: Buffer.from(NOISE_MODE), chainingKey: Buffer.from(NOISE_MODE), key: null, counter: 0,
  mixHash(data) { this.hash = crypto.createHash('sha256').update(this.hash).update(data).digest(); },
  hkdf(ikm) { return Buffer.from(crypto.hkdfSync('sha256', ikm, this.chainingKey, Buffer.alloc(0), 64)); },
  mixKey(ikm) { const out = this.hkdf(ikm); this.chainingKey = out.subarray(0, 32); this.key = out.subarray(32); this.counter = 0; },
  nonce() { const iv = Buffer.alloc(12); iv.writeUInt32BE(this.counter++, 8); return iv; },
  encrypt(plaintext) {
    const c = crypto.createCipheriv('aes-256-gcm', this.key, this.nonce());
    c.setAAD(this.hash);
    const ct = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
    this.mixHash(ct);
    return ct;
  },
  decrypt(ciphertext) {
    const d = crypto.createDecipheriv('aes-256-gcm', this.key, this.nonce());
    d.setAAD(this.hash);
    d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const pt = Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.length - 16)), d.final()]);
    this.mixHash(ciphertext);
    return pt;
  },
};
const transport = (key) => ({
  key, counter: 0,
  nonce() { const iv = Buffer.alloc(12); iv.writeUInt32BE(this.counter++, 8); return iv; },
  seal(pt) { const c = crypto.createCipheriv('aes-256-gcm', this.key, this.nonce()); return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]); },
  open(ct) {
    const d = crypto.createDecipheriv('aes-256-gcm', this.key, this.nonce());
    d.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
  },
});
const frame = (payload) => Buffer.concat([Buffer.from([payload.length >> 16, (payload.length >> 8) & 255, payload.length & 255]), payload]);
const unframe = (wire, headerLength) => {
  const body = wire.subarray(headerLength);
  const n = (body[0] << 16) | (body[1] << 8) | body[2];
  if (body.length !== n + 3) throw new Error('expected exactly one frame');
  return body.subarray(3);
};

// ---- the handshake
const client = makeNoiseHandler({ keyPair: clientEphemeral, NOISE_HEADER: NOISE_WA_HEADER, logger: silent, routingInfo });
const clientHelloMessage = Buffer.from(proto.HandshakeMessage.encode({ clientHello: { ephemeral: clientEphemeral.public } }).finish());
const clientHelloWire = client.encodeFrame(clientHelloMessage);
const headerLength = 7 + routingInfo.length + 4;

server.mixHash(NOISE_WA_HEADER);
const received = proto.HandshakeMessage.decode(unframe(clientHelloWire, headerLength));
server.mixHash(received.clientHello.ephemeral);
server.mixHash(serverEphemeral.public);
server.mixKey(agree(serverEphemeral.private, Buffer.from(received.clientHello.ephemeral)));
const staticCiphertext = server.encrypt(serverStatic.public);
server.mixKey(agree(serverStatic.private, Buffer.from(received.clientHello.ephemeral)));
const chainCiphertext = server.encrypt(chain);
const serverHelloMessage = Buffer.from(proto.HandshakeMessage.encode({
  serverHello: { ephemeral: serverEphemeral.public, static: staticCiphertext, payload: chainCiphertext },
}).finish());
const serverHelloWire = frame(serverHelloMessage);

const inbound = [];
await client.decodeFrame(serverHelloWire, (f) => inbound.push(f));
const keyEnc = client.processHandshake(proto.HandshakeMessage.decode(inbound[0]), clientStatic);
const clientPayload = Buffer.from(proto.ClientPayload.encode(generateLoginNode('15551234567:3@s.whatsapp.net', DEFAULT_CONNECTION_CONFIG)).finish());
const clientFinishMessage = Buffer.from(proto.HandshakeMessage.encode({
  clientFinish: { static: keyEnc, payload: client.encrypt(clientPayload) },
}).finish());
const clientFinishWire = client.encodeFrame(clientFinishMessage);
await client.finishInit();

const finish = proto.HandshakeMessage.decode(unframe(clientFinishWire, 0)).clientFinish;
const recoveredStatic = server.decrypt(Buffer.from(finish.static));
if (!recoveredStatic.equals(clientStatic.public)) throw new Error('server recovered the wrong client static key');
server.mixKey(agree(serverEphemeral.private, recoveredStatic));
if (!server.decrypt(Buffer.from(finish.payload)).equals(clientPayload)) throw new Error('payload mismatch');
const split = server.hkdf(Buffer.alloc(0));
const clientWrite = split.subarray(0, 32);
const clientRead = split.subarray(32);
const serverIn = transport(clientWrite);
const serverOut = transport(clientRead);

// ---- transport frames
const clientToServer = [Buffer.alloc(0), Buffer.from('hello, server'), seed('c2s-medium', 64), Buffer.concat([seed('c2s-big', 64), Buffer.alloc(1000, 7)])]
  .map((plaintext) => {
    const wire = client.encodeFrame(plaintext);
    if (!serverIn.open(unframe(wire, 0)).equals(plaintext)) throw new Error('server could not open a client frame');
    return { plaintext: hex(plaintext), wire: hex(wire) };
  });
const serverNodes = [
  { tag: 'ack', attrs: {} },
  { tag: 'iq', attrs: { id: '1', type: 'result', from: 's.whatsapp.net' } },
  { tag: 'message', attrs: { id: 'ABCDEF', type: 'text' }, content: Buffer.from(seed('s2c-content', 48)) },
];
const serverToClient = [];
for (const node of serverNodes) {
  const plaintext = encodeBinaryNode(node);
  const wire = frame(serverOut.seal(plaintext));
  const decoded = [];
  await client.decodeFrame(wire, (n) => decoded.push(n));
  if (decoded.length !== 1 || !encodeBinaryNode(decoded[0]).equals(plaintext)) throw new Error('Baileys could not open a server frame');
  serverToClient.push({ plaintext: hex(plaintext), wire: hex(wire) });
}

const pair = (kp) => ({ private: hex(kp.private), public: hex(kp.public) });
const details = (d) => ({ serial: d.serial, issuerSerial: d.issuerSerial, key: hex(d.key), notBefore: d.notBefore, notAfter: d.notAfter });
process.stdout.write(JSON.stringify({
  generator: 'test-support/node/scripts/gen-noise-vectors.mjs',
  client: '@whiskeysockets/baileys 7.0.0-rc14 makeNoiseHandler',
  keys: {
    clientEphemeral: pair(clientEphemeral), clientStatic: pair(clientStatic),
    serverEphemeral: pair(serverEphemeral), serverStatic: pair(serverStatic),
    root: pair(root), intermediate: pair(intermediateKey),
  },
  certificates: {
    verifyAt,
    intermediate: { ...details(intermediateDetails), signatureRandom: hex(intermediateCert.random), signature: hex(intermediateCert.signature) },
    leaf: { ...details(leafDetails), signatureRandom: hex(leafCert.random), signature: hex(leafCert.signature) },
    chain: hex(chain),
  },
  routingInfo: hex(routingInfo),
  clientPayload: hex(clientPayload),
  messages: { clientHello: hex(clientHelloMessage), serverHello: hex(serverHelloMessage), clientFinish: hex(clientFinishMessage) },
  wire: { clientHello: hex(clientHelloWire), serverHello: hex(serverHelloWire), clientFinish: hex(clientFinishWire) },
  handshakeHash: hex(server.hash),
  transportKeys: { clientWrite: hex(clientWrite), clientRead: hex(clientRead) },
  transport: { clientToServer, serverToClient },
}, null, 2) + '\n');
