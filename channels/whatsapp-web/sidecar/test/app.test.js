import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createApp } from '../src/app.js';
import { createMemoryAuthStore } from '../src/auth/memory-auth-state.js';
import { loadConfig } from '../src/config.js';
import { createFakeWhatsApp } from '../src/fake-socket.js';
import { createRedisOutbox } from '../src/outbox.js';
import { sign, verify } from '../src/signature.js';
import { captureLogger } from './support.js';

const PHONE = '5511987654321';
const INBOUND_TEXT = 'meu email novo é ana.souza@example.com';
const REPLY_TEXT = 'Confirma o e-mail ana.souza@example.com?';

/** A stand-in for the Java channel: keeps what it accepts, if signed; `answer(attempt)` may refuse with a status. */
async function javaChannel(answer = () => 200) {
  const received = [];
  let attempts = 0;
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    if (!verify(raw, request.headers['x-wareg-signature-256'], 'secret')) return response.writeHead(401).end();
    const status = answer(++attempts);
    if (status !== 200) return response.writeHead(status).end();
    received.push({ path: request.url, body: JSON.parse(raw) });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, received, attempts: () => attempts, url: `http://127.0.0.1:${server.address().port}` };
}

async function eventually(check, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const inboundMessage = (id) => ({ key: { remoteJid: `${PHONE}@s.whatsapp.net`, id, fromMe: false }, message: { conversation: INBOUND_TEXT }, messageTimestamp: 1795631400 });

describe('the sidecar in fake mode: a conversation round', () => {
  let java;
  let app;
  let base;
  let logger;

  before(async () => {
    java = await javaChannel();
    logger = captureLogger('debug');
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 'secret', WAREG_CHANNEL_URL: java.url, WHATSAPP_WEB_FAKE: 'true', PORT: '0', WHATSAPP_WEB_TYPING_MS: '10' });
    const fakeWhatsApp = createFakeWhatsApp();
    app = createApp({ config, socketFactory: () => fakeWhatsApp.socketFactory(), auth: createMemoryAuthStore(), logger, fakeWhatsApp });
    await app.start();
    base = `http://127.0.0.1:${app.server.address().port}`;
    await eventually(async () => (await fetch(`${base}/health`)).status === 200);
  });
  after(async () => {
    await app.stop();
    await new Promise((resolve) => java.server.close(resolve));
  });

  it('forwards a received message once (dedupe by key), sends the reply, and logs neither phone nor text', async () => {
    for (let i = 0; i < 2; i++) {
      const emitted = await fetch(`${base}/fake/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inboundMessage('3EB0FAKE0001')) });
      assert.equal(emitted.status, 202);
    }
    await eventually(() => java.received.length >= 1);
    await app.forwarder.drained();
    assert.deepEqual(java.received, [
      { path: '/whatsapp-web/messages', body: { messageId: '3EB0FAKE0001', sender: `+${PHONE}`, timestamp: '2026-11-25T18:30:00Z', type: 'text', text: INBOUND_TEXT } },
    ]);

    const reply = JSON.stringify({ id: '0193a1b2-c3d4-7e5f-8a9b-000000000001', to: `+${PHONE}`, text: REPLY_TEXT });
    const sent = await fetch(`${base}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wareg-signature-256': sign(reply, 'secret') }, body: reply });
    assert.equal(sent.status, 200);
    assert.deepEqual(await (await fetch(`${base}/fake/sent`)).json(), [{ jid: `${PHONE}@s.whatsapp.net`, text: REPLY_TEXT }]);

    assert.ok(logger.events().includes('inbound.duplicate'));
    assert.ok(logger.events().includes('outbound.sent'));
    for (const line of logger.lines) {
      assert.ok(!line.includes(PHONE.slice(2)), `a phone in ${line}`);
      assert.ok(!line.includes('ana.souza') && !line.includes('Confirma') && !line.includes('email novo'), `a text in ${line}`);
      assert.doesNotThrow(() => JSON.parse(line));
    }
  });
});

describe('the sidecar with its outbox in Redis: a restart loses nothing', () => {
  const prefix = `wareg-test:${randomUUID()}:`;
  let redis;

  before(async () => {
    redis = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
    await redis.connect();
  });
  after(async () => {
    await redis.del(`${prefix}outbox`);
    await redis.quit();
  });

  async function sidecar(java, logger) {
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 'secret', WAREG_CHANNEL_URL: java.url, WHATSAPP_WEB_FAKE: 'true', PORT: '0', WHATSAPP_WEB_STOP_DRAIN_MS: '100' });
    const fakeWhatsApp = createFakeWhatsApp();
    const outbox = createRedisOutbox(redis, { prefix });
    const app = createApp({ config, socketFactory: () => fakeWhatsApp.socketFactory(), auth: createMemoryAuthStore(), outbox, logger, fakeWhatsApp, sleep: () => new Promise((resolve) => setTimeout(resolve, 10)) });
    await app.start();
    return { app, base: `http://127.0.0.1:${app.server.address().port}` };
  }

  it('a message received while the Java side is down is kept through the stop and forwarded by the next start', async () => {
    const down = await javaChannel(() => 503);
    const first = await sidecar(down, captureLogger());
    await fetch(`${first.base}/fake/inbound`, { method: 'POST', body: JSON.stringify(inboundMessage('3EB0FAKE0003')) });
    await eventually(() => down.attempts() >= 2);
    assert.deepEqual(await first.app.stop(), { left: 1 });
    await new Promise((resolve) => down.server.close(resolve));
    assert.equal((await redis.lRange(`${prefix}outbox`, 0, -1)).length, 1);

    const up = await javaChannel();
    const logger = captureLogger();
    const second = await sidecar(up, logger);
    try {
      await eventually(() => up.received.length === 1);
      assert.equal(up.received[0].body.messageId, '3EB0FAKE0003');
      await eventually(async () => (await redis.lLen(`${prefix}outbox`)) === 0);
    } finally {
      await second.app.stop();
      await new Promise((resolve) => up.server.close(resolve));
    }
    assert.ok(logger.lines.every((line) => !line.includes(PHONE.slice(2)) && !line.includes('email novo')));
  });
});

describe('node src/main.js', () => {
  it('refuses to start without WHATSAPP_WEB_SECRET', async () => {
    const child = spawn(process.execPath, ['src/main.js'], { env: { PATH: process.env.PATH, WHATSAPP_WEB_FAKE: 'true', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(out, /WHATSAPP_WEB_SECRET is required/);
  });

  it('starts in fake mode with the environment the system test gives it, and stops on SIGTERM', async () => {
    const java = await javaChannel();
    const child = spawn(process.execPath, ['src/main.js'], {
      env: { PATH: process.env.PATH, WHATSAPP_WEB_FAKE: 'true', PORT: '0', WAREG_CHANNEL_URL: java.url, WHATSAPP_WEB_SECRET: 'secret' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      const port = await eventually(() => /"msg":"sidecar.listening","port":(\d+)/.exec(out)?.[1], 15_000);
      const base = `http://127.0.0.1:${port}`;
      await eventually(async () => (await fetch(`${base}/health`)).status === 200);
      await fetch(`${base}/fake/inbound`, { method: 'POST', body: JSON.stringify(inboundMessage('3EB0FAKE0002')) });
      await eventually(() => java.received.length === 1);
      assert.equal(java.received[0].body.sender, `+${PHONE}`);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      await new Promise((resolve) => java.server.close(resolve));
      assert.equal(code, 0);
    }
  });

  /** Starts main.js in fake mode against `java`, posts one inbound message, and sends SIGTERM once it was tried. */
  async function stopWhileForwarding(java, env = {}) {
    const child = spawn(process.execPath, ['src/main.js'], {
      env: { PATH: process.env.PATH, WHATSAPP_WEB_FAKE: 'true', PORT: '0', WAREG_CHANNEL_URL: java.url, WHATSAPP_WEB_SECRET: 'secret', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const exited = once(child, 'exit');
    try {
      const port = await eventually(() => /"msg":"sidecar.listening","port":(\d+)/.exec(out)?.[1], 15_000);
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200);
      await fetch(`http://127.0.0.1:${port}/fake/inbound`, { method: 'POST', body: JSON.stringify(inboundMessage('3EB0FAKE0004')) });
      await eventually(() => java.attempts() >= 1);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    const stopping = Date.now();
    child.kill('SIGTERM');
    const [code] = await exited;
    await new Promise((resolve) => java.server.close(resolve));
    return { code, out, stopMs: Date.now() - stopping, lines: out.trim().split('\n').map((line) => JSON.parse(line)) };
  }

  it('on SIGTERM stops taking messages and drains the forwarder before exiting', async () => {
    const java = await javaChannel((attempt) => (attempt === 1 ? 503 : 200));
    const { code, lines } = await stopWhileForwarding(java);
    assert.equal(code, 0);
    assert.deepEqual(java.received.map((r) => r.body.messageId), ['3EB0FAKE0004']);
    const stopped = lines.find((line) => line.msg === 'forwarder.stopped');
    assert.deepEqual([stopped.left, stopped.durable], [0, false]);
  });

  it('on SIGTERM waits no longer than WHATSAPP_WEB_STOP_DRAIN_MS, and without Redis says which message it lost', async () => {
    const java = await javaChannel(() => 503);
    const { code, lines, out, stopMs } = await stopWhileForwarding(java, { WHATSAPP_WEB_STOP_DRAIN_MS: '300' });
    assert.equal(code, 0);
    assert.ok(stopMs < 3000, `exited ${stopMs} ms after SIGTERM`);
    assert.ok(lines.some((line) => line.msg === 'forwarder.memory-queue'));
    assert.ok(lines.some((line) => line.msg === 'inbound.unforwarded' && line.messageId === '3EB0FAKE0004'));
    assert.ok(!out.includes(PHONE.slice(2)) && !out.includes('email novo'));
  });
});
