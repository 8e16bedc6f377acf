// Poll-vote peer for the cross-implementation tests: decrypts votes with Baileys' own decryptPollVote, so our
// encryption is checked against an independent implementation. One JSON request per stdin line; hex bytes.
import { serveJsonLines, hex, buf } from './lib/json-lines.mjs';
import { decryptPollVote } from '@whiskeysockets/baileys/lib/Utils/process-message.js';

serveJsonLines({
  decryptVote({ encPayload, encIv, pollCreatorJid, pollMsgId, pollEncKey, voterJid }) {
    const vote = decryptPollVote({ encPayload: buf(encPayload), encIv: buf(encIv) },
      { pollCreatorJid, pollMsgId, pollEncKey: buf(pollEncKey), voterJid });
    return { selectedOptions: (vote.selectedOptions || []).map(hex) };
  },
});
