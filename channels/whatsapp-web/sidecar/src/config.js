import { parseKey } from './auth/sealed-values.js';

/**
 * The sidecar's settings, from the environment (documented in docs/channels.md, "The sidecar"). Throws on a
 * missing secret: an unsigned sidecar would accept replies from anyone who reaches its port. Throws too when it
 * would listen beyond loopback with no WHATSAPP_WEB_STATUS_TOKEN (whoever reaches /status while it shows a QR can
 * link their own account), and when the session would be kept in Redis without WHATSAPP_WEB_AUTH_KEY to seal it.
 */
export function loadConfig(env = process.env) {
  const secret = env.WHATSAPP_WEB_SECRET;
  if (!secret) throw new Error('WHATSAPP_WEB_SECRET is required: the secret shared with the Java channel for the HMAC signatures');
  const auth = env.WHATSAPP_WEB_AUTH || (env.REDIS_URL ? 'redis' : 'file');
  if (!['redis', 'file'].includes(auth)) throw new Error(`WHATSAPP_WEB_AUTH must be redis or file, not ${auth}`);
  if (auth === 'redis' && !env.REDIS_URL) throw new Error('WHATSAPP_WEB_AUTH=redis needs REDIS_URL');
  const fake = env.WHATSAPP_WEB_FAKE === 'true';
  // The fake mode keeps its session in memory (main.js), so it needs no key.
  if (auth === 'redis' && !fake && !env.WHATSAPP_WEB_AUTH_KEY) {
    throw new Error('WHATSAPP_WEB_AUTH=redis needs WHATSAPP_WEB_AUTH_KEY (openssl rand -hex 32): the key the session is sealed with in Redis');
  }
  const host = env.HOST || '127.0.0.1';
  const statusToken = env.WHATSAPP_WEB_STATUS_TOKEN || undefined;
  if (!isLoopback(host) && !statusToken) {
    throw new Error(`HOST=${host} is beyond loopback: set WHATSAPP_WEB_STATUS_TOKEN, which /status then asks for (it shows the pairing QR)`);
  }
  return {
    host,
    port: integer(env, 'PORT', 3000),
    statusToken,
    authKey: env.WHATSAPP_WEB_AUTH_KEY ? parseKey(env.WHATSAPP_WEB_AUTH_KEY) : undefined,
    redisPassword: env.REDIS_PASSWORD || undefined,
    channelUrl: env.WAREG_CHANNEL_URL || 'http://127.0.0.1:8080',
    secret,
    fake,
    auth,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.WHATSAPP_WEB_REDIS_PREFIX || 'wareg:whatsapp-web:auth:',
    authFolder: env.WHATSAPP_WEB_AUTH_FOLDER || './auth-state',
    ignoreGroups: env.WHATSAPP_WEB_IGNORE_GROUPS !== 'false',
    pairingPhone: env.WHATSAPP_WEB_PAIRING_PHONE || undefined,
    typingMs: integer(env, 'WHATSAPP_WEB_TYPING_MS', 600),
    stopDrainMs: integer(env, 'WHATSAPP_WEB_STOP_DRAIN_MS', 5000),
    rate: {
      perRecipientPerMinute: integer(env, 'WHATSAPP_WEB_RATE_PER_RECIPIENT_PER_MINUTE', 20),
      globalPerMinute: integer(env, 'WHATSAPP_WEB_RATE_GLOBAL_PER_MINUTE', 60),
      maxWaitMs: integer(env, 'WHATSAPP_WEB_RATE_MAX_WAIT_MS', 5000),
    },
    logLevel: env.LOG_LEVEL || 'info',
    baileysLogLevel: env.WHATSAPP_WEB_BAILEYS_LOG_LEVEL || 'warn',
  };
}

function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function integer(env, name, fallback) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not ${text}`);
  return value;
}
