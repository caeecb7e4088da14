import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createFakeSocket } from '../src/fake-socket.js';
import { createIdempotency } from '../src/idempotency.js';
import { jidForRecipient } from '../src/jids.js';
import { createOutbound } from '../src/outbound.js';
import { createRateLimiter } from '../src/rate-limit.js';
import { SentMessages } from '../src/sent-messages.js';
import { captureLogger, fixtures, manualClock } from './support.js';

describe('recipient to JID', () => {
  it('+ and E.164 digits go to the phone JID; a LID JID as is', () => {
    assert.equal(jidForRecipient('+5511987654321'), '5511987654321@s.whatsapp.net');
    assert.equal(jidForRecipient('208420593053874@lid'), '208420593053874@lid');
  });
  it('anything else is refused', () => {
    for (const to of ['5511987654321', '+55 11 98765-4321', '+123', '5511987654321@s.whatsapp.net', '120363041234567890@g.us', '', undefined, 42]) {
      assert.equal(jidForRecipient(to), undefined, String(to));
    }
  });
});

describe('rate limiter (per recipient and global)', () => {
  it('lets a burst through, then spaces sends to the per-recipient rate', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perRecipientPerMinute: 20, perRecipientBurst: 3, globalPerMinute: 600, globalBurst: 100, maxWaitMs: 10_000, clock: clock.now });
    assert.deepEqual([1, 2, 3].map(() => limiter.reserve('a').waitMs), [0, 0, 0]);
    assert.deepEqual(limiter.reserve('a'), { ok: true, waitMs: 3000 });
    assert.deepEqual(limiter.reserve('a'), { ok: true, waitMs: 6000 });
    assert.equal(limiter.reserve('b').waitMs, 0, 'another recipient has its own budget');
    clock.advance(60_000);
    assert.equal(limiter.reserve('a').waitMs, 0, 'the budget refills with time');
  });

  it('caps all recipients together', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perRecipientPerMinute: 60, perRecipientBurst: 5, globalPerMinute: 6, globalBurst: 2, maxWaitMs: 60_000, clock: clock.now });
    assert.deepEqual(['a', 'b', 'c', 'd'].map((r) => limiter.reserve(r).waitMs), [0, 0, 10_000, 20_000]);
  });

  it('refuses, without consuming, what would wait longer than the maximum', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perRecipientPerMinute: 6, perRecipientBurst: 1, globalPerMinute: 600, maxWaitMs: 5000, clock: clock.now });
    assert.equal(limiter.reserve('a').waitMs, 0);
    assert.deepEqual(limiter.reserve('a'), { ok: false, retryAfterMs: 10_000 });
    clock.advance(6000);
    assert.deepEqual(limiter.reserve('a'), { ok: true, waitMs: 4000 });
  });
});

describe('idempotency by id', () => {
  it('sends an id once and answers a repeat with the first answer, for a day', async () => {
    const clock = manualClock();
    const idempotency = createIdempotency({ clock: clock.now });
    let sends = 0;
    const send = async () => ({ status: 200, body: { messageId: `M${++sends}` } });
    const isFinal = (a) => a.status === 200;
    assert.deepEqual((await idempotency.once('x', send, isFinal)).body, { messageId: 'M1' });
    assert.deepEqual((await idempotency.once('x', send, isFinal)).body, { messageId: 'M1' });
    clock.advance(24 * 60 * 60 * 1000 - 1);
    assert.deepEqual((await idempotency.once('x', send, isFinal)).body, { messageId: 'M1' });
    clock.advance(1);
    assert.deepEqual((await idempotency.once('x', send, isFinal)).body, { messageId: 'M2' });
    assert.equal(idempotency.size, 1);
  });

  it('a concurrent repeat waits for the first send instead of sending again', async () => {
    const idempotency = createIdempotency();
    let sends = 0;
    let release;
    const send = () => new Promise((resolve) => (release = () => resolve({ status: 200, body: { messageId: `M${++sends}` } })));
    const first = idempotency.once('x', send, () => true);
    const second = idempotency.once('x', send, () => true);
    release();
    assert.deepEqual([(await first).body, (await second).body], [{ messageId: 'M1' }, { messageId: 'M1' }]);
  });

  it('a refusal is not remembered: the retry sends', async () => {
    const idempotency = createIdempotency();
    const answers = [{ status: 503, body: {} }, { status: 200, body: { messageId: 'M' } }];
    const send = async () => answers.shift();
    assert.equal((await idempotency.once('x', send, (a) => a.status === 200)).status, 503);
    assert.equal((await idempotency.once('x', send, (a) => a.status === 200)).status, 200);
  });
});

describe('outbound send', () => {
  let sock;
  let state;
  let sleeps;
  let logger;
  let outbound;

  const session = {
    openSocket: () => (state === 'open' ? sock : undefined),
    status: () => ({ state }),
  };

  beforeEach(() => {
    sock = createFakeSocket();
    state = 'open';
    sleeps = [];
    logger = captureLogger();
    const clock = manualClock();
    outbound = createOutbound({
      session,
      limiter: createRateLimiter({ perRecipientPerMinute: 20, perRecipientBurst: 1, globalPerMinute: 60, maxWaitMs: 5000, clock: clock.now }),
      idempotency: createIdempotency({ clock: clock.now }),
      logger,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
      typingMs: 600,
    });
  });

  for (const [name, json] of Object.entries(fixtures('outbound'))) {
    it(`accepts the ${name} fixture and sends its text to the recipient's JID`, async () => {
      const request = JSON.parse(json);
      const answer = await outbound.send(request);
      assert.equal(answer.status, 200);
      assert.match(answer.body.messageId, /^FAKE/);
      assert.deepEqual(sock.sent, [{ jid: jidForRecipient(request.to), text: request.text }]);
    });
  }

  it('shows typing before the message and stops after it', async () => {
    await outbound.send({ id: '1', to: '+5511987654321', text: 'Oi' });
    const jid = '5511987654321@s.whatsapp.net';
    assert.deepEqual(sock.presences, [{ type: 'composing', jid }, { type: 'paused', jid }]);
    assert.deepEqual(sleeps, [600]);
  });

  it('sends a repeated id once, answering with the first message id', async () => {
    const first = await outbound.send({ id: 'same', to: '+5511987654321', text: 'Oi' });
    const repeat = await outbound.send({ id: 'same', to: '+5511987654321', text: 'Oi' });
    assert.equal(sock.sent.length, 1);
    assert.deepEqual(repeat.body, first.body);
  });

  it('answers 503 with the state while not connected, and sends on the retry once connected', async () => {
    state = 'reconnecting';
    const refused = await outbound.send({ id: 'r', to: '+5511987654321', text: 'Oi' });
    assert.deepEqual([refused.status, refused.body], [503, { state: 'reconnecting' }]);
    state = 'open';
    assert.equal((await outbound.send({ id: 'r', to: '+5511987654321', text: 'Oi' })).status, 200);
    assert.equal(sock.sent.length, 1);
  });

  it('waits out a short pacing delay, and answers 429 with Retry-After past the maximum wait', async () => {
    // Three replies to one person at the same instant (the clock stands still): 3 s apart per recipient.
    const clock = manualClock();
    const paced = createOutbound({
      session,
      limiter: createRateLimiter({ perRecipientPerMinute: 20, perRecipientBurst: 1, globalPerMinute: 600, maxWaitMs: 5000, clock: clock.now }),
      idempotency: createIdempotency({ clock: clock.now }),
      logger,
      sleep: async (ms) => sleeps.push(ms),
      typingMs: 0,
    });
    const to = '+5511987654321';
    const answers = await Promise.all(['p1', 'p2', 'p3'].map((id) => paced.send({ id, to, text: id })));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 429]);
    assert.deepEqual(sleeps, [3000]);
    assert.equal(answers[2].headers['retry-after'], '6');
    assert.deepEqual(sock.sent.map((s) => s.text), ['p1', 'p2']);
    assert.equal((await paced.send({ id: 'p4', to: '+5511900000001', text: 'p4' })).status, 200, 'another person is not held');
  });

  it('answers 502 when WhatsApp refuses the message, and the retry sends', async () => {
    sock = createFakeSocket({ failSend: new Error('not-acceptable') });
    assert.equal((await outbound.send({ id: 'f', to: '+5511987654321', text: 'Oi' })).status, 502);
    sock = createFakeSocket();
    assert.equal((await outbound.send({ id: 'f', to: '+5511987654321', text: 'Oi' })).status, 200);
  });

  it('refuses bodies that are not the contract shape', async () => {
    for (const body of [null, [], { to: '+5511987654321', text: 'x' }, { id: '1', to: '5511987654321', text: 'x' }, { id: '1', to: '+5511987654321', text: '' }, { id: '1', to: '+5511987654321' }]) {
      const answer = await outbound.send(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
    }
    assert.equal(sock.sent.length, 0);
  });
});

describe('sent messages for retries', () => {
  it("keeps what was sent, by id, for Baileys' getMessage, and forgets the oldest past the capacity", async () => {
    const sentMessages = new SentMessages(1);
    const sock = createFakeSocket();
    const outbound = createOutbound({
      session: { openSocket: () => sock, status: () => ({ state: 'open' }) },
      limiter: createRateLimiter({}),
      idempotency: createIdempotency(),
      logger: captureLogger(),
      sentMessages,
      typingMs: 0,
    });
    const first = await outbound.send({ id: '1', to: '+5511987654321', text: 'um' });
    assert.deepEqual(sentMessages.get({ id: first.body.messageId }), { extendedTextMessage: { text: 'um' } });
    const second = await outbound.send({ id: '2', to: '+5511987654321', text: 'dois' });
    assert.equal(sentMessages.get({ id: first.body.messageId }), undefined);
    assert.ok(sentMessages.get({ id: second.body.messageId }));
  });
});
