import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { initAuthCreds, proto } from 'baileys';
import { createRedisAuthStore } from '../src/auth/redis-auth-state.js';

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
