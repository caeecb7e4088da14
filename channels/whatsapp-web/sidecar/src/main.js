import makeWASocket, { Browsers, makeCacheableSignalKeyStore } from 'baileys';
import { createApp } from './app.js';
import { createFileAuthStore } from './auth/file-auth-state.js';
import { createMemoryAuthStore } from './auth/memory-auth-state.js';
import { createRedisAuthStore } from './auth/redis-auth-state.js';
import { createValueCipher } from './auth/sealed-values.js';
import { loadConfig } from './config.js';
import { createFakeWhatsApp } from './fake-socket.js';
import { createRedisOutbox } from './outbox.js';
import { baileysLogger, createLogger } from './log.js';
import { SentMessages } from './sent-messages.js';

const logger = createLogger({ level: process.env.LOG_LEVEL || 'info' });

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  logger.fatal('sidecar.bad-config', { detail: error.message });
  process.exit(2);
}

let redis;
let auth;
let outbox;
let socketFactory;
let fakeWhatsApp;
const sentMessages = new SentMessages();
if (config.fake) {
  // The test fake (docs/channels.md): no WhatsApp, a socket that is connected at once, and /fake/* routes.
  fakeWhatsApp = createFakeWhatsApp();
  auth = createMemoryAuthStore();
  socketFactory = () => fakeWhatsApp.socketFactory();
  logger.warn('sidecar.fake-mode');
} else {
  if (config.auth === 'redis') {
    const { createClient } = await import('@redis/client');
    // The password apart from the URL, so that it need not be URL-encoded (and is not logged with it).
    redis = createClient({ url: config.redisUrl, password: config.redisPassword });
    redis.on('error', (error) => logger.error('redis.error', { error: error.name }));
    await redis.connect();
    auth = createRedisAuthStore(redis, { prefix: config.redisPrefix, cipher: createValueCipher(config.authKey) });
    // Before the session opens: what a sidecar without WHATSAPP_WEB_AUTH_KEY stored in clear is sealed now.
    const sealed = await auth.sealPlainValues();
    if (sealed > 0) logger.warn('auth.sealed-plain-values', { count: sealed });
    outbox = createRedisOutbox(redis, { prefix: config.redisPrefix });
  } else {
    auth = createFileAuthStore(config.authFolder);
  }
  const wsLogger = baileysLogger(logger, config.baileysLogLevel);
  socketFactory = ({ auth: state }) =>
    makeWASocket({
      auth: { creds: state.creds, keys: makeCacheableSignalKeyStore(state.keys, wsLogger) },
      logger: wsLogger,
      browser: Browsers.ubuntu('Chrome'),
      // A bot: it must not mark the account online (the phone would stop notifying) nor pull the history.
      markOnlineOnConnect: false,
      syncFullHistory: false,
      getMessage: async (key) => sentMessages.get(key),
    });
}

// Without an outbox (file auth, fake mode) the forwarder queues in memory, and says so at start.
const app = createApp({ config, socketFactory, auth, outbox, logger, fakeWhatsApp, sentMessages });
await app.start();

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info('sidecar.stopping', { signal });
    await app.stop().catch((error) => logger.error('sidecar.stop-failed', { error: error.name }));
    // QUIT waits for the outbox's last removals; a Redis that is gone must not hold the exit.
    await Promise.race([redis?.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    process.exit(0);
  });
}
