// App-state peer for the cross-implementation tests: Baileys' app-state code (its LTHash comes from
// whatsapp-rust-bridge, i.e. whatsapp-rust compiled to WASM). One JSON request per line, hex bytes.
import { serveJsonLines, hex, buf } from './lib/json-lines.mjs';
import { LT_HASH_ANTI_TAMPERING } from '@whiskeysockets/baileys/lib/Utils/lt-hash.js';
import {
  encodeSyncdPatch, decodeSyncdPatch, decodeSyncdSnapshot, newLTHashState,
} from '@whiskeysockets/baileys/lib/Utils/chat-utils.js';
import { hmacSign } from '@whiskeysockets/baileys/lib/Utils/crypto.js';
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';
import { expandAppStateKeys } from 'whatsapp-rust-bridge';


const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; };
const keyLookup = (keyId, keyData) => async (id) => (id === keyId ? { keyData: buf(keyData) } : undefined);
const valueJson = (v) => proto.SyncActionValue.toObject(v, { longs: String, bytes: String, defaults: false });

const ops = {
  // Baileys' encodeSyncdPatch, one patch per action; then a snapshot of the live records built with its
  // chat utilities (MAC from whatsapp-rust's key expansion) and checked by Baileys' own snapshot decoder.
  async baileysHistory({ keyId, keyData, name, actions }) {
    const getKey = keyLookup(keyId, keyData);
    let state = newLTHashState();
    const patches = [];
    const hashes = [];
    const live = new Map();
    for (const a of actions) {
      const out = await encodeSyncdPatch({
        type: name, index: a.index, syncAction: proto.SyncActionValue.decode(buf(a.value)),
        apiVersion: a.apiVersion, operation: a.operation === 'SET' ? 0 : 1,
      }, keyId, state, getKey);
      state = out.state;
      out.patch.version = { version: state.version };
      patches.push(hex(proto.SyncdPatch.encode(out.patch).finish()));
      hashes.push(hex(state.hash));
      const record = out.patch.mutations[0].record;
      const indexKey = Buffer.from(record.index.blob).toString('base64');
      if (a.operation === 'SET') live.set(indexKey, record); else live.delete(indexKey);
    }
    const keys = expandAppStateKeys(buf(keyData));
    const snapshot = {
      version: { version: state.version },
      records: [...live.values()],
      keyId: { id: Buffer.from(keyId, 'base64') },
      mac: hmacSign(Buffer.concat([Buffer.from(state.hash), u64(state.version), Buffer.from(name)]), Buffer.from(keys.snapshotMacKey)),
    };
    const decoded = await decodeSyncdSnapshot(name, snapshot, getKey, undefined, true);
    return {
      patches, hashes, snapshot: hex(proto.SyncdSnapshot.encode(snapshot).finish()), version: state.version,
      finalHash: hex(state.hash), baileysSnapshotHash: hex(decoded.state.hash),
    };
  },
  // Baileys' decodeSyncdPatch (patch MAC, value MACs, index MACs) over patches made elsewhere
  async decodePatches({ keyId, keyData, name, patches }) {
    const getKey = keyLookup(keyId, keyData);
    let state = newLTHashState();
    const mutations = [];
    for (const p of patches) {
      const msg = proto.SyncdPatch.decode(buf(p));
      const result = await decodeSyncdPatch(msg, name, state, getKey, (m) => mutations.push({
        index: m.index, value: hex(proto.SyncActionValue.encode(m.syncAction.value).finish()),
        version: m.syncAction.version,
      }), true);
      state = { ...state, ...result, version: Number(msg.version.version) };
    }
    return { finalHash: hex(state.hash), version: state.version, mutations };
  },
  ltHash({ base, subtract, add }) {
    const out = LT_HASH_ANTI_TAMPERING.subtractThenAdd(new Uint8Array(buf(base)),
      subtract.map((h) => new Uint8Array(buf(h))), add.map((h) => new Uint8Array(buf(h))));
    return { hash: hex(out) };
  },
};

serveJsonLines(ops);
