// Independent check of certificate chains made by our CertificateAuthority, for CertLibsignalInteropTest.
// Decodes the chain with Baileys' protobuf classes and checks both XEdDSA signatures with libsignal@6's
// curve (Baileys itself never fails a signature check, so it cannot prove them). One JSON request per
// stdin line, one JSON answer per stdout line; bytes as hex, 64-bit times as decimal strings.
//   inspect {chain, root} -> {intermediate, leaf, intermediateSignedByRoot, leafSignedByIntermediate}
import { createInterface } from 'node:readline';
import libsignal from 'libsignal';
import { proto } from '@whiskeysockets/baileys/WAProto/index.js';

const hex = (b) => Buffer.from(b).toString('hex');
const buf = (h) => Buffer.from(h ?? '', 'hex');
const withType = (pub) => Buffer.concat([Buffer.from([5]), Buffer.from(pub)]);
const has = (o, field) => Object.prototype.hasOwnProperty.call(o, field);

const verify = (pub, message, signature) => {
  try {
    return libsignal.curve.verifySignature(withType(pub), Buffer.from(message), Buffer.from(signature)) === true;
  } catch (e) {
    return false;
  }
};

const describe = (bytes) => {
  const d = proto.CertChain.NoiseCertificate.Details.decode(bytes);
  return {
    serial: has(d, 'serial') ? d.serial : null,
    issuerSerial: has(d, 'issuerSerial') ? d.issuerSerial : null,
    key: hex(d.key),
    notBefore: String(d.notBefore),
    notAfter: String(d.notAfter),
  };
};

const ops = {
  inspect({ chain, root }) {
    const { leaf, intermediate } = proto.CertChain.decode(buf(chain));
    const intermediateDetails = describe(intermediate.details);
    return {
      intermediate: intermediateDetails,
      leaf: describe(leaf.details),
      intermediateSignedByRoot: verify(buf(root), intermediate.details, intermediate.signature),
      leafSignedByIntermediate: verify(buf(intermediateDetails.key), leaf.details, leaf.signature),
    };
  },
};

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  try {
    process.stdout.write(JSON.stringify(ops[request.op](request)) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String((e && e.message) || e) }) + '\n');
  }
});
