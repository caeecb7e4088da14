import { backoffDelay, realSleep } from './backoff.js';
import { createMemoryOutbox } from './outbox.js';
import { SIGNATURE_HEADER, sign } from './signature.js';

/**
 * Forwards inbound messages to the Java channel (`POST ${channelUrl}/whatsapp-web/messages`), signed, one at a
 * time and in order, retrying until accepted: a message WhatsApp delivered to us has no other copy. Only 400 and
 * 401 are final (the contract says the request itself is wrong); they are logged without the body and counted.
 *
 * Each message is written to the outbox (outbox.js) before it is posted and removed once it is accepted or refused
 * for good; `resume()` at start forwards what a previous run left there, before anything received after it.
 * `close()` (SIGTERM) lets the queue drain for a bounded time, then stops: with the Redis outbox what is left
 * waits there for the next start, with the in-memory one it is lost, and each such message is logged by id.
 */
export function createForwarder({
  channelUrl,
  secret,
  logger,
  outbox = createMemoryOutbox(),
  fetch = globalThis.fetch,
  sleep = realSleep,
  random = Math.random,
  baseMs = 500,
  capMs = 30_000,
  timeoutMs = 10_000,
  outboxTimeoutMs = 2_000,
}) {
  const url = new URL('whatsapp-web/messages', channelUrl.endsWith('/') ? channelUrl : channelUrl + '/').toString();
  const counts = { accepted: 0, rejected: 0, retries: 0 };
  let tail = Promise.resolve();
  let stopped = false;
  // Entries received or resumed and not settled yet, oldest first: what a stop leaves behind.
  const queue = new Set();
  const stopping = new AbortController();
  const whenStopped = new Promise((resolve) => stopping.signal.addEventListener('abort', resolve, { once: true }));

  /** Runs an outbox command without letting a Redis outage hold forwarding: past the bound, it goes on without. */
  async function bounded(event, entry, command) {
    let timer;
    try {
      return await Promise.race([
        command(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error('outbox timeout'), { name: 'TimeoutError' })), outboxTimeoutMs))),
      ]);
    } catch (error) {
      logger.error(event, { messageId: entry?.message.messageId, error: error.name });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async function deliver(entry) {
    const { message, raw } = entry;
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(raw, secret) };
    for (let attempt = 0; ; attempt++) {
      if (stopped) return 'stopped';
      if (entry.forgotten) return 'forgotten';
      let status;
      try {
        const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]);
        const response = await fetch(url, { method: 'POST', headers, body: raw, signal });
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
      if (stopped) return 'stopped';
      counts.retries++;
      const delayMs = backoffDelay(attempt, { baseMs, capMs, random });
      logger.warn('inbound.retry', { messageId: message.messageId, status, attempt: attempt + 1, delayMs });
      // A stop must not wait out a backoff of up to capMs.
      await Promise.race([sleep(delayMs), whenStopped]);
    }
  }

  /** Delivers one entry, then takes it out of the outbox unless a stop left it for the next start. */
  async function handle(entry) {
    try {
      const outcome = await deliver(entry);
      if (outcome !== 'stopped') await bounded('outbox.remove-failed', entry, () => outbox.remove(entry.raw));
      return outcome;
    } finally {
      queue.delete(entry);
    }
  }

  function chain(step) {
    const result = tail.then(step);
    tail = result.catch(() => undefined);
    return result;
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    stopping.abort();
    const left = [...queue];
    if (!outbox.durable) {
      // WhatsApp already has our receipt: say loudly which messages did not make it.
      for (const entry of left) logger.error('inbound.unforwarded', { messageId: entry.message.messageId });
    }
    logger[left.length ? 'warn' : 'info']('forwarder.stopped', { left: left.length, durable: outbox.durable });
  }

  return {
    /** Queues a message; the promise settles with 'accepted', 'rejected', 'forgotten' (erased) or 'stopped'. */
    forward(message) {
      const entry = { message, raw: JSON.stringify(message) };
      queue.add(entry);
      // Sent now, not when its turn comes: the outbox keeps the order messages arrived in.
      const written = bounded('outbox.write-failed', entry, () => outbox.add(entry.raw));
      return chain(async () => {
        await written;
        return handle(entry);
      });
    },
    /**
     * Forwards what the outbox still holds from an earlier run, oldest first, ahead of anything forwarded after
     * this call. Says at start whether the queue is durable.
     */
    resume() {
      if (!outbox.durable) {
        logger.warn('forwarder.memory-queue', { durable: false });
        return tail;
      }
      const loading = bounded('outbox.read-failed', undefined, () => outbox.pending());
      return chain(async () => {
        const entries = [];
        for (const raw of (await loading) ?? []) {
          const message = parseOrUndefined(raw);
          if (message) entries.push({ message, raw });
          else {
            // Not a message this code wrote: posting it would only earn a 400, and keeping it would block nothing but clutter.
            logger.error('outbox.unreadable', { length: raw.length });
            await bounded('outbox.remove-failed', undefined, () => outbox.remove(raw));
          }
        }
        entries.forEach((entry) => queue.add(entry));
        logger.info('forwarder.resumed', { durable: true, pending: entries.length });
        for (const entry of entries) await handle(entry);
      });
    },
    /**
     * Marks the queued entries whose message `isTheirs` (an erased person's) as forgotten: they are not posted, or
     * not again, and leave the queue and the outbox as if settled. Returns their message ids.
     */
    forget(isTheirs) {
      const forgotten = [];
      for (const entry of queue) {
        if (!entry.forgotten && isTheirs(entry.message)) {
          entry.forgotten = true;
          forgotten.push(entry.message.messageId);
        }
      }
      return forgotten;
    },
    /** Settles once everything queued so far is delivered. */
    drained: () => tail,
    /**
     * Lets the queue drain for at most `drainMs`, then stops: an attempt in flight is aborted and nothing further
     * is tried. Resolves with what was left.
     */
    async close({ drainMs = 5_000 } = {}) {
      let timer;
      await Promise.race([tail, new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
      clearTimeout(timer);
      const left = queue.size;
      stop();
      return { left };
    },
    stop,
    counts,
  };
}

function parseOrUndefined(raw) {
  try {
    const message = JSON.parse(raw);
    return typeof message?.messageId === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
