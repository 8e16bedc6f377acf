// Conversion between our JSON node form and Baileys' BinaryNode, shared by binary-peer.mjs and
// gen-binary-vectors.mjs. JSON: {"tag", "attrs": {name: string}, "content": null | string | {"base64"} | [nodes]}.

export const fromJson = (json) => {
    const node = { tag: json.tag, attrs: { ...(json.attrs || {}) } };
    const c = json.content;
    if (c === null || c === undefined) {
        // no content
    } else if (typeof c === 'string') {
        node.content = c;
    } else if (Array.isArray(c)) {
        node.content = c.map(fromJson);
    } else if (typeof c.base64 === 'string') {
        node.content = Buffer.from(c.base64, 'base64');
    } else {
        throw new Error('bad content in ' + JSON.stringify(json).slice(0, 200));
    }
    return node;
};

export const toJson = (node) => {
    const attrs = {};
    for (const [k, v] of Object.entries(node.attrs || {})) {
        attrs[k] = v;
    }
    let content = null;
    const c = node.content;
    if (c === undefined || c === null) {
        content = null;
    } else if (typeof c === 'string') {
        content = c;
    } else if (Array.isArray(c)) {
        content = c.map(toJson);
    } else if (c instanceof Uint8Array) {
        content = { base64: Buffer.from(c).toString('base64') };
    } else {
        throw new Error('unexpected content type ' + typeof c);
    }
    return { tag: node.tag, attrs, content };
};

export const readStdin = async () => {
    const chunks = [];
    for await (const chunk of process.stdin) {
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf-8');
};
