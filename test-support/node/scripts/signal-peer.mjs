// Signal peer for the cross-implementation tests: libsignal@6 (1:1 sessions, as Baileys uses it) and
// Baileys' own sender-key code (groups). One JSON request per stdin line, one JSON answer per stdout
// line, processed strictly in order. Byte values travel as hex; 1:1 ops work in batches.
import { createInterface } from 'node:readline';
import libsignal from 'libsignal';
import {
  GroupCipher, GroupSessionBuilder, SenderKeyDistributionMessage, SenderKeyName, SenderKeyRecord,
} from '../node_modules/@whiskeysockets/baileys/lib/Signal/Group/index.js';
import { BufferJSON } from '../node_modules/@whiskeysockets/baileys/lib/Utils/generics.js';

const { SessionBuilder, SessionCipher, SessionRecord, ProtocolAddress, keyhelper } = libsignal;
const hex = (b) => Buffer.from(b).toString('hex');
const buf = (h) => Buffer.from(h ?? '', 'hex');
const parseAddress = (a) => { const [name, device] = a.split('.'); return new ProtocolAddress(name, Number(device)); };

// A device with its own identity and in-memory stores. Records are kept serialized, so a failed
// operation (which libsignal does not store) cannot leak half-changed state into the next one.
class Party {
  constructor(name) {
    this.name = name;
    this.identity = keyhelper.generateIdentityKeyPair();
    this.registrationId = keyhelper.generateRegistrationId();
    this.preKeys = new Map();
    this.signedPreKeys = new Map();
    this.sessions = new Map();
    this.senderKeys = new Map();
    this.nextPreKeyId = 1;
    const signed = keyhelper.generateSignedPreKey(this.identity, 1);
    this.signedPreKeys.set(1, signed);
  }

  // libsignal's storage interface
  async getOurIdentity() { return this.identity; }
  async getOurRegistrationId() { return this.registrationId; }
  async isTrustedIdentity() { return true; }
  async loadPreKey(id) { const k = this.preKeys.get(id); return k && k.keyPair; }
  async removePreKey(id) { this.preKeys.delete(id); }
  async loadSignedPreKey(id) { const k = this.signedPreKeys.get(id); return k && k.keyPair; }
  async loadSession(addr) {
    const s = this.sessions.get(addr);
    return s ? SessionRecord.deserialize(JSON.parse(s)) : undefined;
  }
  async storeSession(addr, record) { this.sessions.set(addr, JSON.stringify(record.serialize())); }

  // Baileys' sender-key storage interface
  async loadSenderKey(name) {
    const s = this.senderKeys.get(name.toString());
    return s ? SenderKeyRecord.deserialize(Buffer.from(s)) : new SenderKeyRecord();
  }
  async storeSenderKey(name, record) {
    this.senderKeys.set(name.toString(), JSON.stringify(record.serialize(), BufferJSON.replacer));
  }

  bundle() {
    const preKey = keyhelper.generatePreKey(this.nextPreKeyId++);
    this.preKeys.set(preKey.keyId, preKey);
    const signed = this.signedPreKeys.get(1);
    return {
      registrationId: this.registrationId,
      identityKey: hex(this.identity.pubKey),
      signedPreKeyId: signed.keyId,
      signedPreKey: hex(signed.keyPair.pubKey),
      signature: hex(signed.signature),
      preKeyId: preKey.keyId,
      preKey: hex(preKey.keyPair.pubKey),
    };
  }
}

const parties = new Map();
const party = (name) => {
  const p = parties.get(name);
  if (!p) throw new Error(`no party ${name}`);
  return p;
};
const senderName = (group, sender) => new SenderKeyName(group, parseAddress(sender));
const attempt = async (fn) => {
  try {
    return await fn();
  } catch (e) {
    return { error: String(e && e.message || e) };
  }
};

const ops = {
  // (re)creates a party: a fresh identity, as after a reinstall
  async party({ party: name }) {
    parties.set(name, new Party(name));
    return { identityKey: hex(parties.get(name).identity.pubKey) };
  },
  async bundle({ party: name }) {
    return party(name).bundle();
  },
  async processBundle({ party: name, peer, bundle }) {
    const device = {
      registrationId: bundle.registrationId,
      identityKey: buf(bundle.identityKey),
      signedPreKey: { keyId: bundle.signedPreKeyId, publicKey: buf(bundle.signedPreKey), signature: buf(bundle.signature) },
    };
    if (bundle.preKeyId !== undefined && bundle.preKeyId !== null) {
      device.preKey = { keyId: bundle.preKeyId, publicKey: buf(bundle.preKey) };
    }
    await new SessionBuilder(party(name), parseAddress(peer)).initOutgoing(device);
    return {};
  },
  async encrypt({ party: name, peer, plaintexts }) {
    const cipher = new SessionCipher(party(name), parseAddress(peer));
    const messages = [];
    for (const p of plaintexts) {
      const { type, body } = await cipher.encrypt(buf(p));
      messages.push({ type: type === 3 ? 'pkmsg' : 'msg', body: hex(body) });
    }
    return { messages };
  },
  async decrypt({ party: name, peer, messages }) {
    const cipher = new SessionCipher(party(name), parseAddress(peer));
    const results = [];
    for (const m of messages) {
      results.push(await attempt(async () => ({
        plaintext: hex(m.type === 'pkmsg'
          ? await cipher.decryptPreKeyWhisperMessage(buf(m.body))
          : await cipher.decryptWhisperMessage(buf(m.body))),
      })));
    }
    return { results };
  },
  async groupCreate({ party: name, group }) {
    const skdm = await new GroupSessionBuilder(party(name)).create(senderName(group, `${name}.1`));
    return { skdm: hex(skdm.serialize()) };
  },
  async groupProcess({ party: name, group, sender, skdm }) {
    const message = new SenderKeyDistributionMessage(null, null, null, null, buf(skdm));
    await new GroupSessionBuilder(party(name)).process(senderName(group, sender), message);
    return {};
  },
  async groupEncrypt({ party: name, group, plaintexts }) {
    const cipher = new GroupCipher(party(name), senderName(group, `${name}.1`));
    const messages = [];
    for (const p of plaintexts) {
      messages.push(hex(await cipher.encrypt(buf(p))));
    }
    return { messages };
  },
  async groupDecrypt({ party: name, group, sender, messages }) {
    const cipher = new GroupCipher(party(name), senderName(group, sender));
    const results = [];
    for (const m of messages) {
      results.push(await attempt(async () => ({ plaintext: hex(await cipher.decrypt(buf(m))) })));
    }
    return { results };
  },
};

// libsignal logs session changes on the console; keep stdout for answers only
console.log = console.info = console.warn = console.error = () => {};

const write = (answer) => process.stdout.write(JSON.stringify(answer) + '\n');
let queue = Promise.resolve();
const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    const request = JSON.parse(line);
    try {
      write(await ops[request.op](request));
    } catch (e) {
      write({ error: String(e && e.message || e) });
    }
  });
});
