import { backoffDelay, realSleep } from './backoff.js';
import { SIGNATURE_HEADER, sign } from './signature.js';

/**
 * Forwards inbound messages to the Java channel (`POST ${channelUrl}/whatsapp-web/messages`), signed, one at a
 * time and in order, retrying until accepted: a message WhatsApp delivered to us has no other copy. Only 400 and
 * 401 are final (the contract says the request itself is wrong); they are logged without the body and counted.
 */
export function createForwarder({
  channelUrl,
  secret,
  logger,
  fetch = globalThis.fetch,
  sleep = realSleep,
  random = Math.random,
  baseMs = 500,
  capMs = 30_000,
  timeoutMs = 10_000,
}) {
  const url = new URL('whatsapp-web/messages', channelUrl.endsWith('/') ? channelUrl : channelUrl + '/').toString();
  const counts = { accepted: 0, rejected: 0, retries: 0 };
  let tail = Promise.resolve();
  let stopped = false;

  async function deliver(message) {
    const body = JSON.stringify(message);
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body, secret) };
    for (let attempt = 0; ; attempt++) {
      let status;
      try {
        const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        status = error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      }
      if (status === 200 || status === 202) {
        counts.accepted++;
        logger.info('inbound.forwarded', { messageId: message.messageId, type: message.type, attempts: attempt + 1 });
        return 'accepted';
      }
      if (status === 400 || status === 401) {
        counts.rejected++;
        logger.error('inbound.rejected', { messageId: message.messageId, status, rejected: counts.rejected });
        return 'rejected';
      }
      if (stopped) {
        // Shutting down mid-retry: WhatsApp already has our receipt, so say loudly which message did not make it.
        logger.error('inbound.unforwarded', { messageId: message.messageId, status });
        return 'stopped';
      }
      counts.retries++;
      const delayMs = backoffDelay(attempt, { baseMs, capMs, random });
      logger.warn('inbound.retry', { messageId: message.messageId, status, attempt: attempt + 1, delayMs });
      await sleep(delayMs);
    }
  }

  return {
    /** Queues a message; the promise settles with 'accepted', 'rejected' or 'stopped'. */
    forward(message) {
      const result = tail.then(() => deliver(message));
      tail = result.catch(() => undefined);
      return result;
    },
    /** Settles once everything queued so far is delivered. */
    drained: () => tail,
    stop() {
      stopped = true;
    },
    counts,
  };
}
