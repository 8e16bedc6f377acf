// Pairing and message-secret peer for the cross-implementation tests, composed only of Baileys' exported helpers
// (its HKDF is whatsapp-rust's, via whatsapp-rust-bridge). One JSON request per line, hex bytes.
import { serveJsonLines, hex, buf } from './lib/json-lines.mjs';
import {
  aesEncryptCTR, aesDecryptCTR, aesEncryptGCM, Curve, derivePairingCodeKey, hkdf,
} from '@whiskeysockets/baileys/lib/Utils/crypto.js';
import { bytesToCrockford } from '@whiskeysockets/baileys/lib/Utils/generics.js';
import { buildPairingQRData } from '@whiskeysockets/baileys/lib/Utils/companion-reg-client-utils.js';
import { configureSuccessfulPairing } from '@whiskeysockets/baileys/lib/Utils/validate-connection.js';
import { decryptPollVote } from '@whiskeysockets/baileys/lib/Utils/process-message.js';


const ops = {
  crockford({ bytes }) {
    return { code: bytesToCrockford(buf(bytes)) };
  },
  async wrap({ code, publicKey, salt, iv }) {
    const key = await derivePairingCodeKey(code, buf(salt));
    return { wrapped: hex(Buffer.concat([buf(salt), buf(iv), aesEncryptCTR(buf(publicKey), key, buf(iv))])) };
  },
  async unwrap({ code, wrapped }) {
    const w = buf(wrapped);
    const key = await derivePairingCodeKey(code, w.subarray(0, 32));
    return { publicKey: hex(aesDecryptCTR(w.subarray(48, 80), key, w.subarray(32, 48))) };
  },
  // the companion_finish computation of Baileys' link_code_companion_reg handler, with caller randomness
  companionFinish({ ephemeralPrivate, primaryEphemeralPublic, identityPublic, identityPrivate,
    primaryIdentityPublic, random, salt, iv }) {
    const companionSharedKey = Curve.sharedKey(buf(ephemeralPrivate), buf(primaryEphemeralPublic));
    const bundleKey = hkdf(companionSharedKey, 32, { salt: buf(salt), info: 'link_code_pairing_key_bundle_encryption_key' });
    const payload = Buffer.concat([buf(identityPublic), buf(primaryIdentityPublic), buf(random)]);
    const encrypted = aesEncryptGCM(payload, bundleKey, buf(iv), Buffer.alloc(0));
    const identitySharedKey = Curve.sharedKey(buf(identityPrivate), buf(primaryIdentityPublic));
    const advSecret = hkdf(Buffer.concat([companionSharedKey, identitySharedKey, buf(random)]), 32, { info: 'adv_secret' });
    return { bundle: hex(Buffer.concat([buf(salt), buf(iv), encrypted])), advSecret: hex(advSecret) };
  },
  // Baileys' own pair-success handling: verifies the issued identity and countersigns it
  pairSuccess({ deviceIdentity, advSecret, identityPublic, identityPrivate }) {
    const stanza = {
      tag: 'iq', attrs: { id: 'pair-1', type: 'set', from: 's.whatsapp.net' },
      content: [{
        tag: 'pair-success', attrs: {},
        content: [
          { tag: 'device-identity', attrs: {}, content: buf(deviceIdentity) },
          { tag: 'platform', attrs: { name: 'android' } },
          { tag: 'device', attrs: { jid: '15550001111:3@s.whatsapp.net', lid: '99887766:3@lid' } },
        ],
      }],
    };
    const { reply } = configureSuccessfulPairing(stanza, {
      advSecretKey: buf(advSecret).toString('base64'),
      signedIdentityKey: { public: buf(identityPublic), private: buf(identityPrivate) },
      signalIdentities: [],
    });
    const sign = reply.content[0];
    const identity = sign.content[0];
    return { tag: sign.tag, keyIndex: identity.attrs['key-index'], signedIdentity: hex(identity.content) };
  },
  // Baileys' poll-vote decryption (message-secret derived key); answers the selected option hashes
  pollVote({ encPayload, encIv, pollCreatorJid, pollMsgId, pollEncKey, voterJid }) {
    const vote = decryptPollVote({ encPayload: buf(encPayload), encIv: buf(encIv) },
      { pollCreatorJid, pollMsgId, pollEncKey: buf(pollEncKey), voterJid });
    return { selectedOptions: vote.selectedOptions.map(hex) };
  },
  qr({ ref, noise, identity, adv, os, browser }) {
    const b64 = (h) => buf(h).toString('base64');
    return { qr: buildPairingQRData(ref, b64(noise), b64(identity), b64(adv), [os, browser, '']) };
  },
};

serveJsonLines(ops);
