import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../src/app.js';
import { createMemoryAuthStore } from '../src/auth/memory-auth-state.js';
import { loadConfig } from '../src/config.js';
import { createFakeWhatsApp } from '../src/fake-socket.js';
import { sign, verify } from '../src/signature.js';
import { captureLogger } from './support.js';

const PHONE = '5511987654321';
const INBOUND_TEXT = 'meu email novo é ana.souza@example.com';
const REPLY_TEXT = 'Confirma o e-mail ana.souza@example.com?';

/** A stand-in for the Java channel: keeps what it receives, if signed. */
async function javaChannel() {
  const received = [];
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    if (!verify(raw, request.headers['x-wareg-signature-256'], 'secret')) return response.writeHead(401).end();
    received.push({ path: request.url, body: JSON.parse(raw) });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, received, url: `http://127.0.0.1:${server.address().port}` };
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
});
