import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoSeconds, mapMessage, mapUpsert, parseVcard } from '../src/mapping.js';
import { fixtures, PHONE_JID, waMessage } from './support.js';

const inbound = fixtures('inbound');

// For each contract fixture, the Baileys event it is written from.
const EVENTS = {
  text: waMessage({ key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E0' }, messageTimestamp: 1795631400, message: { conversation: 'quero mudar meu email' } }),
  'extended-text': waMessage({
    key: { remoteJid: '5511987654321:12@s.whatsapp.net', id: '3EB0C431D5A6B7C8D9E1' },
    messageTimestamp: 1795631405,
    message: { extendedTextMessage: { text: 'meu novo email é ana@example.com', contextInfo: { stanzaId: '3EB0AA00BB11CC22DD33', participant: '5500000000000@s.whatsapp.net', quotedMessage: { conversation: 'Qual é o seu novo e-mail?' } } } },
  }),
  button: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E2' },
    messageTimestamp: 1795631410,
    message: { buttonsResponseMessage: { selectedButtonId: 'yes', selectedDisplayText: 'Sim', type: 'DISPLAY_TEXT' } },
  }),
  list: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E3' },
    messageTimestamp: 1795631415,
    message: { listResponseMessage: { title: 'E-mail', listType: 'SINGLE_SELECT', singleSelectReply: { selectedRowId: 'email' } } },
  }),
  location: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E4' },
    messageTimestamp: 1795631420,
    message: { locationMessage: { degreesLatitude: -23.561414, degreesLongitude: -46.655881, name: 'MASP', address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200' } },
  }),
  pin: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E5' },
    messageTimestamp: 1795631425,
    message: { locationMessage: { degreesLatitude: -23.561414, degreesLongitude: -46.655881 } },
  }),
  contact: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E6' },
    messageTimestamp: 1795631430,
    message: { contactMessage: { displayName: 'Ana', vcard: 'BEGIN:VCARD\nVERSION:3.0\nN:Souza;Ana;;;\nFN:Ana Souza\nTEL;type=CELL;type=VOICE;waid=5521998765432:+55 21 99876-5432\nEND:VCARD' } },
  }),
  // Baileys 7 delivers an edit wrapped in editedMessage (a FutureProofMessage) around the protocol message.
  edit: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E7' },
    messageTimestamp: 1795631460,
    message: { editedMessage: { message: { protocolMessage: { type: 'MESSAGE_EDIT', key: { remoteJid: PHONE_JID, fromMe: false, id: '3EB0C431D5A6B7C8D9E1' }, editedMessage: { conversation: 'ana.souza@example.com' } } } } },
  }),
  'lid-sender': waMessage({ key: { remoteJid: '208420593053874@lid', id: '3EB0C431D5A6B7C8D9E8', addressingMode: 'lid' }, messageTimestamp: 1795631465, message: { conversation: 'oi' } }),
  unsupported: waMessage({
    key: { remoteJid: PHONE_JID, id: '3EB0C431D5A6B7C8D9E9' },
    messageTimestamp: 1795631470,
    message: { imageMessage: { url: 'https://mmg.whatsapp.net/x', mimetype: 'image/jpeg', caption: 'meu documento' } },
  }),
};

describe('inbound mapping: each contract fixture from its Baileys event', () => {
  it('has an event for every fixture', () => {
    assert.deepEqual(Object.keys(EVENTS).sort(), Object.keys(inbound).sort());
  });
  for (const [name, json] of Object.entries(inbound)) {
    it(`writes exactly ${name}.json`, () => {
      const [mapped] = mapUpsert({ type: 'notify', messages: [EVENTS[name]] });
      assert.deepEqual(JSON.parse(JSON.stringify(mapped)), JSON.parse(json));
    });
  }
});

describe('inbound mapping: other shapes', () => {
  const at = 1795631400;
  const text = (key, message = { conversation: 'oi' }) => mapMessage(waMessage({ key: { id: 'ID1', ...key }, messageTimestamp: at, message }));

  it('a template button reply is a button with its selected id', () => {
    const mapped = text({ remoteJid: PHONE_JID }, { templateButtonReplyMessage: { selectedId: 'no', selectedDisplayText: 'Não', selectedIndex: 1 } });
    assert.deepEqual({ type: mapped.type, text: mapped.text, optionId: mapped.optionId }, { type: 'button', text: 'Não', optionId: 'no' });
  });

  it('an edit sent as a bare protocol message, with extended text', () => {
    const mapped = text({ remoteJid: PHONE_JID }, { protocolMessage: { type: 'MESSAGE_EDIT', key: { id: 'OLD' }, editedMessage: { extendedTextMessage: { text: 'novo' } } } });
    assert.deepEqual({ type: mapped.type, text: mapped.text, editedMessageId: mapped.editedMessageId }, { type: 'edit', text: 'novo', editedMessageId: 'OLD' });
  });

  it('other protocol messages (a revoke) are not forwarded', () => {
    assert.equal(text({ remoteJid: PHONE_JID }, { protocolMessage: { type: 'REVOKE', key: { id: 'OLD' } } }), undefined);
  });

  it('a disappearing (ephemeral) message is unwrapped', () => {
    assert.equal(text({ remoteJid: PHONE_JID }, { ephemeralMessage: { message: { extendedTextMessage: { text: 'some' } } } }).text, 'some');
  });

  it('a stub without content is not forwarded', () => {
    assert.equal(mapMessage(waMessage({ key: { remoteJid: PHONE_JID, id: 'ID1' }, messageTimestamp: at })), undefined);
  });

  it('ignores own messages, status broadcasts, newsletters, and groups unless configured', () => {
    assert.equal(text({ remoteJid: PHONE_JID, fromMe: true }), undefined);
    assert.equal(text({ remoteJid: 'status@broadcast', participant: PHONE_JID }), undefined);
    assert.equal(text({ remoteJid: '120363040000000000@newsletter' }), undefined);
    const group = { remoteJid: '120363041234567890@g.us', participant: '5511987654321:3@s.whatsapp.net' };
    assert.equal(text(group), undefined);
    const answered = mapMessage(waMessage({ key: { id: 'ID1', ...group }, messageTimestamp: at, message: { conversation: 'oi' } }), { ignoreGroups: false });
    assert.equal(answered.sender, '+5511987654321');
  });

  it('only notify upserts are new messages', () => {
    const message = waMessage({ key: { remoteJid: PHONE_JID, id: 'ID1' }, messageTimestamp: at, message: { conversation: 'oi' } });
    assert.deepEqual(mapUpsert({ type: 'append', messages: [message] }), []);
    assert.equal(mapUpsert({ type: 'notify', messages: [message] }).length, 1);
  });
});

describe('sender: phone or LID', () => {
  const senderOf = (key) => mapMessage(waMessage({ key: { id: 'ID1', ...key }, messageTimestamp: 1795631400, message: { conversation: 'oi' } })).sender;

  it('a phone JID becomes + and its digits, without the device suffix', () => {
    assert.equal(senderOf({ remoteJid: '5511987654321:12@s.whatsapp.net' }), '+5511987654321');
  });
  it('a LID with the phone Baileys gives beside it (remoteJidAlt) becomes the phone', () => {
    assert.equal(senderOf({ remoteJid: '208420593053874@lid', remoteJidAlt: '5511987654321@s.whatsapp.net', addressingMode: 'lid' }), '+5511987654321');
  });
  it('a phone JID stays the phone when Baileys gives the LID beside it', () => {
    assert.equal(senderOf({ remoteJid: PHONE_JID, remoteJidAlt: '208420593053874@lid', addressingMode: 'pn' }), '+5511987654321');
  });
  it('a LID without a phone is kept as the LID JID, without its device', () => {
    assert.equal(senderOf({ remoteJid: '208420593053874:7@lid' }), '208420593053874@lid');
  });
  it('a JID whose user is not digits names no one, and the message is left out', () => {
    for (const remoteJid of ['@s.whatsapp.net', ':3@s.whatsapp.net', 'abc@s.whatsapp.net', '@lid', 'x y@lid']) {
      const message = waMessage({ key: { remoteJid, id: 'ID1' }, messageTimestamp: 1795631400, message: { conversation: 'oi' } });
      assert.equal(mapMessage(message), undefined, remoteJid);
    }
  });
  it('in a group, the participant (or the phone beside it) is the sender', () => {
    const key = { remoteJid: '120363041234567890@g.us', participant: '208420593053874@lid', participantAlt: '5511987654321@s.whatsapp.net' };
    const mapped = mapMessage(waMessage({ key: { id: 'ID1', ...key }, messageTimestamp: 1795631400, message: { conversation: 'oi' } }), { ignoreGroups: false });
    assert.equal(mapped.sender, '+5511987654321');
  });
});

describe('vCard', () => {
  it('reads FN and every TEL, with waid as E.164, + numbers as E.164, others as digits', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno\r\n  Lima\r\nitem1.TEL;waid=5511912345678:+55 11 91234-5678\r\nTEL;TYPE=HOME:+1 (650) 555-0100\r\nTEL:3003-0000\r\nEND:VCARD';
    assert.deepEqual(parseVcard(card), { name: 'Bruno Lima', phones: ['+5511912345678', '+16505550100', '30030000'] });
  });
});

describe('timestamps', () => {
  it('seconds, a Long, or a Long-shaped object become ISO-8601 UTC without milliseconds', () => {
    assert.equal(isoSeconds(1795631400), '2026-11-25T18:30:00Z');
    assert.equal(isoSeconds({ low: 1795631400, high: 0, unsigned: true }), '2026-11-25T18:30:00Z');
    assert.equal(isoSeconds(waMessage({ key: { id: 'x' }, messageTimestamp: 1795631405 }).messageTimestamp), '2026-11-25T18:30:05Z');
  });
  it('a missing timestamp is now', () => {
    assert.equal(isoSeconds(undefined, () => new Date('2026-11-25T18:30:07.123Z')), '2026-11-25T18:30:07Z');
  });
  it('a timestamp no date can hold is now, and the messages after it in the upsert are still mapped', () => {
    const now = () => new Date('2026-11-25T18:30:07.123Z');
    for (const timestamp of [1e20, -1e20, { low: 0, high: 0x7fffffff, unsigned: true }]) {
      assert.equal(isoSeconds(timestamp, now), '2026-11-25T18:30:07Z');
    }
    const upsert = { type: 'notify', messages: [
      waMessage({ key: { remoteJid: PHONE_JID, id: 'FAR' }, messageTimestamp: 1e15, message: { conversation: 'oi' } }),
      waMessage({ key: { remoteJid: PHONE_JID, id: 'NEXT' }, messageTimestamp: 1795631400, message: { conversation: 'oi' } }),
    ] };
    assert.deepEqual(mapUpsert(upsert, { now }).map((message) => message.messageId), ['FAR', 'NEXT']);
  });
});
