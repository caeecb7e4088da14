import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { sign, verify } from '../src/signature.js';

describe('signature (X-Wareg-Signature-256)', () => {
  const body = Buffer.from('{"id":"1","to":"+5511987654321","text":"Olá"}');

  it('is sha256= and the hex HMAC-SHA256 of the raw body with the shared secret', () => {
    assert.equal(sign(body, 'secret'), 'sha256=' + createHmac('sha256', 'secret').update(body).digest('hex'));
    assert.match(sign(body, 'secret'), /^sha256=[0-9a-f]{64}$/);
  });
  it('accepts its own signature', () => {
    assert.equal(verify(body, sign(body, 'secret'), 'secret'), true);
  });
  it('rejects a missing, malformed or forged signature', () => {
    for (const header of [undefined, '', 'sha256=', sign(body, 'secret').slice(7), 'sha1=' + sign(body, 'secret').slice(7), sign(body, 'other-secret'), sign(body, 'secret') + '0']) {
      assert.equal(verify(body, header, 'secret'), false, String(header));
    }
  });
  it('rejects a tampered body', () => {
    const tampered = Buffer.from(body.toString().replace('Olá', 'Olé'));
    assert.equal(verify(tampered, sign(body, 'secret'), 'secret'), false);
  });
});
