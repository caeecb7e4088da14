import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createForwarder } from '../src/forwarder.js';
import { createRedisOutbox } from '../src/outbox.js';
import { captureLogger, fixtures } from './support.js';

const message = JSON.parse(fixtures('inbound').text);
const from = (sender, messageId) => ({ ...message, sender, messageId });
const OTHER_SENDER = '+5521912345678';
const shortSleep = () => new Promise((resolve) => setTimeout(resolve, 5));

async function eventually(check, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Against the real Redis (REDIS_URL, else 127.0.0.1:6379), each test under a key prefix of its own, removed at
// the end. A local HTTP server plays the Java channel: `answer(body)` decides each status ('hang' never answers).
describe('the forward outbox in Redis', () => {
  const prefixes = [];
  let client;
  let server;
  let url;
  let answer;
  let received;
  let outboxAtRequest;
  let prefix;

  before(async () => {
    client = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await client.connect();
    server = createServer(async (request, response) => {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const body = JSON.parse(Buffer.concat(chunks));
      // What the outbox held when the post arrived: the message must already be there.
      outboxAtRequest.push(await client.lRange(`${prefix}outbox`, 0, -1));
      const status = answer(body);
      received.push({ messageId: body.messageId, status });
      if (status === 'hang') return;
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    for (const used of prefixes) await client.del(`${used}outbox`);
    await client.quit();
  });

  beforeEach(() => {
    prefix = `wareg-test:${randomUUID()}:`;
    prefixes.push(prefix);
    answer = () => 200;
    received = [];
    outboxAtRequest = [];
  });

  const held = async () => (await client.lRange(`${prefix}outbox`, 0, -1)).map((raw) => JSON.parse(raw).messageId);

  /** One run of the sidecar's forwarder: a new outbox object on the same key, as after a restart. */
  function run(logger = captureLogger(), options = {}) {
    return createForwarder({ channelUrl: url, secret: 'secret', logger, outbox: createRedisOutbox(client, { prefix }), sleep: shortSleep, random: () => 0, baseMs: 10, capMs: 20, ...options });
  }

  const accepted = () => received.filter((r) => r.status === 200).map((r) => r.messageId);

  it('writes a message before posting it and removes it once accepted', async () => {
    assert.equal(await run().forward(message), 'accepted');
    assert.deepEqual(outboxAtRequest, [[JSON.stringify(message)]]);
    assert.deepEqual(await held(), []);
  });

  it('keeps a message the Java side did not take through a restart, and the next run delivers it', async () => {
    answer = () => 503;
    const first = run();
    const forwarding = first.forward(message);
    await eventually(() => received.length >= 2);
    assert.deepEqual(await first.close({ drainMs: 20 }), { left: 1 });
    assert.equal(await forwarding, 'stopped');
    assert.deepEqual(await held(), [message.messageId]);

    answer = () => 200;
    const logger = captureLogger();
    const second = run(logger);
    await second.resume();
    assert.deepEqual(accepted(), [message.messageId]);
    assert.deepEqual(await held(), []);
    assert.ok(logger.lines.some((line) => line.includes('"forwarder.resumed"') && line.includes('"pending":1')));
  });

  it('keeps the order across a restart: what was left goes out before what arrives after the start, per sender too', async () => {
    answer = () => 503;
    const first = run();
    const left = [from(message.sender, 'A1'), from(OTHER_SENDER, 'B1'), from(message.sender, 'A2')];
    const results = left.map((m) => first.forward(m));
    await eventually(() => received.length >= 2);
    assert.deepEqual(await first.close({ drainMs: 20 }), { left: 3 });
    assert.deepEqual(await Promise.all(results), ['stopped', 'stopped', 'stopped']);
    assert.deepEqual(await held(), ['A1', 'B1', 'A2']);

    answer = (body) => (body.messageId === 'B1' && !received.some((r) => r.messageId === 'B1') ? 503 : 200);
    const second = run();
    second.resume();
    const arrived = second.forward(from(message.sender, 'A3'));
    assert.equal(await arrived, 'accepted');
    await second.drained();
    assert.deepEqual(accepted(), ['A1', 'B1', 'A2', 'A3']);
    assert.deepEqual(await held(), []);
  });

  for (const status of [400, 401]) {
    it(`removes a message refused with ${status} without retrying it`, async () => {
      answer = () => status;
      const forwarder = run();
      assert.equal(await forwarder.forward(message), 'rejected');
      assert.equal(received.length, 1);
      assert.equal(forwarder.counts.retries, 0);
      assert.deepEqual(await held(), []);
    });
  }

  it('a stop drains what it can within the bound: a message accepted on a retry is delivered before it returns', async () => {
    let posts = 0;
    answer = () => (++posts === 1 ? 503 : 200);
    const forwarder = run(captureLogger(), { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), baseMs: 100, capMs: 100 });
    const forwarding = forwarder.forward(message);
    await eventually(() => received.length === 1);
    const started = Date.now();
    assert.deepEqual(await forwarder.close({ drainMs: 3000 }), { left: 0 });
    assert.ok(Date.now() - started < 2000);
    assert.equal(await forwarding, 'accepted');
    assert.deepEqual(await held(), []);
  });

  it('a stop does not wait longer than its bound for a Java side that is down or never answers, and leaves the rest in Redis', async () => {
    for (const down of [() => 503, () => 'hang']) {
      answer = down;
      received = [];
      const logger = captureLogger();
      // A backoff far longer than the bound: the stop must cut it short, and abort a post in flight.
      const forwarder = run(logger, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()), baseMs: 60_000, capMs: 60_000 });
      const results = [forwarder.forward(from(message.sender, 'C1')), forwarder.forward(from(message.sender, 'C2'))];
      await eventually(() => received.length >= 1);
      const started = Date.now();
      assert.deepEqual(await forwarder.close({ drainMs: 200 }), { left: 2 });
      assert.ok(Date.now() - started < 1500, `stopped after ${Date.now() - started} ms`);
      assert.deepEqual(await Promise.all(results), ['stopped', 'stopped']);
      assert.equal(received.length, 1);
      assert.deepEqual(await held(), ['C1', 'C2']);
      const stopped = JSON.parse(logger.lines.find((line) => line.includes('"forwarder.stopped"')));
      assert.deepEqual([stopped.left, stopped.durable], [2, true]);
      assert.ok(!logger.events().includes('inbound.unforwarded'));
      assert.ok(logger.lines.every((line) => !line.includes(message.text) && !line.includes(message.sender.slice(1))));
      await client.del(`${prefix}outbox`);
    }
  });

  it('an unreadable entry is removed, not posted', async () => {
    await client.rPush(`${prefix}outbox`, ['not json', JSON.stringify(message)]);
    const logger = captureLogger();
    await run(logger).resume();
    assert.deepEqual(accepted(), [message.messageId]);
    assert.deepEqual(await held(), []);
    assert.ok(logger.events().includes('outbox.unreadable'));
  });
});

describe('the in-memory queue (file auth state, fake mode)', () => {
  it('says at start that it is not durable, and at a stop which messages it lost, by id only', async () => {
    const logger = captureLogger();
    const forwarder = createForwarder({ channelUrl: 'http://127.0.0.1:9', secret: 'secret', logger, sleep: () => new Promise(() => {}), random: () => 0 });
    await forwarder.resume();
    assert.ok(logger.events().includes('forwarder.memory-queue'));
    const forwarding = forwarder.forward(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(await forwarder.close({ drainMs: 20 }), { left: 1 });
    assert.equal(await forwarding, 'stopped');
    const lost = logger.lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'inbound.unforwarded');
    assert.equal(lost.messageId, message.messageId);
    assert.ok(logger.lines.every((line) => !line.includes(message.text) && !line.includes(message.sender.slice(1))));
  });
});
