import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createApp } from '../src/app.js';
import { createMemoryAuthStore } from '../src/auth/memory-auth-state.js';
import { createRedisAuthStore } from '../src/auth/redis-auth-state.js';
import { loadConfig } from '../src/config.js';
import { contactOfKey, userOfJid, userOfSender, validateErasure } from '../src/erasure.js';
import { createFakeWhatsApp } from '../src/fake-socket.js';
import { createRedisOutbox } from '../src/outbox.js';
import { sign, verify } from '../src/signature.js';
import { captureLogger, fixtures } from './support.js';

const PHONE = '5511987654321';
const PHONE_WITHOUT_NINTH = '551187654321';
const LID = '99887766554433';
const OTHER = '5521912345678';

async function eventually(check, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const inbound = (remoteJid, id, text) => ({ key: { remoteJid, id, fromMe: false }, message: { conversation: text }, messageTimestamp: 1795631400 });

describe('POST /erasures: the sidecar forgets an erased person (outbox and signal keys in Redis)', () => {
  const prefix = `wareg-test:${randomUUID()}:`;
  let redis;
  let app;
  let base;
  let logger;
  let java;
  let javaAnswer = 503;
  const received = [];

  before(async () => {
    redis = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await redis.connect();
    // What Baileys would have stored about the person (both sides of the phone↔LID mapping, sessions of both,
    // the device list), about someone else, and the bot's own keys.
    const json = (value) => JSON.stringify(value);
    await redis.mSet({
      [`${prefix}session:${PHONE}.0`]: json({ session: 'theirs' }),
      [`${prefix}session:${LID}_1.0`]: json({ session: 'theirs' }),
      [`${prefix}identity-key:${PHONE}.0`]: json({ key: 'theirs' }),
      [`${prefix}device-list:${PHONE}`]: json(['0']),
      [`${prefix}lid-mapping:${PHONE}`]: json(LID),
      [`${prefix}lid-mapping:${LID}_reverse`]: json(PHONE),
      [`${prefix}session:${OTHER}.0`]: json({ session: 'other' }),
      [`${prefix}pre-key:1`]: json({ key: 'bot' }),
      [`${prefix}app-state-sync-key:AAAA`]: json({ key: 'bot' }),
    });
    java = createServer(async (request, response) => {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const raw = Buffer.concat(chunks);
      if (!verify(raw, request.headers['x-wareg-signature-256'], 'secret')) return response.writeHead(401).end();
      if (javaAnswer !== 200) return response.writeHead(javaAnswer).end();
      received.push(JSON.parse(raw));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
    await new Promise((resolve) => java.listen(0, '127.0.0.1', resolve));
    logger = captureLogger();
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 'secret', WAREG_CHANNEL_URL: `http://127.0.0.1:${java.address().port}`, WHATSAPP_WEB_FAKE: 'true', PORT: '0', WHATSAPP_WEB_TYPING_MS: '0', WHATSAPP_WEB_STOP_DRAIN_MS: '100' });
    const fakeWhatsApp = createFakeWhatsApp();
    app = createApp({
      config,
      socketFactory: () => fakeWhatsApp.socketFactory(),
      auth: createRedisAuthStore(redis, { prefix }),
      outbox: createRedisOutbox(redis, { prefix }),
      logger,
      fakeWhatsApp,
      sleep: () => new Promise((resolve) => setTimeout(resolve, 10)),
    });
    await app.start();
    base = `http://127.0.0.1:${app.server.address().port}`;
    await eventually(async () => (await fetch(`${base}/health`)).status === 200);
  });

  after(async () => {
    await app.stop();
    java.closeAllConnections();
    await new Promise((resolve) => java.close(resolve));
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*` })) for (const key of [].concat(batch)) await redis.del(key);
    await redis.quit();
  });

  const post = (path, body, secret = 'secret') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wareg-signature-256': sign(body, secret) }, body });

  /** Every key and value under the prefix, as text. */
  async function everything() {
    const texts = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*` })) {
      for (const key of [].concat(batch)) {
        texts.push(key);
        texts.push(...((await redis.type(key)) === 'list' ? await redis.lRange(key, 0, -1) : [await redis.get(key)]));
      }
    }
    return texts;
  }

  it('removes their outbox entries (both phone forms, and the LID the mapping names), their queued messages, signal keys and sent replies, and nobody else\'s', async () => {
    // The Java side is down: what they wrote waits in the outbox and the forwarder's queue.
    const fake = (message) => fetch(`${base}/fake/inbound`, { method: 'POST', body: JSON.stringify(message) });
    await fake(inbound(`${PHONE}@s.whatsapp.net`, '3EB0ERASE1', 'meu cpf é 123.456.789-09'));
    await fake(inbound(`${PHONE_WITHOUT_NINTH}@s.whatsapp.net`, '3EB0ERASE2', 'rua das acácias 77'));
    await fake(inbound(`${LID}@lid`, '3EB0ERASE3', 'ana.souza@example.com'));
    await fake(inbound(`${OTHER}@s.whatsapp.net`, '3EB0OTHER1', 'oi'));
    await eventually(async () => (await redis.lLen(`${prefix}outbox`)) === 4);
    const reply = JSON.stringify({ id: randomUUID(), to: `+${PHONE}`, text: 'Confira seus dados: Ana Souza' });
    assert.equal((await post('/messages', reply)).status, 200);

    const answer = await post('/erasures', JSON.stringify({ id: randomUUID(), senders: [`+${PHONE}`, `+${PHONE_WITHOUT_NINTH}`] }));
    assert.equal(answer.status, 200);
    const { forgotten } = await answer.json();
    assert.deepEqual(forgotten, { messages: 3, keys: 6, recentKeys: 3, sentMessages: 0, paces: 1, fakeSent: 1 });

    const left = (await redis.lRange(`${prefix}outbox`, 0, -1)).map((raw) => JSON.parse(raw).messageId);
    assert.deepEqual(left, ['3EB0OTHER1']);
    for (const kept of [`session:${OTHER}.0`, 'pre-key:1', 'app-state-sync-key:AAAA']) assert.ok(await redis.exists(`${prefix}${kept}`), kept);
    for (const text of await everything()) {
      for (const value of [PHONE, PHONE_WITHOUT_NINTH, LID, '123.456.789-09', 'acácias', 'ana.souza']) assert.ok(!text?.includes(value), `${value} in ${text}`);
    }
    assert.deepEqual(await (await fetch(`${base}/fake/sent`)).json(), []);

    // The Java side is back: only the other person's message reaches it.
    javaAnswer = 200;
    await eventually(() => received.length === 1);
    await app.forwarder.drained();
    assert.deepEqual(received.map((message) => message.messageId), ['3EB0OTHER1']);
    assert.equal(await redis.lLen(`${prefix}outbox`), 0);

    const line = logger.lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'erasure.forgotten');
    assert.equal(line.messages, 3);
    assert.ok(logger.lines.every((text) => !text.includes(PHONE) && !text.includes(PHONE_WITHOUT_NINTH) && !text.includes(LID)));
  });

  it('refuses an unsigned or wrongly signed erasure with 401 and a body of another shape with 400, forgetting nothing', async () => {
    const body = JSON.stringify({ id: randomUUID(), senders: [`+${OTHER}`] });
    assert.equal((await post('/erasures', body, 'wrong')).status, 401);
    assert.equal((await fetch(`${base}/erasures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status, 401);
    for (const bad of ['{}', '{"id":"1","senders":[]}', '{"id":"1","senders":["5521912345678"]}', '{"senders":["+5521912345678"]}']) {
      assert.equal((await post('/erasures', bad)).status, 400, bad);
    }
    assert.ok(await redis.exists(`${prefix}session:${OTHER}.0`));
  });
});

describe('who a sender, a JID or a signal key names', () => {
  it('reads the user part of the contract\'s senders and of JIDs', () => {
    assert.equal(userOfSender(`+${PHONE}`), PHONE);
    assert.equal(userOfSender(`${LID}@lid`), LID);
    assert.equal(userOfSender(PHONE), undefined);
    assert.equal(userOfJid(`${PHONE}:12@s.whatsapp.net`), PHONE);
    assert.equal(userOfJid(`${LID}@lid`), LID);
    assert.equal(userOfJid(undefined), undefined);
  });

  it('names a contact for the per-contact key types only, never for the bot\'s own keys', () => {
    assert.equal(contactOfKey('session', `${PHONE}.0`), PHONE);
    assert.equal(contactOfKey('session', `${LID}_1.3`), LID);
    assert.equal(contactOfKey('lid-mapping', `${LID}_reverse`), LID);
    assert.equal(contactOfKey('device-list', PHONE), PHONE);
    assert.equal(contactOfKey('pre-key', '12'), undefined);
    assert.equal(contactOfKey('sender-key', `120363@g.us::${PHONE}::0`), undefined);
  });

  it('validates the body; the contract\'s erasure fixtures are valid', () => {
    for (const [name, json] of Object.entries(fixtures('erasures'))) assert.equal(validateErasure(JSON.parse(json)), undefined, name);
    assert.equal(validateErasure({ id: 'e1', senders: [`+${PHONE}`, `${LID}@lid`] }), undefined);
    assert.match(validateErasure({ id: 'e1', senders: [`${PHONE}@s.whatsapp.net`] }), /senders/);
  });

  it('the memory auth store forgets the same keys', async () => {
    const store = createMemoryAuthStore();
    const { state } = await store.load();
    await state.keys.set({ session: { [`${PHONE}.0`]: { s: 1 }, [`${OTHER}.0`]: { s: 2 } }, 'lid-mapping': { [PHONE]: LID }, 'pre-key': { 1: { k: 1 } } });
    await state.keys.set({ session: { [`${LID}_1.0`]: { s: 3 } } });
    assert.equal(await store.forgetContacts(new Set([PHONE])), 3);
    assert.deepEqual(Object.keys(await state.keys.get('session', [`${PHONE}.0`, `${OTHER}.0`, `${LID}_1.0`])), [`${OTHER}.0`]);
    assert.deepEqual(Object.keys(await state.keys.get('pre-key', ['1'])), ['1']);
  });
});
