import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baileysLogger, createLogger, scrub } from '../src/log.js';

describe('logs', () => {
  it('are one JSON object per line with time, level and event', () => {
    const lines = [];
    const logger = createLogger({ level: 'info', write: (l) => lines.push(l), clock: () => new Date('2026-11-25T18:30:00Z') });
    logger.debug('hidden');
    logger.info('inbound.received', { messageId: 'A' });
    assert.deepEqual(lines.map((l) => JSON.parse(l)), [{ time: '2026-11-25T18:30:00.000Z', level: 'info', msg: 'inbound.received', messageId: 'A' }]);
  });

  it("Baileys' logs keep their message with JIDs and numbers masked, and drop its objects", () => {
    const lines = [];
    const logger = baileysLogger(createLogger({ level: 'debug', write: (l) => lines.push(l) }), 'debug');
    logger.child({ class: 'socket' }).warn({ jid: '5511987654321@s.whatsapp.net', node: { content: 'oi' } }, 'failed to decrypt message from 5511987654321@s.whatsapp.net (208420593053874:3@lid)');
    logger.error({ err: Object.assign(new Error('Connection Closed 5511987654321'), { output: { statusCode: 428 } }) }, 'connection errored');
    const [warn, error] = lines.map((l) => JSON.parse(l));
    assert.equal(warn.detail, 'failed to decrypt message from <jid> (<jid>)');
    assert.equal(warn.jid, undefined);
    assert.deepEqual([error.error, error.statusCode, error.detail], ['Error', 428, 'connection errored']);
    assert.ok(lines.every((l) => !l.includes('5511987654321') && !l.includes('oi"')));
  });

  it('scrub masks phone-like digit runs', () => {
    assert.equal(scrub('retry for +55 11 987654321 and 5511987654321'), 'retry for +55 11 <digits> and <digits>');
  });
});
