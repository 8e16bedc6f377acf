// Writes the dictionary v3 token tables of the pinned Baileys as our resource format:
//   line 1: "tryx-tokens v3"; then "single <n>", n lines; then for each dictionary "double <d> <n>", n lines.
// Usage: node scripts/gen-tokens.mjs > ../../protocol/src/main/resources/io/tryx/protocol/binary/tokens-v3.txt
import { SINGLE_BYTE_TOKENS, DOUBLE_BYTE_TOKENS } from '@whiskeysockets/baileys/lib/WABinary/constants.js';

const lines = ['tryx-tokens v3', `single ${SINGLE_BYTE_TOKENS.length}`];
const check = (t) => {
    if (/[\r\n]/.test(t)) throw new Error('token with a line break: ' + JSON.stringify(t));
    return t;
};
lines.push(...SINGLE_BYTE_TOKENS.map(check));
DOUBLE_BYTE_TOKENS.forEach((dict, d) => {
    lines.push(`double ${d} ${dict.length}`);
    lines.push(...dict.map(check));
});
process.stdout.write(lines.join('\n') + '\n');
