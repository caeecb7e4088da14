/**
 * Remembers the answer to each outbound `id` for a day, so a `SendMessage` the Java side retries (its answer
 * was lost, it timed out) is not sent twice. A request for an id already in flight waits for that one.
 * Only a sent message is remembered: a refusal (not connected, rate limited, failed) must be retried for real.
 */
export function createIdempotency({ ttlMs = 24 * 60 * 60 * 1000, clock = () => Date.now() } = {}) {
  const answers = new Map(); // id -> {answer (a promise), expiresAt}; insertion order is expiry order

  function prune(now) {
    for (const [id, entry] of answers) {
      if (entry.expiresAt > now) break;
      answers.delete(id);
    }
  }

  return {
    /** Runs `send` once per id; `isFinal(answer)` says whether the answer is remembered. */
    async once(id, send, isFinal) {
      const now = clock();
      prune(now);
      const known = answers.get(id);
      if (known) return { ...(await known.answer), repeated: true };
      const answer = send();
      answers.set(id, { answer, expiresAt: now + ttlMs });
      try {
        const result = await answer;
        if (!isFinal(result)) answers.delete(id);
        return result;
      } catch (error) {
        answers.delete(id);
        throw error;
      }
    },
    get size() {
      return answers.size;
    },
  };
}
