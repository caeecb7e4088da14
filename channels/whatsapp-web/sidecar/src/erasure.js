/**
 * Forgets a person whose account was erased (`POST /erasures`, docs/channels.md). The Java channel names them by
 * the contract's sender forms it can derive from the erased account: `+digits` for each form of the phone (with and
 * without a Brazilian mobile's ninth digit) and, when the erasure was asked from this channel by a LID sender,
 * that `digits@lid`. What the sidecar holds about them goes:
 *
 * - the forward outbox's entries they sent (Redis), and those still queued in memory, which are then not posted;
 * - the bot's signal keys about them, where the auth store can find them (session, identity key, device list,
 *   phone↔LID mapping); the bot's own keys and creds stay. A LID the mapping names is forgotten with the phone;
 * - in memory: the recent message keys, the sent replies kept for WhatsApp's retry requests, the rate limiter's
 *   pace, and the fake WhatsApp's record of sent messages.
 *
 * A message from a LID sender whose phone the sidecar never learned (no mapping stored, and not the LID that
 * asked) cannot be told apart from anyone else's: the forms above are all an erased account gives.
 */
export function createErasure({ forwarder, outbox, auth, recentKeys, sentMessages, limiter, fakeWhatsApp, logger }) {
  return {
    async forget({ id, senders }) {
      const users = new Set(senders.map(userOfSender));
      const keys = (await auth?.forgetContacts?.(users)) ?? 0; // adds the LIDs the mapping names to `users`
      const isTheirs = (message) => users.has(userOfSender(message?.sender));
      // Counted by id: a queued message may leave the outbox through the forwarder or through the outbox's forget.
      const queued = forwarder.forget(isTheirs);
      const messages = new Set([...queued, ...(await outbox.forget(isTheirs))]);
      const forgotten = {
        messages: messages.size,
        keys,
        recentKeys: recentKeys?.forget(users) ?? 0,
        sentMessages: sentMessages?.forget(users) ?? 0,
        paces: limiter?.forget(users) ?? 0,
        fakeSent: fakeWhatsApp?.forget(users) ?? 0,
      };
      // Counts and the request's id only: the senders are the very values being erased.
      logger.info('erasure.forgotten', { id, ...forgotten });
      return forgotten;
    },
  };
}

const SENDER = /^(?:\+(\d{8,15})|(\d+)@lid)$/;

/** A body of the contract's shape, or the reason it is not. */
export function validateErasure(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object.';
  if (typeof body.id !== 'string' || !body.id.trim()) return '`id` must be a non-empty string.';
  if (!Array.isArray(body.senders) || body.senders.length === 0 || !body.senders.every((sender) => typeof sender === 'string' && SENDER.test(sender))) {
    return '`senders` must be a non-empty list of + and E.164 digits or LID JIDs.';
  }
  return undefined;
}

/** The user part of a contract sender (`+5511…` → `5511…`, `123@lid` → `123`), or undefined. */
export function userOfSender(sender) {
  const match = typeof sender === 'string' ? SENDER.exec(sender) : null;
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The user part of a JID (`5511…:3@s.whatsapp.net`, `123@lid`), or undefined. */
export function userOfJid(jid) {
  return typeof jid === 'string' ? /^(\d+)[:@]/.exec(jid)?.[1] : undefined;
}

/**
 * The person a signal key is about, for the key types Baileys keeps per contact: a session or identity key
 * (`5511….0`, a LID's `123_1.0`), a device list (`5511…`), a phone↔LID mapping (`5511…` and `123_reverse`).
 * Undefined for the bot's own keys (pre-keys, app state, sender keys of groups).
 */
export function contactOfKey(type, id) {
  if (!CONTACT_KEY_TYPES.has(type)) return undefined;
  return /^(\d+)(?:[._:]|$)/.exec(id)?.[1];
}

const CONTACT_KEY_TYPES = new Set(['session', 'identity-key', 'device-list', 'lid-mapping', 'tctoken']);
