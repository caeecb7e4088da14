import { getContentType, normalizeMessageContent, proto } from 'baileys';
import { isIgnoredChat, senderOf } from './jids.js';

const MESSAGE_EDIT = proto.Message.ProtocolMessage.Type.MESSAGE_EDIT;

/**
 * Translates one Baileys `messages.upsert` event into the contract's inbound messages (docs/channels.md).
 * Only `notify` upserts are new messages; `append` ones are history and our own sends.
 */
export function mapUpsert(upsert, options) {
  if (upsert?.type !== 'notify') return [];
  return (upsert.messages ?? []).map((message) => mapMessage(message, options)).filter(Boolean);
}

/** One WAMessage to one contract message, or undefined when the sidecar does not forward it. */
export function mapMessage(message, { ignoreGroups = true, now = () => new Date() } = {}) {
  const key = message?.key;
  if (!key?.id || key.fromMe || isIgnoredChat(key.remoteJid, { ignoreGroups })) return undefined;
  const sender = senderOf(key);
  const content = normalizeMessageContent(message.message);
  // No content: a stub (a message that could not be decrypted yet, a call notice); Baileys re-delivers on retry.
  if (!sender || !content) return undefined;
  const kind = getContentType(content);
  if (!kind) return undefined;
  const body = translate(kind, content[kind]);
  if (!body) return undefined;
  return { messageId: key.id, sender, timestamp: isoSeconds(message.messageTimestamp, now), ...body };
}

function translate(kind, value) {
  switch (kind) {
    case 'conversation':
      return { type: 'text', text: value ?? '' };
    case 'extendedTextMessage':
      return { type: 'text', text: value.text ?? '', ...replyTo(value) };
    case 'buttonsResponseMessage':
      return { type: 'button', text: value.selectedDisplayText ?? '', optionId: value.selectedButtonId ?? '', ...replyTo(value) };
    case 'templateButtonReplyMessage':
      return { type: 'button', text: value.selectedDisplayText ?? '', optionId: value.selectedId ?? '', ...replyTo(value) };
    case 'listResponseMessage':
      return { type: 'list', text: value.title ?? '', optionId: value.singleSelectReply?.selectedRowId ?? '', ...replyTo(value) };
    case 'locationMessage':
    case 'liveLocationMessage':
      return { type: 'location', text: '', location: location(value), ...replyTo(value) };
    case 'contactMessage':
      return { type: 'contact', text: '', contact: contact(value), ...replyTo(value) };
    case 'protocolMessage':
      return edit(value);
    default:
      return { type: 'unsupported', text: '', kind };
  }
}

// An edit arrives as a protocol message naming the edited message; its new content sits in editedMessage.
// Other protocol messages (revokes, key shares, ephemeral settings) are the client's business, not a person's.
function edit(protocol) {
  if (protocol.type !== MESSAGE_EDIT || !protocol.key?.id) return undefined;
  const edited = normalizeMessageContent(protocol.editedMessage);
  const text = edited?.conversation ?? edited?.extendedTextMessage?.text ?? '';
  return { type: 'edit', text, editedMessageId: protocol.key.id };
}

function replyTo(value) {
  const stanzaId = value?.contextInfo?.stanzaId;
  return stanzaId ? { replyTo: stanzaId } : {};
}

function location(value) {
  const place = { latitude: value.degreesLatitude, longitude: value.degreesLongitude };
  if (value.name) place.name = value.name;
  if (value.address) place.address = value.address;
  return place;
}

function contact(value) {
  const card = parseVcard(value.vcard ?? '');
  return { name: card.name || value.displayName || '', phones: card.phones };
}

/**
 * The name and phones of a vCard (RFC 6350) as WhatsApp writes it: `TEL;type=CELL;waid=5521998765432:+55 21 99876-5432`.
 * The `waid` parameter is the WhatsApp id, the plain digits of the E.164 number; without it, a number written with
 * its `+` becomes E.164 and any other is kept as its digits.
 */
export function parseVcard(vcard) {
  let name = '';
  const phones = [];
  // Folded lines (RFC 6350 3.2) continue with a space or a tab.
  const lines = vcard.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [property, ...parameters] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1).trim();
    const upper = property.toUpperCase().replace(/^ITEM\d+\./, '');
    if (upper === 'FN') {
      name = value;
    } else if (upper === 'TEL') {
      const waid = parameters.map((p) => /^waid=(\d+)$/i.exec(p)).find(Boolean);
      const digits = waid ? waid[1] : value.replace(/\D/g, '');
      if (!digits) continue;
      phones.push(waid || value.startsWith('+') ? '+' + digits : digits);
    }
  }
  return { name, phones };
}

/**
 * WhatsApp's seconds (a number, or protobuf's Long) as ISO-8601 UTC without milliseconds, like the fixtures. A time
 * no Date can hold (beyond 8.64e15 ms either side of 1970) is no time, like a missing one: toISOString would throw,
 * and with it every message after this one in its upsert would be lost (found by fuzzing).
 */
export function isoSeconds(messageTimestamp, now = () => new Date()) {
  const seconds = toNumber(messageTimestamp);
  const date = seconds ? new Date(seconds * 1000) : undefined;
  const known = date && !Number.isNaN(date.getTime()) ? date : now();
  return known.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toNumber(value) {
  if (value == null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (typeof value.toNumber === 'function') return value.toNumber();
  if (typeof value.low === 'number') return (value.high ?? 0) * 2 ** 32 + (value.low >>> 0);
  return undefined;
}
