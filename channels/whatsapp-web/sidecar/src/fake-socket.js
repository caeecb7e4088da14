import { EventEmitter } from 'node:events';
import { userOfJid } from './erasure.js';

/**
 * A stand-in for Baileys' socket (WASocket) for tests and for the sidecar's fake mode (WHATSAPP_WEB_FAKE=true).
 * It has the members the sidecar uses (ev, user, sendMessage, sendPresenceUpdate, requestPairingCode, end) and
 * emits the event shapes of Baileys 7's BaileysEventMap (lib/Types/Events.d.ts): `connection.update` with
 * Partial<ConnectionState>, `messages.upsert` with {messages: WAMessage[], type}, `creds.update`. Closing errors
 * are Boom-shaped ({output: {statusCode}}), as Baileys' are.
 */
export function createFakeSocket({ id = '5500000000000:1@s.whatsapp.net', sent = [], presences = [], failSend } = {}) {
  const ev = new EventEmitter();
  let user;
  let closed = false;
  let counter = 0;
  return {
    ev,
    get user() {
      return user;
    },
    sent,
    presences,
    async sendMessage(jid, content) {
      if (closed) throw boom('Connection Closed', 428);
      if (failSend) throw failSend;
      sent.push({ jid, text: content.text });
      const messageId = `FAKE${Date.now().toString(16).toUpperCase()}${(++counter).toString(16).toUpperCase()}`;
      return { key: { remoteJid: jid, fromMe: true, id: messageId }, message: { extendedTextMessage: { text: content.text } }, messageTimestamp: Math.floor(Date.now() / 1000) };
    },
    async sendPresenceUpdate(type, jid) {
      presences.push({ type, jid });
    },
    async requestPairingCode() {
      return 'FAKE1234';
    },
    async end(error) {
      if (closed) return;
      closed = true;
      ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
    },
    // What WhatsApp would do, for the tests to drive:
    showQr(qr = '2@fake-qr,fake-noise-key,fake-identity-key,fake-adv-secret') {
      ev.emit('connection.update', { connection: 'connecting', qr });
    },
    open() {
      user = { id, name: 'Fake' };
      ev.emit('creds.update', { me: user });
      ev.emit('connection.update', { connection: 'open' });
    },
    close(statusCode) {
      closed = true;
      ev.emit('connection.update', { connection: 'close', lastDisconnect: { error: boom('Connection Failure', statusCode), date: new Date() } });
    },
    receive(messages, type = 'notify') {
      ev.emit('messages.upsert', { messages: [].concat(messages), type });
    },
  };
}

export function boom(message, statusCode) {
  return Object.assign(new Error(message), { isBoom: true, output: { statusCode, payload: { statusCode, message } } });
}

/**
 * Fake WhatsApp for the sidecar's fake mode: every socket it makes is connected at once, what they send is
 * recorded in one list, and `receive` delivers a message through the current socket.
 */
export function createFakeWhatsApp() {
  const sent = [];
  const presences = [];
  let latest;
  return {
    sent,
    socketFactory() {
      latest = createFakeSocket({ sent, presences });
      const sock = latest;
      setImmediate(() => sock.open());
      return sock;
    },
    /** Drops what was sent to these people (user parts of JIDs), as the real sidecar forgets an erased person. */
    forget(users) {
      const kept = sent.filter(({ jid }) => !users.has(userOfJid(jid)));
      const forgotten = sent.length - kept.length;
      sent.splice(0, sent.length, ...kept);
      return forgotten;
    },
    receive(message) {
      if (!latest) throw new Error('no socket yet');
      latest.receive(message);
    },
  };
}
