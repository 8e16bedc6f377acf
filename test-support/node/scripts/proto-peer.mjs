// Protobuf, message-id and padding peer for the Java interop tests, backed by Baileys' WAProto,
// libsignal's protobufs and Baileys' own helpers. One JSON request per stdin line, one JSON reply per line:
//   {"op":"decode","lib":"wa"|"libsignal","type":"Message.ImageMessage","b64":"..."} -> {"ok":true,"json":{...}}
//   {"op":"encode","lib":...,"type":...,"json":{...}}  -> {"ok":true,"b64":"...","json":{...}} (json: what was encoded)
//   {"op":"enum","lib":...,"type":"Message.ProtocolMessage.Type"} -> {"ok":true,"values":{"REVOKE":0,...}}
//   {"op":"messageId","seconds":n,"jid":"..."|null,"random":"<b64 16 bytes>"} -> {"ok":true,"id":"3EB0..."}
//   {"op":"pad","b64":"...","random":"<b64 1 byte>"} -> {"ok":true,"b64":"..."}
//   {"op":"unpad","b64":"..."} -> {"ok":true,"b64":"..."} | {"ok":false,"error":"..."}
//   {"op":"encodeWAMessage","json":{...},"random":"<b64 1 byte>"} -> {"ok":true,"b64":"..."} (padded Message)
//   {"op":"decodeWAMessage","b64":"..."} -> {"ok":true,"json":{...}} (unpad + Message.decode, as Baileys receives)
// Objects are protobufjs toObject views: bytes as base64, 64-bit integers as decimal strings, enums as names.
import crypto from 'crypto';
import { createRequire, syncBuiltinESMExports } from 'module';
import readline from 'readline';
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';
import { encodeWAMessage, generateMessageIDV2, writeRandomPadMax16, unpadRandomMax16 } from '@whiskeysockets/baileys/lib/Utils/generics.js';

const require = createRequire(import.meta.url);
const libsignal = require('libsignal/src/WhisperTextProtocol.js');

const VIEW = { longs: String, bytes: String, enums: String };

function resolve(lib, path) {
  let node = lib === 'libsignal' ? libsignal : proto;
  for (const part of path.split('.')) {
    node = node?.[part];
  }
  if (!node) {
    throw new Error(`unknown ${lib} type ${path}`);
  }
  return node;
}

// Runs fn with crypto.randomBytes (and optionally Date.now) returning fixed values, as Baileys' helpers read them.
function withFixed(randomB64, nowMs, fn) {
  const realRandom = crypto.randomBytes;
  const realNow = Date.now;
  const fixed = Buffer.from(randomB64, 'base64');
  crypto.randomBytes = (n) => {
    if (n !== fixed.length) {
      throw new Error(`expected a request for ${fixed.length} random bytes, got ${n}`);
    }
    return Buffer.from(fixed);
  };
  syncBuiltinESMExports();
  if (nowMs !== undefined) {
    Date.now = () => nowMs;
  }
  try {
    return fn();
  } finally {
    crypto.randomBytes = realRandom;
    syncBuiltinESMExports();
    Date.now = realNow;
  }
}

function handle(req) {
  switch (req.op) {
    case 'decode': {
      const type = resolve(req.lib, req.type);
      const decoded = type.decode(Buffer.from(req.b64, 'base64'));
      return { json: type.toObject(decoded, VIEW) };
    }
    case 'encode': {
      const type = resolve(req.lib, req.type);
      const value = type.fromObject(req.json);
      const bytes = type.encode(value).finish();
      return { b64: Buffer.from(bytes).toString('base64'), json: type.toObject(value, VIEW) };
    }
    case 'enum': {
      const values = resolve(req.lib, req.type);
      return { values: Object.fromEntries(Object.keys(values).map((name) => [name, values[name]])) };
    }
    case 'messageId':
      return {
        id: withFixed(req.random, req.seconds * 1000, () => generateMessageIDV2(req.jid ?? undefined)),
      };
    case 'pad':
      return {
        b64: Buffer.from(withFixed(req.random, undefined, () => writeRandomPadMax16(Buffer.from(req.b64, 'base64')))).toString('base64'),
      };
    case 'unpad':
      return { b64: Buffer.from(unpadRandomMax16(Buffer.from(req.b64, 'base64'))).toString('base64') };
    case 'encodeWAMessage': {
      const message = proto.Message.fromObject(req.json);
      return { b64: Buffer.from(withFixed(req.random, undefined, () => encodeWAMessage(message))).toString('base64') };
    }
    case 'decodeWAMessage': {
      const message = proto.Message.decode(unpadRandomMax16(Buffer.from(req.b64, 'base64')));
      return { json: proto.Message.toObject(message, VIEW) };
    }
    default:
      throw new Error(`unknown op ${req.op}`);
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let reply;
  try {
    reply = { ok: true, ...handle(JSON.parse(line)) };
  } catch (e) {
    reply = { ok: false, error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
