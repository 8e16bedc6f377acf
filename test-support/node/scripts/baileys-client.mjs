// An UNMODIFIED Baileys client for the simulator tests, driven over stdin/stdout with one JSON object per line.
// Usage: node baileys-client.mjs --url ws://127.0.0.1:PORT/ws/chat --root <base64 root key> --auth <dir> [--pair-code <phone>]
// With --pair-code the client asks for a pair code (requestPairingCode) once the first QR shows and prints it.
// The only configuration beyond makeWASocket options: the simulator's certificate root replaces WhatsApp's in
// Baileys' exported WA_CERT_DETAILS (the Noise handshake checks the chain against it), as trusting a test CA would.
// Events (stdout): {"event":"qr","qr"}, {"event":"pair-code","code"}, {"event":"pair-success","jid","lid"}, {"event":"restart","code"},
//   {"event":"open","jid","lid"}, {"event":"close","code"}, {"event":"stopped"}, {"event":"error","message"}.
// Commands (stdin): {"cmd":"stop"} saves the auth state, closes the socket and exits 0;
//   {"cmd":"logout"} unlinks this device (Baileys' logout: remove-companion-device), then reports close.
import { createInterface } from 'node:readline';
import pino from 'pino';
import makeWASocket, { useMultiFileAuthState, DisconnectReason } from '@whiskeysockets/baileys';
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

function connect() {
  sock = makeWASocket({
    waWebSocketUrl: args.url,
    auth: state,
    logger,
    printQRInTerminal: false,
    markOnlineOnConnect: false,
    syncFullHistory: false,
  });
  sock.ev.on('creds.update', (update) => { pendingSave = pendingSave.then(() => saveCreds(update)); });
  sock.ev.on('connection.update', ({ connection, qr, lastDisconnect, isNewLogin }) => {
    if (qr) emit({ event: 'qr', qr });
    if (qr && args['pair-code'] && !codeRequested) {
      codeRequested = true;
      sock.requestPairingCode(args['pair-code'])
        .then((code) => emit({ event: 'pair-code', code }))
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

createInterface({ input: process.stdin }).on('line', async (line) => {
  let cmd;
  try { cmd = JSON.parse(line); } catch { return emit({ event: 'error', message: 'not JSON: ' + line }); }
  if (cmd.cmd === 'logout') {
    try { await sock.logout(); } catch (e) { emit({ event: 'error', message: String(e) }); }
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
