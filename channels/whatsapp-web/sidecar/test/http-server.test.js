import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createFakeSocket } from '../src/fake-socket.js';
import { createHttpServer } from '../src/http-server.js';
import { createIdempotency } from '../src/idempotency.js';
import { createOutbound } from '../src/outbound.js';
import { createRateLimiter } from '../src/rate-limit.js';
import { sign } from '../src/signature.js';
import { captureLogger, fixtures } from './support.js';

describe('HTTP: /messages, /status, /health', () => {
  let server;
  let base;
  let status;
  let sock;

  const session = {
    status: () => ({ ...status }),
    openSocket: () => (status.state === 'open' ? sock : undefined),
  };

  before(async () => {
    const logger = captureLogger();
    const outbound = createOutbound({ session, limiter: createRateLimiter({}), idempotency: createIdempotency(), logger, typingMs: 0 });
    server = createHttpServer({ secret: 'secret', session, outbound, logger });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    sock = createFakeSocket();
    status = { state: 'open', me: '5500000000000:1@s.whatsapp.net', qr: null, pairingCode: null, lastDisconnect: null };
  });

  const post = (body, { signature = sign(body, 'secret'), type = 'application/json' } = {}) =>
    fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': type, ...(signature ? { 'x-wareg-signature-256': signature } : {}) }, body });

  for (const [name, json] of Object.entries(fixtures('outbound'))) {
    it(`accepts the signed ${name} fixture`, async () => {
      const response = await post(json);
      assert.equal(response.status, 200);
      assert.match((await response.json()).messageId, /^FAKE/);
      assert.equal(sock.sent.length, 1);
    });
  }

  it('refuses a missing, forged or tampered signature with 401, sending nothing', async () => {
    const json = fixtures('outbound').text;
    const tampered = json.replace('Qual', 'Quel');
    for (const response of [await post(json, { signature: null }), await post(json, { signature: sign(json, 'wrong') }), await post(tampered, { signature: sign(json, 'secret') })]) {
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
    }
    assert.equal(sock.sent.length, 0);
  });

  it('400 for signed JSON of another shape, 415 for another media type', async () => {
    assert.equal((await post('{"hello":1}')).status, 400);
    assert.equal((await post('not json')).status, 400);
    assert.equal((await post('{"id":"1"}', { type: 'text/plain' })).status, 415);
  });

  it('503 with the state while not connected', async () => {
    status.state = 'pairing';
    const response = await post(JSON.stringify({ ...JSON.parse(fixtures('outbound').text), id: 'not-yet-sent' }));
    assert.deepEqual([response.status, await response.json()], [503, { state: 'pairing' }]);
  });

  it('/status is JSON for programs', async () => {
    Object.assign(status, { state: 'pairing', me: null, qr: '2@abc', lastDisconnect: { reason: 'loggedOut', statusCode: 401, at: '2026-11-25T18:30:00.000Z' } });
    const response = await fetch(`${base}/status`, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { state: 'pairing', me: null, qr: '2@abc', pairingCode: null, lastDisconnect: { reason: 'loggedOut', statusCode: 401, at: '2026-11-25T18:30:00.000Z' } });
  });

  it('/status is a page with the QR as an image for browsers', async () => {
    Object.assign(status, { state: 'pairing', qr: '2@abc', pairingCode: 'ABCD1234' });
    const response = await fetch(`${base}/status`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    assert.match(response.headers.get('content-type'), /^text\/html/);
    const page = await response.text();
    assert.match(page, /<img [^>]*src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    assert.match(page, /ABCD1234/);
    assert.match(page, /<code id="state">pairing<\/code>/);
  });

  it('/status page without a QR once connected', async () => {
    const page = await (await fetch(`${base}/status`, { headers: { accept: 'text/html' } })).text();
    assert.doesNotMatch(page, /<img/);
    assert.match(page, /Connected/);
  });

  it('/health is UP only while connected', async () => {
    const up = await fetch(`${base}/health`);
    assert.deepEqual([up.status, await up.json()], [200, { status: 'UP' }]);
    for (const state of ['connecting', 'pairing', 'reconnecting', 'logged-out', 'replaced']) {
      status.state = state;
      const down = await fetch(`${base}/health`);
      assert.deepEqual([down.status, await down.json()], [503, { status: 'DOWN', state }]);
    }
  });

  it('has no test-control routes outside the fake mode', async () => {
    assert.equal((await fetch(`${base}/fake/sent`)).status, 404);
    assert.equal((await fetch(`${base}/fake/inbound`, { method: 'POST', body: '{}' })).status, 404);
  });
});

describe('HTTP: /status behind WHATSAPP_WEB_STATUS_TOKEN', () => {
  let server;
  let base;
  let logger;
  const session = { status: () => ({ state: 'pairing', me: null, qr: 'QR-DATA', pairingCode: 'ABCD-EFGH', lastDisconnect: null }) };

  before(async () => {
    logger = captureLogger();
    server = createHttpServer({ secret: 'secret', statusToken: 'the-token', session, outbound: {}, logger });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const status = (authorization) => fetch(`${base}/status`, { headers: authorization ? { authorization } : {} });
  const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('refuses the QR and the pairing code without the token, or with another, asking the browser for it', async () => {
    for (const authorization of [undefined, 'Bearer wrong', basic('admin', 'wrong'), 'Bearer', 'Digest the-token']) {
      const response = await status(authorization);
      assert.equal(response.status, 401, String(authorization));
      assert.match(response.headers.get('www-authenticate'), /^Basic realm=/);
      const body = await response.text();
      assert.doesNotMatch(body, /QR-DATA|ABCD-EFGH/);
    }
  });

  it('shows the status with the token as a bearer token or as the Basic password of any user', async () => {
    for (const authorization of ['Bearer the-token', basic('admin', 'the-token'), basic('', 'the-token')]) {
      const response = await status(authorization);
      assert.equal(response.status, 200, authorization);
      assert.equal((await response.json()).pairingCode, 'ABCD-EFGH');
    }
  });

  it('keeps /health open: it tells only the state', async () => {
    const response = await fetch(`${base}/health`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'DOWN', state: 'pairing' });
  });
});
