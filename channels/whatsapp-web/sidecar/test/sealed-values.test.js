import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createValueCipher, isSealed, parseKey } from '../src/auth/sealed-values.js';

describe('sealed values (AES-256-GCM under WHATSAPP_WEB_AUTH_KEY)', () => {
  const cipher = createValueCipher(randomBytes(32));

  it('seals a value that holds none of its plaintext and opens it again under the same Redis key', () => {
    const sealed = cipher.seal('{"me":{"id":"5511987654321:1@s.whatsapp.net"}}', 'p:creds');
    assert.ok(isSealed(sealed));
    assert.doesNotMatch(sealed, /5511987654321|whatsapp/);
    assert.equal(cipher.open(sealed, 'p:creds'), '{"me":{"id":"5511987654321:1@s.whatsapp.net"}}');
  });

  it('seals the same value differently each time (a random IV per write)', () => {
    assert.notEqual(cipher.seal('same', 'p:creds'), cipher.seal('same', 'p:creds'));
  });

  it('refuses a value moved to another Redis key, altered, sealed under another key, or not sealed', () => {
    const sealed = cipher.seal('{"a":1}', 'p:session:a.0');
    assert.throws(() => cipher.open(sealed, 'p:session:b.0'), /does not open/);
    const bytes = Buffer.from(sealed.slice('aes256gcm:v1:'.length), 'base64');
    bytes[bytes.length - 20] ^= 1;
    assert.throws(() => cipher.open(`aes256gcm:v1:${bytes.toString('base64')}`, 'p:session:a.0'), /does not open/);
    assert.throws(() => createValueCipher(randomBytes(32)).open(sealed, 'p:session:a.0'), /does not open/);
    assert.throws(() => cipher.open('{"a":1}', 'p:session:a.0'), /not sealed/);
    assert.throws(() => cipher.open('aes256gcm:v1:AAAA', 'p:session:a.0'), /not a sealed value/);
  });

  it('takes the key as 64 hex digits or base64 of 32 bytes, and nothing shorter', () => {
    const key = randomBytes(32);
    assert.deepEqual(parseKey(key.toString('hex')), key);
    assert.deepEqual(parseKey(`${key.toString('base64')}\n`), key);
    assert.throws(() => parseKey('replace-me'), /32 random bytes/);
    assert.throws(() => parseKey(randomBytes(16).toString('hex')), /32 random bytes/);
    assert.throws(() => createValueCipher(randomBytes(16)), /32 bytes/);
  });
});
