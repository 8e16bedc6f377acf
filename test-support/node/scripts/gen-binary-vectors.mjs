// Generates the known-answer vectors of the binary node codec from Baileys 7.0.0-rc14.
// Usage (from test-support/node): node scripts/gen-binary-vectors.mjs > ../../protocol/src/test/resources/vectors/binary-nodes.json
//   encode: node JSON -> Baileys' frame (flag byte 0 first) and Baileys' decoding of it
//   decode: hand-made or compressed frames -> Baileys' decoding, or "error" when Baileys rejects them
//   large:  a patterned payload over 1 MiB (BINARY_32) -> SHA-256 and head of Baileys' frame
import { createHash } from 'crypto';
import { deflateSync } from 'zlib';
import { encodeBinaryNode, decodeBinaryNode } from '@whiskeysockets/baileys/lib/WABinary/index.js';
import { fromJson, toJson } from './node-json.mjs';

const n = (tag, attrs = {}, content = null) => ({ tag, attrs, content });
const b64 = (buf) => ({ base64: Buffer.from(buf).toString('base64') });
const pattern = (length) => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff));

const encodeCases = [
    ['iq ping', n('iq', { id: '1234.5678-1', to: 's.whatsapp.net', type: 'get', xmlns: 'w:p' }, [n('ping')])],
    ['text message to a user', n('message', { to: '491701234567@s.whatsapp.net', id: '3EB0C431C26A1916E2A0', type: 'text', t: '1732400000' },
        [n('enc', { v: '2', type: 'pkmsg' }, b64(pattern(180)))])],
    ['group message with device participants', n('message', { to: '120363012345678901@g.us', id: '3EB0AABBCCDD', type: 'text' }, [
        n('participants', {}, [
            n('to', { jid: '491701234567:3@s.whatsapp.net' }, [n('enc', { v: '2', type: 'msg' }, b64(pattern(40)))]),
            n('to', { jid: '123456789012345:17@lid' }, [n('enc', { v: '2', type: 'pkmsg' }, b64(pattern(300)))]),
        ]),
        n('enc', { v: '2', type: 'skmsg' }, b64(pattern(90))),
    ])],
    ['receipt from a lid device', n('receipt', { from: '123456789012345:2@lid', id: 'ABCDEF0123456789', t: '1732400001', type: 'read' })],
    ['ack', n('ack', { class: 'message', id: '3EB0C431C26A1916E2A0', to: '491701234567@s.whatsapp.net' })],
    ['presence available', n('presence', { type: 'available', name: 'Tryx Bridge' })],
    ['hosted and hosted.lid devices', n('devices', {}, [
        n('device', { jid: '491701234567:99@hosted' }),
        n('device', { jid: '123456789012345:2@hosted.lid' }),
        n('device', { jid: '491701234567@hosted' }),
        n('device', { jid: '123456789012345@hosted.lid' }),
    ])],
    ['every server as a JID pair', n('jids', {
        a: '491701234567@s.whatsapp.net', b: '120363012345678901@g.us', c: '16505361212@c.us', d: 'status@broadcast',
        e: '123456789012345@lid', f: '120363123456789012@newsletter', g: '867051314767696@bot', h: '491701234567@hosted',
        i: '123456789012345@hosted.lid', j: '100000123456789@msgr', k: '491701234567@interop', l: '@s.whatsapp.net',
    })],
    ['server-only JIDs are tokens or text', n('servers', { a: 's.whatsapp.net', b: 'g.us', c: 'lid', d: 'newsletter', e: 'hosted.lid' })],
    ['agent form of a device JID', n('to', { jid: '491701234567.5:3@s.whatsapp.net' })],
    ['nibble strings', n('n', { a: '0123456789', b: '1-2.3', c: '7', d: '.'.repeat(127) })],
    ['hex strings', n('h', { a: 'ABCDEF', b: '0A1B2C3D4E5F6', c: 'F' })],
    ['not packable', n('r', { a: 'abcdef', b: '0'.repeat(128), c: 'ABCDEFG', d: '', e: 'with space' })],
    ['double-byte tokens', n('read-self', { reaction: 'protocol', reject: 'dirty', '64': 'mute', '1724': 'profile_picture' }, 'mute_v2')],
    ['unicode', n('message', { push: 'héllo wörld 😀' }, '日本語のテキスト')],
    ['string content kinds', n('list', {}, [n('a', {}, 'true'), n('b', {}, '0123'), n('c', {}, 'ABC'), n('d', {}, '491701234567@s.whatsapp.net'), n('e', {}, 'raw text')])],
    ['empty children and empty bytes', n('wrap', {}, [n('none', {}, []), n('empty', {}, b64([]))])],
    ['binary 8 boundary', n('bin', {}, b64(pattern(255)))],
    ['binary 20 boundary', n('bin', {}, b64(pattern(256)))],
    ['binary 20 medium', n('bin', {}, b64(pattern(3000)))],
    ['list 16', n('list', {}, Array.from({ length: 300 }, (_, i) => n('item', { index: String(i) })))],
    ['deep nesting', [...Array(20).keys()].reduce((inner, i) => n('level', { depth: String(20 - i) }, [inner]), n('leaf'))],
    ['nested JID pair', n('x', { v: 'a@b@s.whatsapp.net' })],
    ['device on lid and user', n('x', { a: '1:1@s.whatsapp.net', b: '1:255@lid' })],
];

const decodeCases = [];
const frame = (name, hex) => decodeCases.push([name, Buffer.from(hex.replace(/\s+/g, ''), 'hex')]);
// root <x v=...> = 00 f8 03 <x as raw "x"> <"v" raw> <value...>; tokens avoided for readability
const attrFrame = (valueHex) => '00 f8 03 fc0178 fc0176 ' + valueHex;
frame('AD_JID hosted domain', attrFrame('f7 80 07 ff 82 12 3f'));
frame('AD_JID hosted.lid domain', attrFrame('f7 81 07 ff 82 12 3f'));
frame('AD_JID unknown domain reads as s.whatsapp.net', attrFrame('f7 05 07 ff 82 12 3f'));
frame('AD_JID device 0', attrFrame('f7 00 00 ff 82 12 3f'));
frame('FB_JID', attrFrame('f6 ff 85 10 00 01 23 4f 0003 fc 04 6d736772'));
frame('FB_JID device 0', attrFrame('f6 ff 85 10 00 01 23 4f 0000 fc 04 6d736772'));
frame('INTEROP_JID', attrFrame('f5 ff 83 12 34 5f 0002 0007 fc 07 696e7465726f70'));
frame('INTEROP_JID without server at the end', '00 f8 02 fc0178 f5 ff 83 12 34 5f 0002 0007');
frame('JID pair with empty user', attrFrame('fa 00 03'));
frame('nibble with a NUL digit', attrFrame('ff 02 1f 23'));
frame('empty odd nibble', attrFrame('ff 80'));
frame('hex odd', attrFrame('fb 82 ab cf'));
frame('BINARY_20 length with high bits set', attrFrame('fd f0 00 02 6869'));
frame('BINARY_32 small', '00 f8 02 fc0178 fe 00000003 010203');
frame('LIST_EMPTY as a value', attrFrame('00'));
frame('JID content', '00 f8 02 fc0178 fa ff 82 12 3f 03');
frame('LIST_EMPTY content', '00 f8 02 fc0178 00');
frame('double-byte token content', '00 f8 02 fc0178 ee 00');
frame('LIST_16 header', '00 f9 0003 fc0178 fc0176 fc0177');
frame('compression flag with other bits', '03' + deflateSync(Buffer.from('f802fc0178fc0179', 'hex')).toString('hex'));
frame('truncated', '00 f8 03 fc0178 fc01');
frame('invalid string tag', attrFrame('f0'));
frame('invalid nibble', attrFrame('ff 01 c0'));
frame('JID pair with empty server', attrFrame('fa 03 00'));
frame('empty root list', '00 00');
frame('root not a list', '00 fc0178');
frame('double-byte token out of dictionary', attrFrame('ec'));
const stanza = encodeBinaryNode(fromJson(encodeCases[2][1]));
decodeCases.push(['compressed group message', Buffer.concat([Buffer.from([2]), deflateSync(stanza.subarray(1))])]);
const big = encodeBinaryNode(fromJson(n('media', { type: 'image' }, b64(pattern(20000)))));
decodeCases.push(['compressed 20 kB payload', Buffer.concat([Buffer.from([2]), deflateSync(big.subarray(1))])]);

const decodeJson = async (buf) => {
    try {
        return { decoded: toJson(await decodeBinaryNode(buf)) };
    } catch (e) {
        return { error: String(e.message || e) };
    }
};

const vectors = {
    generator: 'test-support/node/scripts/gen-binary-vectors.mjs',
    peer: '@whiskeysockets/baileys@7.0.0-rc14',
    encode: [],
    decode: [],
    large: [],
};
for (const [name, node] of encodeCases) {
    const bytes = encodeBinaryNode(fromJson(node));
    vectors.encode.push({ name, node, hex: bytes.toString('hex'), ...(await decodeJson(bytes)) });
}
for (const [name, bytes] of decodeCases) {
    vectors.decode.push({ name, hex: bytes.toString('hex'), ...(await decodeJson(bytes)) });
}
for (const length of [(1 << 20) + 1, (1 << 20) + 4099]) {
    const bytes = encodeBinaryNode(fromJson(n('media', { type: 'video' }, b64(pattern(length)))));
    vectors.large.push({
        name: `patterned payload of ${length} bytes`, tag: 'media', attrs: { type: 'video' }, length,
        pattern: '(i * 31 + 7) & 0xff', sha256: createHash('sha256').update(bytes).digest('hex'),
        head: bytes.subarray(0, 16).toString('hex'),
    });
}
process.stdout.write(JSON.stringify(vectors, null, 1) + '\n');
