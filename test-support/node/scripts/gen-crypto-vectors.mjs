// Regenerates protocol/src/test/resources/vectors/curve25519.json: X25519 and XEdDSA known answers made
// by libsignal@6 / curve25519-js from deterministic inputs. Run: node scripts/gen-crypto-vectors.mjs > <file>
import crypto from 'node:crypto';
import libsignal from 'libsignal';
import curveJs from 'curve25519-js';

const hex = (b) => Buffer.from(b).toString('hex');
const seed = (label, i, n) => crypto.createHash('sha512').update(`${label}-${i}`).digest().subarray(0, n);

const vectors = [];
for (let i = 0; i < 24; i++) {
  const priv = seed('private', i, 32);
  const peerPriv = seed('peer', i, 32);
  const pub = libsignal.curve.getPublicFromPrivateKey(priv).subarray(1);
  const peerPub = libsignal.curve.getPublicFromPrivateKey(peerPriv).subarray(1);
  const message = seed('message', i, (i * 7) % 64);
  const random = seed('random', i, 64);
  vectors.push({
    private: hex(priv),
    public: hex(pub),
    peerPublic: hex(peerPub),
    agreement: hex(libsignal.curve.calculateAgreement(Buffer.concat([Buffer.from([5]), peerPub]), priv)),
    message: hex(message),
    random: hex(random),
    signature: hex(curveJs.sign(new Uint8Array(priv), new Uint8Array(message), new Uint8Array(random))),
  });
}
process.stdout.write(JSON.stringify({ generator: 'test-support/node/scripts/gen-crypto-vectors.mjs', vectors }, null, 2) + '\n');
