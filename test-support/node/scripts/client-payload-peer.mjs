// ClientPayload peer: what Baileys' generateRegistrationNode / generateLoginNode encode for the given inputs.
// One JSON object on stdin (hex bytes), one JSON object on stdout with the two payloads as hex protobuf.
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';
import { generateLoginNode, generateRegistrationNode } from '@whiskeysockets/baileys/lib/Utils/validate-connection.js';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const buf = (h) => Buffer.from(h, 'hex');
const config = { version: input.version, browser: input.browser, countryCode: 'US', syncFullHistory: false };
const registration = generateRegistrationNode({
  registrationId: input.registrationId,
  signedIdentityKey: { public: buf(input.identityPublic) },
  signedPreKey: { keyId: input.signedPreKeyId, keyPair: { public: buf(input.signedPreKeyPublic) }, signature: buf(input.signedPreKeySignature) },
}, config);
const login = generateLoginNode(input.jid, config);
process.stdout.write(JSON.stringify({
  registration: Buffer.from(proto.ClientPayload.encode(registration).finish()).toString('hex'),
  login: Buffer.from(proto.ClientPayload.encode(login).finish()).toString('hex'),
}));
