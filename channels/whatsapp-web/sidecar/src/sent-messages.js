import { userOfJid } from './erasure.js';

/**
 * The recent messages this sidecar sent, in memory, for Baileys' `getMessage`: when a recipient's phone could not
 * decrypt a message it asks for a retry, and Baileys re-encrypts the original from here. Without it such a reply
 * is lost on that phone ("waiting for this message"). Bounded; never logged.
 */
export class SentMessages {
  #messages = new Map();

  constructor(capacity = 1000) {
    this.capacity = capacity;
  }

  remember(sent) {
    const id = sent?.key?.id;
    if (!id || !sent.message) return;
    this.#messages.set(id, { jid: sent.key.remoteJid, message: sent.message });
    if (this.#messages.size > this.capacity) this.#messages.delete(this.#messages.keys().next().value);
  }

  /** Baileys' getMessage(key): the content, or undefined when it is no longer kept. */
  get(key) {
    return this.#messages.get(key?.id)?.message;
  }

  /** Drops what was sent to these people (user parts of JIDs); returns how many. */
  forget(users) {
    let forgotten = 0;
    for (const [id, { jid }] of [...this.#messages]) {
      if (users.has(userOfJid(jid))) forgotten += Number(this.#messages.delete(id));
    }
    return forgotten;
  }
}
