// Crypto peer for the cross-implementation tests: one JSON request per stdin line, one JSON answer per
// stdout line. Curve25519 and XEdDSA come from libsignal@6 (the library Baileys uses) and its
// curve25519-js; HKDF, PBKDF2 and AES from node's own crypto. Byte values travel as hex.
import { serveJsonLines, hex, buf } from './lib/json-lines.mjs';
import crypto from 'node:crypto';
import libsignal from 'libsignal';
import curveJs from 'curve25519-js';

const withType = (pub) => Buffer.concat([Buffer.from([5]), buf(pub)]);

const ops = {
  keypair() {
    const kp = libsignal.curve.generateKeyPair();
    return { public: hex(kp.pubKey.subarray(1)), private: hex(kp.privKey) };
  },
  publicOf({ private: priv }) {
    return { public: hex(libsignal.curve.getPublicFromPrivateKey(buf(priv)).subarray(1)) };
  },
  agree({ private: priv, public: pub }) {
    return { secret: hex(libsignal.curve.calculateAgreement(withType(pub), buf(priv))) };
  },
  sign({ private: priv, message }) {
    return { signature: hex(libsignal.curve.calculateSignature(buf(priv), buf(message))) };
  },
  signWithRandom({ private: priv, message, random }) {
    return { signature: hex(curveJs.sign(new Uint8Array(buf(priv)), new Uint8Array(buf(message)), new Uint8Array(buf(random)))) };
  },
  verify({ public: pub, message, signature }) {
    let valid;
    try {
      valid = libsignal.curve.verifySignature(withType(pub), buf(message), buf(signature));
    } catch (e) {
      valid = false;
    }
    return { valid };
  },
  hkdf({ ikm, salt, info, length }) {
    return { okm: hex(crypto.hkdfSync('sha256', buf(ikm), buf(salt), buf(info), length)) };
  },
  pbkdf2({ password, salt, iterations, length }) {
    return { key: hex(crypto.pbkdf2Sync(buf(password), buf(salt), iterations, length, 'sha256')) };
  },
  gcmEncrypt({ key, nonce, aad, plaintext }) {
    const c = crypto.createCipheriv('aes-256-gcm', buf(key), buf(nonce));
    c.setAAD(buf(aad));
    return { ciphertext: hex(Buffer.concat([c.update(buf(plaintext)), c.final(), c.getAuthTag()])) };
  },
  cbcEncrypt({ key, iv, plaintext }) {
    const c = crypto.createCipheriv('aes-256-cbc', buf(key), buf(iv));
    return { ciphertext: hex(Buffer.concat([c.update(buf(plaintext)), c.final()])) };
  },
  ctr({ key, iv, input }) {
    const c = crypto.createCipheriv('aes-256-ctr', buf(key), buf(iv));
    return { output: hex(Buffer.concat([c.update(buf(input)), c.final()])) };
  },
  hmac({ algorithm, key, data }) {
    return { mac: hex(crypto.createHmac(algorithm, buf(key)).update(buf(data)).digest()) };
  },
};

serveJsonLines(ops);
