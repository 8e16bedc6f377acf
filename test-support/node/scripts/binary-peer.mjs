// Batch peer for the binary node codec, backed by Baileys 7.0.0-rc14.
// stdin: {"encode": [node JSON...], "decode": [base64 frame (flag byte first)...], "roundTrip": [node JSON...],
//         "tokens": bool}
// stdout: {"encoded": [base64 frame | {"error"}...], "decoded": [node JSON | {"error"}...],
//          "roundTripped": [Baileys' decoding of its own encoding | {"error"}...], "tokens"?: {...}}
import { encodeBinaryNode, decodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js';
import { SINGLE_BYTE_TOKENS, DOUBLE_BYTE_TOKENS } from '@whiskeysockets/baileys/lib/WABinary/constants.js';
import { fromJson, toJson, readStdin } from './node-json.mjs';

const request = JSON.parse(await readStdin());
const encoded = (request.encode || []).map((json) => {
    try {
        return encodeBinaryNode(fromJson(json)).toString('base64');
    } catch (e) {
        return { error: String(e.message || e) };
    }
});
const decoded = [];
for (const frame of request.decode || []) {
    try {
        decoded.push(toJson(await decodeBinaryNode(Buffer.from(frame, 'base64'))));
    } catch (e) {
        decoded.push({ error: String(e.message || e) });
    }
}
const roundTripped = [];
for (const json of request.roundTrip || []) {
    try {
        roundTripped.push(toJson(await decodeBinaryNode(encodeBinaryNode(fromJson(json)))));
    } catch (e) {
        roundTripped.push({ error: String(e.message || e) });
    }
}
const response = { encoded, decoded, roundTripped };
if (request.tokens) {
    response.tokens = { single: SINGLE_BYTE_TOKENS, double: DOUBLE_BYTE_TOKENS };
}
process.stdout.write(JSON.stringify(response));
