import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Values sealed with AES-256-GCM under the key of WHATSAPP_WEB_AUTH_KEY, so that whoever reads Redis (a dump, a
 * backup, a client with its password) does not get the WhatsApp session's credentials. Each value is bound to the
 * Redis key it is stored under (additional authenticated data): a sealed value copied to another key does not open.
 *
 * Format: `aes256gcm:v1:` then base64 of a random 12-byte IV, the ciphertext and the 16-byte tag (NIST SP 800-38D;
 * random IVs are safe far beyond the number of writes one session makes under one key).
 */
const MARK = 'aes256gcm:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key from its text: 64 hex digits or base64 (e.g. `openssl rand -hex 32`). */
export function parseKey(text) {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error('WHATSAPP_WEB_AUTH_KEY must be 32 random bytes, as 64 hex digits or base64 (openssl rand -hex 32)');
  }
  return key;
}

export function isSealed(text) {
  return typeof text === 'string' && text.startsWith(MARK);
}

export function createValueCipher(key) {
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new Error('an AES-256 key is 32 bytes');
  return {
    /** `plaintext` (a string) sealed for the Redis key `where`. */
    seal(plaintext, where) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(where, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return MARK + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
    },
    /** The plaintext of a value sealed for `where`; throws when it was sealed for another key, altered, or not sealed. */
    open(text, where) {
      if (!isSealed(text)) throw new Error(`${where} is not sealed`);
      const raw = Buffer.from(text.slice(MARK.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error(`${where} is not a sealed value`);
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(where, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // No detail: GCM says only that the tag did not match (another key, another Redis key, or altered bytes).
        throw new Error(`${where} does not open with WHATSAPP_WEB_AUTH_KEY: another key, or altered`);
      }
    },
  };
}
