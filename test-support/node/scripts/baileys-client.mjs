// An UNMODIFIED Baileys client for the simulator tests, driven over stdin/stdout with one JSON object per line.
// Usage: node baileys-client.mjs --url ws://127.0.0.1:PORT/ws/chat --root <base64 root key> --auth <dir> [--pair-code <phone>]
// With --pair-code the client asks for a pair code (requestPairingCode) once the first QR shows, and prints it when
// the server has acknowledged the request.
// The only configuration beyond makeWASocket options: the simulator's certificate root replaces WhatsApp's in
// Baileys' exported WA_CERT_DETAILS (the Noise handshake checks the chain against it), as trusting a test CA would.
// Events (stdout): {"event":"qr","qr"}, {"event":"pair-code","code"}, {"event":"pair-success","jid","lid"}, {"event":"restart","code"},
//   {"event":"open","jid","lid"}, {"event":"close","code"}, {"event":"stopped"}, {"event":"error","message"}.
// Commands (stdin): {"cmd":"stop"} saves the auth state, closes the socket and exits 0;
//   {"cmd":"logout"} unlinks this device (Baileys' logout: remove-companion-device), then reports close;
//   {"cmd":"send","to":"<jid>","text"} sends a text ({"event":"sent","id","to"}); {"cmd":"read","key":{remoteJid,id,fromMe,participant?}}
//   sends a read receipt for a received message; {"cmd":"send-content","to","content":{...},"options"?:{...}} sends any Baileys
//   AnyMessageContent, e.g. {"location":{degreesLatitude,degreesLongitude}} or {"react":{text,key}} ({"event":"sent","id","to"}).
//   {"cmd":"group","op":"<Baileys group or community function, e.g. groupCreate, communityFetchLinkedGroups>","args":[...],"ref"} calls sock[op](...args) and
//   answers {"event":"group-result","op","ref","result"} or {"event":"group-error","op","ref","status","message"}.
// Group events: {"event":"groups-upsert","groups":[{id,subject,addressingMode,isCommunity,isCommunityAnnounce,linkedParent,
//   joinApprovalMode,participants:[{id,lid,phoneNumber,admin}]}]} (groups.upsert; group metadata results show the same fields),
//   {"event":"groups-update","updates":[{id,subject?,desc?,announce?,restrict?,author}]} (groups.update),
//   {"event":"group-participants","id","author","action","participants":[jid]} (group-participants.update).
// Chat events: {"event":"message","from","participant","id","text","fromMe","key"} for received texts (messages.upsert),
//   {"event":"receipt","id","status"} (messages.update status: 3 DELIVERY_ACK, 4 READ, 5 PLAYED),
//   {"event":"user-receipt","id","type"} (message-receipt.update).
//   Every received message of any kind (messages.upsert, not fromMe) is also reported as {"event":"raw-message","id",
//   "from","participant","message"}: message is the decrypted E2E Message as JSON (proto.Message.toObject, longs and
//   enums as strings, bytes as base64), e.g. {"reactionMessage":{"key":{...},"text":"👍"}}.
// Media: {"cmd":"send-media","to","kind":"image|document|audio|video","base64","mimetype","caption?","fileName?",
//   "width?","height?","viewOnce?","ephemeralExpiration?"} uploads through media_conn and the media host, then sends ({"event":"sent","id","to"}); received
//   media messages (also inside documentWithCaptionMessage and other wrappers) are downloaded and decrypted by Baileys
//   and reported as {"event":"media","from","id","kind","mimetype","caption","fileName","size","sha256","wrapped",
//   "width","height","seconds","ptt","thumbnail"} (sha256: hex of the decrypted bytes; wrapped: the wrapper's field
//   name or null; thumbnail: base64 jpegThumbnail or null), or {"event":"media-error","id","message"}.
// Social: {"cmd":"sock","op":"<one of SOCK_OPS below>","args":[...],"ref"} calls sock[op](...args) (an argument
//   {"$base64":"..."} becomes a Buffer) and answers {"event":"sock-result","op","ref","result"} or
//   {"event":"sock-error","op","ref","status","message"} (status: the IQ error code, e.g. 400); {"cmd":"set-name","name"} records the push name in the creds
//   (Baileys learns it from app state sync, which the simulator does not serve yet) so presence updates go out.
//   Events: {"event":"presence","id","presences":{jid:{lastKnownPresence,lastSeen}}} (presence.update),
//   {"event":"blocklist-update","blocklist","type"} (blocklist.update), {"event":"contacts-update","updates"}
//   (contacts.update), and for debugging every server notification as {"event":"notification","type","from",
//   "child","attrs","devices":[jid]} (the first child's tag and attributes, the jids of its <device> children).
// For a TLS simulator (wss chat, HTTPS media) start node with NODE_EXTRA_CA_CERTS=<the simulator's PEM>.
// App state and history sync: with --media <https://host:port of the simulator's media host>, downloads Baileys
//   addresses to WhatsApp's default media host (app-state snapshots and history blobs carry only a direct path, which
//   Baileys resolves against mmg.whatsapp.net) go to the simulator instead, through the fetch dispatcher Baileys takes
//   in its documented `options` (the equivalent of a hosts-file entry; the library is untouched).
//   Events: {"event":"app-state-key","keyId"} when the phone's key share arrived (creds.update myAppStateKeyId),
//   {"event":"chats-update","updates":[{id,archived?,pinned?,muteEndTime?,unreadCount?}]} (chats.update),
//   {"event":"contacts-upsert","contacts":[{id,name,notify}]} (contacts.upsert),
//   {"event":"history-set","syncType","isLatest","chats":[{id,name}],"contacts":[{id,name,notify}],
//   "messages":[{id,remoteJid,fromMe,participant,text,timestamp}]} (messaging-history.set).
//   Command: {"cmd":"chat-modify","mod":{...Baileys ChatModification},"jid","ref"} calls sock.chatModify(mod, jid) and
//   answers {"event":"chat-modified","ref"} or {"event":"chat-modify-error","ref","message"}.
// Polls: a poll sent with {"cmd":"send-content","content":{"poll":{name,values,selectableCount}}} or received is
//   remembered with its messageSecret; a received vote (pollUpdateMessage) on a remembered poll is opened with Baileys'
//   own decryptPollVote and reported as {"event":"poll-vote","id","pollId","voter","options":[names]} (or
//   {"event":"poll-vote-error","id","pollId","message"}). Baileys 7 has no function that sends a vote, so
//   {"cmd":"vote","to","pollId","options":[names]} seals the vote with Baileys' exported primitives (hmacSign,
//   aesEncryptGCM: the inverse of its decryptPollVote) and sends the pollUpdateMessage through sock.relayMessage
//   ({"event":"sent","id","to"}).
import { createInterface } from 'node:readline';
import pino from 'pino';
import { createHash } from 'node:crypto';
import makeWASocket, { useMultiFileAuthState, DisconnectReason, downloadMediaMessage, normalizeMessageContent, proto,
  decryptPollVote, hmacSign, aesEncryptGCM, jidNormalizedUser, generateMessageIDV2 } from '@whiskeysockets/baileys';
import { randomBytes } from 'node:crypto';
import { WA_CERT_DETAILS } from '@whiskeysockets/baileys/lib/Defaults/index.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(args.root, 'base64');
const logger = pino({ level: process.env.BAILEYS_LOG ?? 'warn' }, pino.destination(2));
const { state, saveCreds } = await useMultiFileAuthState(args.auth);
let sock;
let pendingSave = Promise.resolve();
let stopping = false;
let codeRequested = false;
const fetchOptions = args.media ? await mediaRedirect(new URL(args.media)) : undefined;

// A fetch dispatcher that sends requests for WhatsApp's default media host to the simulator's media host.
async function mediaRedirect(target) {
  await fetch('data:text/plain,warm-up'); // makes Node's fetch install its global dispatcher
  const base = globalThis[Symbol.for('undici.globalDispatcher.1')];
  return {
    dispatcher: {
      dispatch(opts, handler) {
        const origin = new URL(String(opts.origin));
        const redirected = origin.hostname.endsWith('whatsapp.net') ? target.origin : opts.origin;
        return base.dispatch({ ...opts, origin: redirected }, handler);
      },
      close: () => base.close(),
      destroy: () => base.destroy(),
    },
  };
}

const SOCK_OPS = new Set(['rejectCall', 'presenceSubscribe', 'sendPresenceUpdate', 'fetchPrivacySettings', 'updateLastSeenPrivacy',
  'updateOnlinePrivacy', 'updateProfilePicturePrivacy', 'updateStatusPrivacy', 'updateReadReceiptsPrivacy',
  'updateGroupsAddPrivacy', 'updateCallPrivacy', 'updateMessagesPrivacy', 'updateDefaultDisappearingMode',
  'fetchDisappearingDuration', 'updateBlockStatus', 'fetchBlocklist', 'updateProfileStatus', 'fetchStatus',
  'updateProfilePicture', 'removeProfilePicture', 'profilePictureUrl', 'onWhatsApp']);
// newsletter (channel) operations, driven through the same 'sock' command
['newsletterCreate', 'newsletterMetadata', 'newsletterFollow', 'newsletterUnfollow', 'newsletterMute', 'newsletterUnmute',
  'newsletterReactMessage', 'newsletterFetchMessages', 'subscribeNewsletterUpdates'].forEach((op) => SOCK_OPS.add(op));

function connect() {
  sock = makeWASocket({
    waWebSocketUrl: args.url,
    auth: state,
    logger,
    printQRInTerminal: false,
    markOnlineOnConnect: false,
    syncFullHistory: false,
    ...(fetchOptions ? { options: fetchOptions } : {}),
  });
  sock.ev.on('creds.update', (update) => {
    pendingSave = pendingSave.then(() => saveCreds(update));
    if (update.myAppStateKeyId) emit({ event: 'app-state-key', keyId: update.myAppStateKeyId });
  });
  sock.ev.on('chats.update', (updates) => emit({
    event: 'chats-update',
    updates: updates.map(({ id, archived, pinned, muteEndTime, unreadCount }) => ({
      id, archived, pinned: num(pinned), muteEndTime: num(muteEndTime), unreadCount })),
  }));
  sock.ev.on('contacts.upsert', (contacts) => emit({ event: 'contacts-upsert', contacts: contacts.map(contact) }));
  sock.ev.on('messaging-history.set', ({ chats, contacts, messages, syncType, isLatest }) => emit({
    event: 'history-set', syncType, isLatest,
    chats: chats.map(({ id, name }) => ({ id, name })),
    contacts: contacts.map(contact),
    messages: messages.map((m) => ({ id: m.key.id, remoteJid: m.key.remoteJid, fromMe: !!m.key.fromMe,
      participant: m.key.participant, text: m.message?.conversation ?? m.message?.extendedTextMessage?.text,
      timestamp: num(m.messageTimestamp) })),
  }));
  sock.ev.on('presence.update', ({ id, presences }) => emit({ event: 'presence', id, presences }));
  // Calls: {"event":"call","chatId","from","callerPn","id","date":<ms>,"offline","status","isVideo","isGroup","groupJid"} per WACallEvent
  sock.ev.on('call', (calls) => calls.forEach((c) => emit({ event: 'call', chatId: c.chatId, from: c.from,
    callerPn: c.callerPn ?? null, id: c.id, date: c.date?.getTime?.() ?? null, offline: !!c.offline, status: c.status,
    isVideo: c.isVideo ?? null, isGroup: c.isGroup ?? null, groupJid: c.groupJid ?? null })));
  sock.ev.on('blocklist.update', ({ blocklist, type }) => emit({ event: 'blocklist-update', blocklist, type }));
  sock.ev.on('contacts.update', (updates) => emit({ event: 'contacts-update', updates }));
  sock.ws.on('CB:notification', (node) => {
    const [child] = Array.isArray(node.content) ? node.content : [];
    const devices = Array.isArray(child?.content) ? child.content.filter((c) => c.tag === 'device').map((d) => d.attrs.jid) : [];
    emit({ event: 'notification', type: node.attrs.type, from: node.attrs.from, child: child?.tag, attrs: child?.attrs, devices });
  });
  sock.ev.on('messages.upsert', ({ messages }) => {
    for (const m of messages) {
      // Baileys' event buffer folds a receipt that arrives before the upsert is flushed into the message's status
      if (m.key.fromMe && m.status !== undefined && m.status !== null) emit({ event: 'receipt', id: m.key.id, status: m.status });
      if (!m.key.fromMe) reportMedia(m);
      if (!m.key.fromMe) rememberPoll(m, jidNormalizedUser(m.key.participant || m.key.remoteJid));
      if (!m.key.fromMe && m.message?.pollUpdateMessage) reportVote(m);
      if (!m.key.fromMe && m.message) emit({ event: 'raw-message', id: m.key.id, from: m.key.remoteJid, participant: m.key.participant,
        message: proto.Message.toObject(proto.Message.fromObject(m.message), { longs: String, enums: String, bytes: String }) });
      const text = m.message?.conversation ?? m.message?.extendedTextMessage?.text;
      if (text === undefined || text === null) continue;
      emit({ event: 'message', from: m.key.remoteJid, participant: m.key.participant, id: m.key.id, text, fromMe: !!m.key.fromMe, key: m.key });
    }
  });
  sock.ev.on('groups.upsert', (groups) => emit({ event: 'groups-upsert', groups: groups.map(summary) }));
  sock.ev.on('groups.update', (updates) => emit({
    event: 'groups-update',
    updates: updates.map(({ id, subject, desc, announce, restrict, author }) => ({ id, subject, desc, announce, restrict, author })),
  }));
  sock.ev.on('group-participants.update', ({ id, author, action, participants }) => emit({
    event: 'group-participants', id, author, action, participants: participants.map((p) => (typeof p === 'string' ? p : p.id)),
  }));
  sock.ev.on('messages.update', (updates) => {
    for (const { key, update } of updates) {
      if (update?.status !== undefined && update?.status !== null) emit({ event: 'receipt', id: key.id, status: update.status });
    }
  });
  sock.ev.on('message-receipt.update', (updates) => {
    for (const { key, receipt } of updates) {
      emit({ event: 'user-receipt', id: key.id, type: receipt?.readTimestamp ? 'read' : 'delivery' });
    }
  });
  sock.ev.on('connection.update', ({ connection, qr, lastDisconnect, isNewLogin }) => {
    if (qr) emit({ event: 'qr', qr });
    if (qr && args['pair-code'] && !codeRequested) {
      codeRequested = true;
      // Baileys returns the code as soon as companion_hello is written; like whatsmeow, show it only once the
      // server has answered with the pairing ref, so the phone cannot type it before the server knows of it
      const answered = new Promise((resolve) => sock.ws.once('CB:iq,type:result,link_code_companion_reg', resolve));
      Promise.all([sock.requestPairingCode(args['pair-code']), answered])
        .then(([code]) => emit({ event: 'pair-code', code }))
        .catch((e) => emit({ event: 'error', message: String(e) }));
    }
    if (isNewLogin) emit({ event: 'pair-success', jid: state.creds.me?.id, lid: state.creds.me?.lid });
    if (connection === 'open') emit({ event: 'open', jid: sock.user?.id, lid: sock.user?.lid ?? state.creds.me?.lid });
    if (connection === 'close' && !stopping) {
      const code = lastDisconnect?.error?.output?.statusCode;
      if (code === DisconnectReason.restartRequired) {
        emit({ event: 'restart', code });
        pendingSave.then(connect);
      } else {
        emit({ event: 'close', code, message: lastDisconnect?.error?.message });
      }
    }
  });
}

const MEDIA_KINDS = { imageMessage: 'image', documentMessage: 'document', audioMessage: 'audio', videoMessage: 'video', stickerMessage: 'sticker' };

// media inside wrappers (documentWithCaptionMessage, ephemeral, view-once) is reported too; `wrapped` names the wrapper
function reportMedia(m) {
  const content = normalizeMessageContent(m.message) ?? {};
  const type = Object.keys(content).find((k) => MEDIA_KINDS[k]);
  if (!type) return;
  const media = content[type];
  const wrapped = Object.keys(m.message ?? {}).find((k) => k.endsWith('Message') && k !== type && m.message[k]?.message) ?? null;
  downloadMediaMessage(m, 'buffer', {})
    .then((bytes) => emit({ event: 'media', from: m.key.remoteJid, id: m.key.id, kind: MEDIA_KINDS[type],
      mimetype: media.mimetype, caption: media.caption ?? null, fileName: media.fileName ?? null, size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'), wrapped, width: media.width ?? null,
      height: media.height ?? null, seconds: media.seconds ?? null, ptt: media.ptt ?? null,
      thumbnail: media.jpegThumbnail ? Buffer.from(media.jpegThumbnail).toString('base64') : null }))
    .catch((e) => emit({ event: 'media-error', id: m.key.id, message: String(e?.stack ?? e) }));
}

// polls sent or received, by message id: {secret, creator, options}
const polls = new Map();

function rememberPoll(m, creator) {
  const poll = m.message?.pollCreationMessageV3 ?? m.message?.pollCreationMessage ?? m.message?.pollCreationMessageV2;
  const secret = m.message?.messageContextInfo?.messageSecret;
  if (!poll || !secret) return;
  polls.set(m.key.id, { secret: Buffer.from(secret), creator, options: poll.options.map((o) => o.optionName) });
}

function reportVote(m) {
  const update = m.message.pollUpdateMessage;
  const pollId = update.pollCreationMessageKey?.id;
  const poll = polls.get(pollId);
  const voter = jidNormalizedUser(m.key.participant || m.key.remoteJid);
  if (!poll) return emit({ event: 'poll-vote-error', id: m.key.id, pollId, message: 'unknown poll' });
  try {
    const vote = decryptPollVote(update.vote, { pollCreatorJid: poll.creator, pollMsgId: pollId, pollEncKey: poll.secret, voterJid: voter });
    const hashes = vote.selectedOptions.map((h) => Buffer.from(h).toString('hex'));
    const options = poll.options.filter((o) => hashes.includes(createHash('sha256').update(Buffer.from(o)).digest('hex')));
    emit({ event: 'poll-vote', id: m.key.id, pollId, voter, options });
  } catch (e) {
    emit({ event: 'poll-vote-error', id: m.key.id, pollId, message: String(e?.message ?? e) });
  }
}

// seals a vote as decryptPollVote opens it: key = HMAC(HMAC(zeros, secret), pollId + creator + voter + 'Poll Vote' + 0x01)
function sealVote(poll, pollId, voter, options) {
  const selectedOptions = options.map((o) => createHash('sha256').update(Buffer.from(o)).digest());
  const plaintext = proto.Message.PollVoteMessage.encode({ selectedOptions }).finish();
  const sign = Buffer.concat([Buffer.from(pollId), Buffer.from(poll.creator), Buffer.from(voter), Buffer.from('Poll Vote'), Buffer.from([1])]);
  const key = hmacSign(sign, hmacSign(poll.secret, Buffer.alloc(32), 'sha256'), 'sha256');
  const encIv = randomBytes(12);
  const encPayload = aesEncryptGCM(plaintext, key, encIv, Buffer.from(`${pollId}\u0000${voter}`));
  return { encPayload, encIv };
}

// protobuf Longs and numbers alike as plain numbers (null stays null)
function num(value) {
  return value === undefined || value === null ? value : Number(value);
}

function contact({ id, name, notify }) {
  return { id, name, notify };
}

// group metadata as the tests compare it (Baileys' objects carry more)
function summary(meta) {
  return {
    id: meta.id, subject: meta.subject, owner: meta.owner, desc: meta.desc, descId: meta.descId, announce: meta.announce,
    restrict: meta.restrict, addressingMode: meta.addressingMode, size: meta.size,
    isCommunity: !!meta.isCommunity, isCommunityAnnounce: !!meta.isCommunityAnnounce, linkedParent: meta.linkedParent ?? null,
    joinApprovalMode: !!meta.joinApprovalMode,
    participants: (meta.participants ?? []).map(({ id, lid, phoneNumber, admin }) => ({ id, lid, phoneNumber, admin })),
  };
}

createInterface({ input: process.stdin }).on('line', async (line) => {
  let cmd;
  try { cmd = JSON.parse(line); } catch { return emit({ event: 'error', message: 'not JSON: ' + line }); }
  if (cmd.cmd === 'logout') {
    try { await sock.logout(); } catch (e) { emit({ event: 'error', message: String(e) }); }
    return;
  }
  if (cmd.cmd === 'send') {
    try {
      const sent = await sock.sendMessage(cmd.to, { text: cmd.text });
      emit({ event: 'sent', id: sent?.key?.id, to: cmd.to });
    } catch (e) { emit({ event: 'error', message: 'send: ' + String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'send-content') {
    try {
      const sent = await sock.sendMessage(cmd.to, cmd.content, cmd.options ?? {});
      if (sent) rememberPoll(sent, jidNormalizedUser(sock.user.id));
      emit({ event: 'sent', id: sent?.key?.id, to: cmd.to });
    } catch (e) { emit({ event: 'error', message: 'send-content: ' + String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'vote') {
    try {
      const poll = polls.get(cmd.pollId);
      if (!poll) throw new Error('unknown poll ' + cmd.pollId);
      const me = jidNormalizedUser(sock.user.id);
      const fromMe = poll.creator === me;
      const message = proto.Message.fromObject({
        pollUpdateMessage: {
          pollCreationMessageKey: { remoteJid: cmd.to, fromMe, id: cmd.pollId },
          vote: sealVote(poll, cmd.pollId, me, cmd.options),
          senderTimestampMs: Date.now(),
        },
      });
      const id = await sock.relayMessage(cmd.to, message, { messageId: generateMessageIDV2(sock.user.id) });
      emit({ event: 'sent', id, to: cmd.to });
    } catch (e) { emit({ event: 'error', message: 'vote: ' + String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'send-media') {
    try {
      const content = { [cmd.kind]: Buffer.from(cmd.base64, 'base64'), mimetype: cmd.mimetype };
      if (cmd.caption) content.caption = cmd.caption;
      if (cmd.fileName) content.fileName = cmd.fileName;
      if (cmd.width) content.width = cmd.width;
      if (cmd.height) content.height = cmd.height;
      if (cmd.kind === 'image' || cmd.kind === 'video') content.jpegThumbnail = Buffer.alloc(0);
      if (cmd.viewOnce) content.viewOnce = true;
      const sent = await sock.sendMessage(cmd.to, content,
        cmd.ephemeralExpiration ? { ephemeralExpiration: cmd.ephemeralExpiration } : undefined);
      emit({ event: 'sent', id: sent?.key?.id, to: cmd.to });
    } catch (e) { emit({ event: 'error', message: 'send-media: ' + String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'group') {
    if (typeof cmd.op !== 'string' || !/^(group|community)/.test(cmd.op) || typeof sock[cmd.op] !== 'function') {
      return emit({ event: 'group-error', op: cmd.op, ref: cmd.ref, status: 0, message: 'unknown group function' });
    }
    try {
      const result = await sock[cmd.op](...(cmd.args ?? []));
      const shown = Array.isArray(result) ? result.map(({ status, jid }) => ({ status, jid }))
        : result && result.participants ? summary(result) : (result ?? null);
      emit({ event: 'group-result', op: cmd.op, ref: cmd.ref, result: shown });
    } catch (e) {
      emit({ event: 'group-error', op: cmd.op, ref: cmd.ref, status: e?.output?.statusCode ?? e?.data?.attrs?.code ?? 0, message: String(e?.message ?? e) });
    }
    return;
  }
  if (cmd.cmd === 'chat-modify') {
    try { await sock.chatModify(cmd.mod, cmd.jid); emit({ event: 'chat-modified', ref: cmd.ref }); }
    catch (e) { emit({ event: 'chat-modify-error', ref: cmd.ref, message: String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'sock') {
    if (!SOCK_OPS.has(cmd.op)) {
      return emit({ event: 'sock-error', op: cmd.op, ref: cmd.ref, status: 0, message: 'unknown sock function' });
    }
    const args = (cmd.args ?? []).map((a) => (a && typeof a === 'object' && a.$base64 !== undefined ? Buffer.from(a.$base64, 'base64') : a));
    try {
      const result = await sock[cmd.op](...args);
      emit({ event: 'sock-result', op: cmd.op, ref: cmd.ref, result: result ?? null });
    } catch (e) {
      // an IQ error arrives as a Boom whose data is the server's error code
      const status = typeof e?.data === 'number' ? e.data : (e?.output?.statusCode ?? 0);
      emit({ event: 'sock-error', op: cmd.op, ref: cmd.ref, status, message: String(e?.message ?? e) });
    }
    return;
  }
  if (cmd.cmd === 'set-name') {
    sock.ev.emit('creds.update', { me: { ...state.creds.me, name: cmd.name } });
    emit({ event: 'name-set', name: cmd.name });
    return;
  }
  if (cmd.cmd === 'read') {
    try { await sock.readMessages([cmd.key]); emit({ event: 'read-sent', id: cmd.key.id }); }
    catch (e) { emit({ event: 'error', message: 'read: ' + String(e?.stack ?? e) }); }
    return;
  }
  if (cmd.cmd === 'stop') {
    stopping = true;
    await pendingSave;
    sock?.end(undefined);
    emit({ event: 'stopped' });
    process.exit(0);
  }
}).on('close', () => process.exit(0));

connect();
