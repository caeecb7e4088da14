import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createForwarder } from '../src/forwarder.js';
import { verify } from '../src/signature.js';
import { captureLogger, fixtures } from './support.js';

// A local HTTP server plays the Java channel; each test scripts its answers.
describe('forwarder to the Java channel', () => {
  let server;
  let url;
  let answers;
  let received;

  before(async () => {
    server = createServer(async (request, response) => {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const raw = Buffer.concat(chunks);
      received.push({ path: request.url, method: request.method, type: request.headers['content-type'], signed: verify(raw, request.headers['x-wareg-signature-256'], 'secret'), body: JSON.parse(raw) });
      const status = answers.shift() ?? 200;
      if (status === 'drop') return request.socket.destroy();
      response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"status":"accepted"}' : '{"title":"no"}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    answers = [];
    received = [];
  });

  function forwarder(logger = captureLogger(), sleeps = []) {
    return createForwarder({ channelUrl: url, secret: 'secret', logger, sleep: async (ms) => sleeps.push(ms), random: () => 0, baseMs: 100, capMs: 400 });
  }
  const message = JSON.parse(fixtures('inbound').text);

  it('posts the message, signed, to /whatsapp-web/messages', async () => {
    assert.equal(await forwarder().forward(message), 'accepted');
    assert.deepEqual(received, [{ path: '/whatsapp-web/messages', method: 'POST', type: 'application/json', signed: true, body: message }]);
  });

  it('retries 5xx, 429, 413 and dropped connections with capped exponential backoff until accepted', async () => {
    answers = [503, 500, 'drop', 429, 413, 200];
    const sleeps = [];
    const logger = captureLogger();
    const forwarding = forwarder(logger, sleeps);
    assert.equal(await forwarding.forward(message), 'accepted');
    assert.equal(received.length, 6);
    assert.ok(received.every((r) => r.signed));
    assert.deepEqual(sleeps, [50, 100, 200, 200, 200]);
    assert.equal(forwarding.counts.retries, 5);
  });

  for (const status of [400, 401]) {
    it(`does not retry a ${status}: logs it without the body and counts it`, async () => {
      answers = [status];
      const logger = captureLogger();
      const forwarding = forwarder(logger);
      assert.equal(await forwarding.forward(message), 'rejected');
      assert.equal(received.length, 1);
      assert.equal(forwarding.counts.rejected, 1);
      const line = logger.lines.find((l) => JSON.parse(l).msg === 'inbound.rejected');
      assert.deepEqual(JSON.parse(line), { ...JSON.parse(line), status, messageId: message.messageId });
      assert.ok(!line.includes(message.text) && !line.includes(message.sender.slice(1)));
    });
  }

  it('keeps the order of messages while one is retried', async () => {
    answers = [503, 200, 200];
    const forwarding = forwarder();
    const second = { ...message, messageId: 'SECOND' };
    await Promise.all([forwarding.forward(message), forwarding.forward(second)]);
    assert.deepEqual(received.map((r) => r.body.messageId), [message.messageId, message.messageId, 'SECOND']);
  });

  it('a channel URL with a path keeps it', async () => {
    const forwarding = createForwarder({ channelUrl: `${url}/base`, secret: 'secret', logger: captureLogger() });
    await forwarding.forward(message);
    assert.equal(received[0].path, '/base/whatsapp-web/messages');
  });
});
