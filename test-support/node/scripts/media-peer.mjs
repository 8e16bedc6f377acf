// Media peer for the cross-implementation tests, using Baileys' own media code unmodified.
// One JSON request per stdin line, one JSON answer per stdout line; bytes travel as files and hex.
//   {"op":"encrypt","path":...,"type":"image"}  -> Baileys encryptedStream: encPath, mediaKey, hashes, length
//   {"op":"decrypt","encPath":...,"mediaKey":...,"type":"image","outPath":...}
//        -> Baileys downloadContentFromMessage from a loopback HTTP server serving encPath; writes outPath
import { serveJsonLines, hex, buf } from './lib/json-lines.mjs';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import { encryptedStream, downloadContentFromMessage } from '@whiskeysockets/baileys/lib/Utils/messages-media.js';


async function serve(path) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const ops = {
  async encrypt({ path, type }) {
    const r = await encryptedStream({ url: path }, type);
    return {
      encPath: r.encFilePath, mediaKey: hex(r.mediaKey), fileSha256: hex(r.fileSha256),
      fileEncSha256: hex(r.fileEncSha256), fileLength: r.fileLength, mac: hex(r.mac),
    };
  },
  async decrypt({ encPath, mediaKey, type, outPath }) {
    const server = await serve(encPath);
    try {
      const url = `http://127.0.0.1:${server.address().port}/media`;
      const stream = await downloadContentFromMessage({ mediaKey: Buffer.from(mediaKey, 'hex'), url }, type);
      await pipeline(stream, createWriteStream(outPath));
      return { outPath };
    } finally {
      server.close();
    }
  },
};

serveJsonLines(ops);
