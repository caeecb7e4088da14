import { userOfJid } from './erasure.js';

/**
 * Send pacing: a per-recipient limit and a global cap, each a GCRA (the "virtual scheduling" form of a token
 * bucket: a rate per minute and a burst), so WhatsApp sees a person-like pace and flags no spam.
 * `reserve` says how long a send must wait; a wait over `maxWaitMs` is refused with nothing consumed, and the
 * caller answers 429 with Retry-After.
 */
export function createRateLimiter({
  perRecipientPerMinute = 20,
  perRecipientBurst = 3,
  globalPerMinute = 60,
  globalBurst = 10,
  maxWaitMs = 5000,
  clock = () => Date.now(),
  maxTracked = 10_000,
}) {
  const recipientInterval = 60_000 / perRecipientPerMinute;
  const globalInterval = 60_000 / globalPerMinute;
  const recipientTolerance = recipientInterval * (perRecipientBurst - 1);
  const globalTolerance = globalInterval * (globalBurst - 1);
  const recipients = new Map(); // recipient -> theoretical arrival time
  let globalTat = 0;

  function forget(now) {
    if (recipients.size <= maxTracked) return;
    for (const [recipient, tat] of recipients) if (tat <= now) recipients.delete(recipient);
  }

  return {
    /** Drops the pace of these people (user parts of JIDs); returns how many. */
    forget(users) {
      let forgotten = 0;
      for (const recipient of [...recipients.keys()]) if (users.has(userOfJid(recipient))) forgotten += Number(recipients.delete(recipient));
      return forgotten;
    },
    /** {ok: true, waitMs} (consumed) or {ok: false, retryAfterMs} (not consumed). */
    reserve(recipient) {
      const now = clock();
      const recipientTat = recipients.get(recipient) ?? 0;
      const waitMs = Math.max(0, recipientTat - recipientTolerance - now, globalTat - globalTolerance - now);
      if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
      const sendAt = now + waitMs;
      recipients.set(recipient, Math.max(recipientTat, sendAt) + recipientInterval);
      globalTat = Math.max(globalTat, sendAt) + globalInterval;
      forget(now);
      return { ok: true, waitMs };
    },
  };
}
