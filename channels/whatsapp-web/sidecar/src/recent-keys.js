import { userOfJid } from './erasure.js';

/**
 * A bounded set of recently seen message keys. WhatsApp re-delivers a message when an ack is lost and Baileys
 * emits it again; the Java side deduplicates too, this only spares it the traffic. The oldest key goes first.
 */
export class RecentKeys {
  #keys = new Map();

  constructor(capacity = 10_000) {
    this.capacity = capacity;
  }

  /** True the first time a key is seen, false for a repeat (and the repeat refreshes it). */
  add(key) {
    const seen = this.#keys.delete(key);
    this.#keys.set(key, true);
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.keys().next().value);
    return !seen;
  }

  /** Drops the keys of messages from these people (user parts of JIDs); returns how many. */
  forget(users) {
    let forgotten = 0;
    for (const key of [...this.#keys.keys()]) {
      const [remoteJid, participant] = key.split('|');
      if (users.has(userOfJid(remoteJid)) || users.has(userOfJid(participant))) forgotten += Number(this.#keys.delete(key));
    }
    return forgotten;
  }

  get size() {
    return this.#keys.size;
  }
}

/** The identity of a message: its chat, its author within the chat, and its id. */
export function messageKey(key) {
  return `${key.remoteJid}|${key.participant ?? ''}|${key.id}`;
}
