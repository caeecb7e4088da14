import { createHmac, timingSafeEqual } from 'node:crypto';

// The contract's signature (docs/channels.md): Meta's webhook scheme with our own header name.
export const SIGNATURE_HEADER = 'x-wareg-signature-256';

export function sign(rawBody, secret) {
  return 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Checks a header against the raw body in constant time; false for a missing or malformed header. */
export function verify(rawBody, header, secret) {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(sign(rawBody, secret), 'utf8');
  const given = Buffer.from(header, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch says nothing about the secret.
  return expected.length === given.length && timingSafeEqual(expected, given);
}
