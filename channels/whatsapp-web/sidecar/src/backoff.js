/**
 * Exponential backoff with "equal jitter" (half the delay fixed, half random) and a cap: attempts of a fleet
 * spread out instead of retrying in step, and no wait grows past the cap.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt, { baseMs = 1000, capMs = 60_000, random = Math.random } = {}) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());
