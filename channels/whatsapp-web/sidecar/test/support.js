import { readFileSync, readdirSync } from 'node:fs';
import { proto } from 'baileys';
import { createLogger } from '../src/log.js';

const CONTRACT = new URL('../../src/test/resources/contract/', import.meta.url);

/** The contract's fixtures of one direction, by file name without `.json`. */
export function fixtures(direction) {
  const folder = new URL(`${direction}/`, CONTRACT);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.slice(0, -5), readFileSync(new URL(name, folder), 'utf8')]),
  );
}

/**
 * A WAMessage as Baileys 7 emits it in `messages.upsert`: the protobuf WebMessageInfo decoded (so
 * messageTimestamp is a Long and enums are numbers), with the key fields Baileys adds beside the protobuf ones
 * (remoteJidAlt, participantAlt: lib/Types/Message.d.ts).
 */
export function waMessage({ key, message, messageTimestamp }) {
  const decoded = proto.WebMessageInfo.fromObject({ key: { id: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe ?? false, participant: key.participant }, message, messageTimestamp });
  decoded.key = { ...decoded.key, ...key };
  return decoded;
}

export const PHONE_JID = '5511987654321@s.whatsapp.net';

/** A logger whose lines are kept, parsed, for assertions. */
export function captureLogger(level = 'debug') {
  const lines = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  logger.lines = lines;
  logger.events = () => lines.map((line) => JSON.parse(line).msg);
  return logger;
}

/** A clock the test moves by hand, in milliseconds. */
export function manualClock(start = Date.parse('2026-11-25T18:30:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms), date: () => new Date(now) };
}

/** Lets pending promise callbacks and immediates run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
