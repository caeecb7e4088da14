import { isJidBroadcast, isJidGroup, isJidNewsletter, isLidUser, isPnUser, jidDecode } from 'baileys';

/**
 * The contract's sender for a message key: `+digits` when the phone is known (a phone-number JID, or the
 * phone Baileys 7 gives beside a LID in `remoteJidAlt`, or `participantAlt` where the sender is a participant),
 * else the LID JID without its device suffix. Undefined when the key names no person. A JID whose user is not digits
 * (`@s.whatsapp.net`, `abc@lid`) names no one: `+` or `+abc` is no sender the contract knows (found by fuzzing).
 */
export function senderOf(key) {
  const primary = key.participant || key.remoteJid;
  const alternative = key.participant ? key.participantAlt : key.remoteJidAlt;
  for (const jid of [primary, alternative]) {
    if (isPnUser(jid) && DIGITS.test(jidDecode(jid).user)) return '+' + jidDecode(jid).user;
  }
  for (const jid of [primary, alternative]) {
    if (isLidUser(jid) && DIGITS.test(jidDecode(jid).user)) return jidDecode(jid).user + '@lid';
  }
  return undefined;
}

const DIGITS = /^\d+$/;

/** Chats the sidecar never answers: status updates, broadcasts, newsletters, and groups when so configured. */
export function isIgnoredChat(remoteJid, { ignoreGroups }) {
  if (!remoteJid) return true;
  if (isJidBroadcast(remoteJid) || isJidNewsletter(remoteJid)) return true;
  return ignoreGroups && isJidGroup(remoteJid);
}

const PHONE = /^\+(\d{8,15})$/;
const LID = /^(\d+)@lid$/;

/** The JID a reply goes to, from the contract's `to`; undefined when `to` is neither form. */
export function jidForRecipient(to) {
  if (typeof to !== 'string') return undefined;
  const phone = PHONE.exec(to);
  if (phone) return phone[1] + '@s.whatsapp.net';
  if (LID.test(to)) return to;
  return undefined;
}
