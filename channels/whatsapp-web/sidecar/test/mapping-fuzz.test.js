import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { mapMessage, parseVcard } from '../src/mapping.js';
import { PHONE_JID, waMessage } from './support.js';

// Property tests of the inbound mapping with a hand-written generator (no library): WhatsApp messages of every kind
// the mapping reads and some it does not, with any text (lone surrogates, controls, emoji, tens of thousands of
// characters), any JID, any timestamp (protobuf Longs too) and any vCard. The generator is seeded, so a failure names
// the seed and the try that reproduce it. MAPPING_FUZZ_TRIES sets the tries (1000 in `npm test`; the long run of
// docs/security.md, "Fuzzing", sets more), MAPPING_FUZZ_SEED the seed (random otherwise).
const TRIES = Number(process.env.MAPPING_FUZZ_TRIES ?? 1000);
const SEED = Number(process.env.MAPPING_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));

const TYPES = new Set(['text', 'button', 'list', 'location', 'contact', 'edit', 'unsupported']);
const ISO_SECONDS = /^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (values) => values[int(0, values.length - 1)];
  const maybe = (value) => (random() < 0.8 ? value() : undefined);
  const digits = (min = 1, max = 16) => Array.from({ length: int(min, max) }, () => int(0, 9)).join('');

  function text() {
    switch (int(0, 9)) {
      case 0: return String.fromCharCode(...Array.from({ length: int(0, 30) }, () => int(0, 0xffff)));
      case 1: return String.fromCodePoint(...Array.from({ length: int(0, 8) }, () => int(0x1f300, 0x1faff)));
      case 2: return pick(['', ' ', '\u0000', '\uFEFF', '\u202E', 'null', 'undefined', '__proto__', 'constructor']);
      case 3: return pick(['oi', 'quero mudar meu e-mail', 'Sim', 'E-mail']).repeat(int(1, random() < 0.05 ? 5000 : 3));
      case 4: return digits();
      default: return Array.from({ length: int(0, 30) }, () => String.fromCharCode(int(32, 126))).join('');
    }
  }

  function jid() {
    return pick([PHONE_JID, `${digits(1, 20)}@s.whatsapp.net`, `${digits()}:${int(0, 99)}@s.whatsapp.net`,
      `${digits()}@lid`, `${digits()}:${int(0, 99)}@lid`, `${digits()}-${digits()}@g.us`, 'status@broadcast',
      `${digits()}@newsletter`, `${digits()}@broadcast`, '@s.whatsapp.net', '@lid', text(), '']);
  }

  function timestamp() {
    const now = Math.floor(Date.now() / 1000);
    switch (int(0, 7)) {
      case 0: return now - int(0, 86_400 * 30);
      case 1: return 0;
      case 2: return -int(1, 2 ** 31);
      case 3: return pick([2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1, 8.64e12, 8.64e12 + 1, 1e15, 1e20]);
      case 4: return { low: int(-(2 ** 31), 2 ** 31 - 1), high: int(-(2 ** 31), 2 ** 31 - 1), unsigned: random() < 0.5 };
      case 5: return String(pick([now, digits(), '1e400', '-1']));
      case 6: return undefined;
      default: return now;
    }
  }

  function coordinate() {
    return pick([int(-90, 90) + random(), int(-400, 400) + random(), 0, -0, 1e308, -1e308, Number.NaN,
      Number.POSITIVE_INFINITY, Number.MIN_VALUE]);
  }

  function vcard() {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0'];
    for (let i = int(0, 6); i > 0; i--) {
      lines.push(pick([
        `FN:${text()}`, `N:${text()};${text()};;;`, `TEL;type=CELL;waid=${digits()}:+${digits()}`,
        `TEL;waid=${text()}:${text()}`, `TEL:${text()}`, `item${int(1, 9)}.TEL:+${digits()}`, `tel;WAID=${digits()}:`,
        `TEL:${text()}\n ${text()}`, text(), ':', ';;;:',
      ]));
    }
    lines.push('END:VCARD');
    return random() < 0.1 ? text() : lines.join(pick(['\n', '\r\n', '\r']));
  }

  function content(depth = 0) {
    const kinds = [
      () => ({ conversation: text() }),
      () => ({ extendedTextMessage: { text: maybe(text), contextInfo: maybe(() => ({ stanzaId: maybe(text) })) } }),
      () => ({ buttonsResponseMessage: { selectedButtonId: maybe(text), selectedDisplayText: maybe(text) } }),
      () => ({ templateButtonReplyMessage: { selectedId: maybe(text), selectedDisplayText: maybe(text) } }),
      () => ({ listResponseMessage: { title: maybe(text), singleSelectReply: maybe(() => ({ selectedRowId: maybe(text) })) } }),
      () => ({ locationMessage: { degreesLatitude: maybe(coordinate), degreesLongitude: maybe(coordinate), name: maybe(text), address: maybe(text) } }),
      () => ({ liveLocationMessage: { degreesLatitude: maybe(coordinate), degreesLongitude: maybe(coordinate) } }),
      () => ({ contactMessage: { displayName: maybe(text), vcard: maybe(vcard) } }),
      () => ({ protocolMessage: { type: int(0, 30), key: maybe(() => ({ id: maybe(text) })), editedMessage: depth < 2 ? maybe(() => content(depth + 1)) : undefined } }),
      () => ({ imageMessage: { caption: maybe(text) } }),
      () => ({ audioMessage: { ptt: random() < 0.5 } }),
      () => ({ stickerMessage: {} }),
      () => ({ reactionMessage: { text: maybe(text) } }),
      () => ({ pollCreationMessage: { name: maybe(text) } }),
      () => (depth < 2 ? { ephemeralMessage: { message: content(depth + 1) } } : {}),
      () => (depth < 2 ? { viewOnceMessageV2: { message: content(depth + 1) } } : {}),
      () => (depth < 2 ? { documentWithCaptionMessage: { message: content(depth + 1) } } : {}),
      () => ({}),
    ];
    return pick(kinds)();
  }

  function message() {
    const key = { remoteJid: maybe(jid), id: maybe(text), fromMe: random() < 0.1, participant: random() < 0.2 ? jid() : undefined };
    if (random() < 0.3) key.remoteJidAlt = jid();
    if (random() < 0.1) key.participantAlt = jid();
    return waMessage({ key, message: random() < 0.95 ? content() : undefined, messageTimestamp: timestamp() });
  }

  return { message, vcard, ignoreGroups: () => random() < 0.8 };
}

function forEachTry(property) {
  const generate = generator(SEED);
  for (let attempt = 0; attempt < TRIES; attempt++) {
    try {
      property(generate);
    } catch (error) {
      error.message = `${error.message}\n  try ${attempt} of seed ${SEED} (MAPPING_FUZZ_SEED=${SEED} reproduces it)`;
      throw error;
    }
  }
}

describe('the inbound mapping under generated messages', () => {
  it('maps any message to the contract or leaves it out, and never throws', () => {
    forEachTry((generate) => {
      const message = generate.message();
      let mapped;
      try {
        mapped = mapMessage(message, { ignoreGroups: generate.ignoreGroups(), now: () => new Date(0) });
      } catch (error) {
        error.message += `\n  message: ${inspect(message, { depth: 6, maxStringLength: 200 })}`;
        throw error;
      }
      if (mapped === undefined) return;
      const shown = inspect(message, { depth: 6, maxStringLength: 200 });
      assert.equal(typeof mapped.messageId, 'string', shown);
      assert.ok(mapped.messageId.length > 0, shown);
      assert.match(mapped.sender, /^(\+\d+|\d+@lid)$/, shown);
      assert.ok(TYPES.has(mapped.type), shown);
      assert.equal(typeof mapped.text, 'string', shown);
      assert.match(mapped.timestamp, ISO_SECONDS, shown);
      assert.doesNotThrow(() => JSON.stringify(mapped), shown);
    });
  });

  it('reads any vCard as a name and phones of digits, and never throws', () => {
    forEachTry((generate) => {
      const vcard = generate.vcard();
      const card = parseVcard(vcard);
      assert.equal(typeof card.name, 'string');
      for (const phone of card.phones) assert.match(phone, /^\+?\d+$/, inspect(vcard, { maxStringLength: 200 }));
    });
  });
});
