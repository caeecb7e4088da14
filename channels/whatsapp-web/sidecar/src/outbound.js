import { realSleep } from './backoff.js';
import { jidForRecipient } from './jids.js';

/**
 * Sends the Java channel's replies (`POST /messages`, docs/channels.md): once per id, paced by the rate limiter,
 * after a short "typing…" presence so the reply reads like a person's. Answers are {status, body, headers}.
 */
export function createOutbound({ session, limiter, idempotency, logger, sentMessages, sleep = realSleep, typingMs = 600 }) {
  async function deliver({ id, to, text }) {
    const jid = jidForRecipient(to);
    const sock = session.openSocket();
    if (!sock) {
      logger.warn('outbound.not-connected', { id, state: session.status().state });
      return { status: 503, body: { state: session.status().state } };
    }
    const pace = limiter.reserve(jid);
    if (!pace.ok) {
      const retryAfter = Math.ceil(pace.retryAfterMs / 1000);
      logger.warn('outbound.rate-limited', { id, retryAfterSeconds: retryAfter });
      return { status: 429, body: problem(429, 'Too Many Requests', 'The send rate limits would hold this message too long.'), headers: { 'retry-after': String(retryAfter) } };
    }
    if (pace.waitMs > 0) await sleep(pace.waitMs);
    // Presence is cosmetic: a failure to show it must not keep the reply from going out.
    await sock.sendPresenceUpdate('composing', jid).catch(() => undefined);
    if (typingMs > 0) await sleep(typingMs);
    try {
      const sent = await sock.sendMessage(jid, { text });
      sentMessages?.remember(sent);
      logger.info('outbound.sent', { id, messageId: sent?.key?.id, waitedMs: pace.waitMs });
      return { status: 200, body: { messageId: sent?.key?.id } };
    } catch (error) {
      const closed = Boolean(error?.output?.statusCode) || !session.openSocket();
      logger.error('outbound.failed', { id, error: error?.name, statusCode: error?.output?.statusCode });
      return closed
        ? { status: 503, body: { state: session.status().state } }
        : { status: 502, body: problem(502, 'Bad Gateway', 'WhatsApp did not take the message.') };
    } finally {
      await sock.sendPresenceUpdate('paused', jid).catch(() => undefined);
    }
  }

  return {
    /** Handles a parsed body; a body not of the contract's shape is a 400. */
    async send(body) {
      const invalid = validate(body);
      if (invalid) return { status: 400, body: problem(400, 'Bad Request', invalid) };
      const answer = await idempotency.once(body.id, () => deliver(body), (result) => result.status === 200);
      if (answer.repeated) logger.info('outbound.repeat', { id: body.id, status: answer.status });
      return answer;
    },
  };
}

function validate(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object.';
  if (typeof body.id !== 'string' || !body.id.trim()) return '`id` must be a non-empty string.';
  if (!jidForRecipient(body.to)) return '`to` must be + and E.164 digits, or a LID JID.';
  if (typeof body.text !== 'string' || !body.text.trim()) return '`text` must be a non-empty string.';
  if (body.text.length > 65_536) return '`text` is too long.';
  return undefined;
}

export function problem(status, title, detail) {
  return { type: 'about:blank', title, status, detail };
}
