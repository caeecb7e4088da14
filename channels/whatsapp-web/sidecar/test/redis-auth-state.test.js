import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { initAuthCreds, proto } from 'baileys';
import { createRedisAuthStore } from '../src/auth/redis-auth-state.js';
import { createValueCipher, isSealed } from '../src/auth/sealed-values.js';

// Against the real Redis (REDIS_URL, else 127.0.0.1:6379), under a key prefix of its own, removed at the end.
describe('Redis auth state', () => {
  const prefix = `wareg-test:${randomUUID()}:`;
  let client;
  let store;

  before(async () => {
    client = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await client.connect();
    store = createRedisAuthStore(client, { prefix });
  });

  after(async () => {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await client.del(keys);
    await client.quit();
  });

  it('starts a new session with fresh credentials', async () => {
    const { state } = await store.load();
    assert.equal(state.creds.registered, false);
    assert.ok(Buffer.isBuffer(state.creds.noiseKey.private));
  });

  it('saves the credentials with their Buffers, and loads them back', async () => {
    const { state, saveCreds } = await store.load();
    state.creds.me = { id: '5500000000000:1@s.whatsapp.net' };
    await saveCreds();
    const { state: loaded } = await store.load();
    assert.equal(loaded.creds.me.id, '5500000000000:1@s.whatsapp.net');
    assert.ok(Buffer.isBuffer(loaded.creds.noiseKey.private));
    assert.deepEqual(loaded.creds.noiseKey.private, state.creds.noiseKey.private);
  });

  it('sets, gets and deletes signal keys of several types', async () => {
    const { state } = await store.load();
    const preKey = initAuthCreds().signedIdentityKey;
    await state.keys.set({
      'pre-key': { 1: preKey, 2: preKey },
      session: { 'a.0': Buffer.from('session-a') },
      'app-state-sync-key': { AAAA: { keyData: Buffer.from('key-data'), timestamp: 42 } },
    });
    const preKeys = await state.keys.get('pre-key', ['1', '2', '3']);
    assert.deepEqual(Object.keys(preKeys).sort(), ['1', '2']);
    assert.deepEqual(preKeys['1'].private, preKey.private);
    assert.deepEqual((await state.keys.get('session', ['a.0']))['a.0'], Buffer.from('session-a'));
    const syncKey = (await state.keys.get('app-state-sync-key', ['AAAA'])).AAAA;
    assert.ok(syncKey instanceof proto.Message.AppStateSyncKeyData);
    assert.deepEqual(Buffer.from(syncKey.keyData), Buffer.from('key-data'));

    await state.keys.set({ 'pre-key': { 1: null }, session: { 'b.0': Buffer.from('session-b') } });
    assert.deepEqual(Object.keys(await state.keys.get('pre-key', ['1', '2'])), ['2']);
    assert.ok((await state.keys.get('session', ['b.0']))['b.0']);
  });

  it('writes a set in one MULTI/EXEC', async () => {
    const { state } = await store.load();
    const commands = [];
    const spying = createRedisAuthStore(
      {
        ...client,
        multi: () => {
          const transaction = client.multi();
          const recorded = { set: (...a) => (commands.push(['set', a[0]]), transaction.set(...a), recorded), del: (...a) => (commands.push(['del', a[0]]), transaction.del(...a), recorded), exec: () => (commands.push(['exec']), transaction.exec()) };
          return recorded;
        },
        get: (...a) => client.get(...a),
      },
      { prefix },
    );
    await (await spying.load()).state.keys.set({ session: { 'c.0': Buffer.from('c'), 'd.0': null }, 'sender-key': { g: Buffer.from('g') } });
    assert.deepEqual(commands, [['set', `${prefix}session:c.0`], ['del', `${prefix}session:d.0`], ['set', `${prefix}sender-key:g`], ['exec']]);
    assert.ok((await state.keys.get('sender-key', ['g'])).g);
  });

  it('clear forgets the session: credentials and keys', async () => {
    const { state, saveCreds } = await store.load();
    state.creds.me = { id: 'someone' };
    await saveCreds();
    await state.keys.set({ session: { 'e.0': Buffer.from('e') } });
    await store.clear();
    const keys = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    assert.deepEqual(keys, []);
    const { state: fresh } = await store.load();
    assert.equal(fresh.creds.me, undefined);
  });

  it('clear keeps the forward outbox: its messages were received and still have to reach the Java side', async () => {
    await client.rPush(`${prefix}outbox`, '{"messageId":"KEPT"}');
    await (await store.load()).state.keys.set({ session: { 'f.0': Buffer.from('f') } });
    await store.clear();
    const keys = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    assert.deepEqual(keys, [`${prefix}outbox`]);
    await client.del(`${prefix}outbox`);
  });
});

// The same store with WHATSAPP_WEB_AUTH_KEY: what Redis holds is sealed, and an earlier store in clear is migrated.
describe('Redis auth state sealed with WHATSAPP_WEB_AUTH_KEY', () => {
  const prefix = `wareg-test:${randomUUID()}:`;
  const cipher = createValueCipher(randomBytes(32));
  let client;

  before(async () => {
    client = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await client.connect();
  });

  after(async () => {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await client.del(keys);
    await client.quit();
  });

  const stored = async () => {
    const values = {};
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) {
      for (const key of batch) if ((await client.type(key)) === 'string') values[key] = await client.get(key);
    }
    return values;
  };

  it('keeps credentials and signal keys sealed in Redis, and loads them back', async () => {
    const store = createRedisAuthStore(client, { prefix, cipher });
    const { state, saveCreds } = await store.load();
    state.creds.me = { id: '5511987654321:1@s.whatsapp.net' };
    await saveCreds();
    await state.keys.set({ session: { 'a.0': Buffer.from('session-a') }, 'lid-mapping': { 5511987654321: '123456789' } });

    const values = await stored();
    assert.equal(Object.keys(values).length, 3);
    for (const value of Object.values(values)) {
      assert.ok(isSealed(value));
      assert.doesNotMatch(value, /5511987654321|123456789|noiseKey|session-a/);
    }
    const { state: loaded } = await store.load();
    assert.equal(loaded.creds.me.id, '5511987654321:1@s.whatsapp.net');
    assert.deepEqual(loaded.creds.noiseKey.private, state.creds.noiseKey.private);
    assert.deepEqual((await loaded.keys.get('session', ['a.0']))['a.0'], Buffer.from('session-a'));
    // The erasure reads the phone↔LID mapping through the same seal.
    assert.equal(await store.forgetContacts(new Set(['5511987654321'])), 1);
  });

  it('refuses a value in clear when it has the key, and a sealed one without it', async () => {
    await client.set(`${prefix}session:planted.0`, JSON.stringify('planted'));
    const keyed = createRedisAuthStore(client, { prefix, cipher });
    await assert.rejects((await keyed.load()).state.keys.get('session', ['planted.0']), /stored in clear/);
    await client.del(`${prefix}session:planted.0`);

    const keyless = createRedisAuthStore(client, { prefix });
    await assert.rejects(keyless.load(), /set WHATSAPP_WEB_AUTH_KEY/);
  });

  it('seals, once, what a sidecar without the key stored in clear, and leaves the forward outbox alone', async () => {
    const migrating = `${prefix}migrating:`;
    const plain = createRedisAuthStore(client, { prefix: migrating });
    const { state, saveCreds } = await plain.load();
    state.creds.me = { id: 'paired-before' };
    await saveCreds();
    await state.keys.set({ 'pre-key': { 7: state.creds.signedIdentityKey } });
    await client.rPush(`${migrating}outbox`, '{"messageId":"KEPT"}');

    const keyed = createRedisAuthStore(client, { prefix: migrating, cipher });
    assert.equal(await keyed.sealPlainValues(), 2);
    assert.equal(await keyed.sealPlainValues(), 0);
    assert.ok(isSealed(await client.get(`${migrating}creds`)));
    assert.deepEqual(await client.lRange(`${migrating}outbox`, 0, -1), ['{"messageId":"KEPT"}']);
    const { state: loaded } = await keyed.load();
    assert.equal(loaded.creds.me.id, 'paired-before');
    assert.deepEqual((await loaded.keys.get('pre-key', ['7']))['7'].private, state.creds.signedIdentityKey.private);
  });
});
