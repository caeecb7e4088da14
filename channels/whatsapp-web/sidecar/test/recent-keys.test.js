import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInbound } from '../src/inbound.js';
import { messageKey, RecentKeys } from '../src/recent-keys.js';
import { captureLogger, PHONE_JID, waMessage } from './support.js';

describe('duplicates by message key', () => {
  it('a key is new once; the oldest is forgotten past the capacity', () => {
    const keys = new RecentKeys(2);
    assert.deepEqual([keys.add('a'), keys.add('a'), keys.add('b'), keys.add('c'), keys.add('a')], [true, false, true, true, true]);
    assert.equal(keys.size, 2);
  });

  it('the key is the chat, the participant and the id', () => {
    assert.notEqual(messageKey({ remoteJid: 'a@s.whatsapp.net', id: '1' }), messageKey({ remoteJid: 'b@s.whatsapp.net', id: '1' }));
    assert.equal(messageKey({ remoteJid: 'a@s.whatsapp.net', id: '1' }), messageKey({ remoteJid: 'a@s.whatsapp.net', id: '1', fromMe: false }));
  });

  it('a re-delivered message is forwarded once, ignored ones not at all', () => {
    const forwarded = [];
    const onUpsert = createInbound({ forwarder: { forward: async (m) => forwarded.push(m.messageId) }, logger: captureLogger() });
    const message = waMessage({ key: { remoteJid: PHONE_JID, id: 'A1' }, messageTimestamp: 1795631400, message: { conversation: 'oi' } });
    const own = waMessage({ key: { remoteJid: PHONE_JID, id: 'A2', fromMe: true }, messageTimestamp: 1795631400, message: { conversation: 'oi' } });
    onUpsert({ type: 'notify', messages: [message, own] });
    onUpsert({ type: 'notify', messages: [message] });
    onUpsert({ type: 'append', messages: [waMessage({ key: { remoteJid: PHONE_JID, id: 'A3' }, message: { conversation: 'old' } })] });
    assert.deepEqual(forwarded, ['A1']);
  });
});
