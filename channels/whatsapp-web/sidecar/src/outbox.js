/**
 * Where the forwarder keeps a message between receiving it and the Java side's final answer. Baileys has already
 * sent WhatsApp the receipt, so this is the message's only copy: in Redis it survives a stop, a crash or a
 * redeploy, and the next start forwards it again (the Java side answers a repeat `duplicate`).
 *
 * An entry is the message's JSON text, which is also the body that is signed and posted, so what is removed is
 * byte for byte what was added.
 */

/** The outbox key's suffix under the Redis prefix; the auth store's clear (a logout) leaves it alone. */
export const OUTBOX_SUFFIX = 'outbox';

/**
 * A Redis list, oldest first: RPUSH on receipt, LRANGE on start, LREM of the one entry once the Java side
 * accepted or refused it for good. All three go through one client, whose commands Redis runs in the order they
 * were sent, so a message pushed after the start's LRANGE is not read by it, and a removal never overtakes its push.
 */
export function createRedisOutbox(client, { prefix = 'wareg:whatsapp-web:auth:' } = {}) {
  const key = `${prefix}${OUTBOX_SUFFIX}`;
  return {
    durable: true,
    key,
    add: (raw) => client.rPush(key, raw),
    remove: (raw) => client.lRem(key, 1, raw),
    pending: () => client.lRange(key, 0, -1),
    size: () => client.lLen(key),
    /**
     * Removes every entry whose message `isTheirs` (an erased person's); resolves with their message ids. An
     * entry the forwarder settles meanwhile is removed here or by the forwarder, whichever comes first.
     */
    async forget(isTheirs) {
      const removed = [];
      for (const raw of new Set(await client.lRange(key, 0, -1))) {
        const message = parseOrUndefined(raw);
        if (isTheirs(message) && (await client.lRem(key, 0, raw)) > 0) removed.push(message.messageId);
      }
      return removed;
    },
  };
}

/**
 * For the file auth state and the fake mode (local development, tests): the forwarder's own in-memory queue is
 * the only copy, and a stop while the Java side is down loses what it holds (the forwarder says so at start and at stop).
 */
export function createMemoryOutbox() {
  return {
    durable: false,
    add: async () => {},
    remove: async () => {},
    pending: async () => [],
    size: async () => 0,
    forget: async () => [],
  };
}

function parseOrUndefined(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
