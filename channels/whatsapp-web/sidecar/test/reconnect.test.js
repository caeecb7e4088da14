import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DisconnectReason } from 'baileys';
import { backoffDelay } from '../src/backoff.js';
import { decide } from '../src/reconnect.js';

describe('reconnect policy: each disconnect reason to a decision', () => {
  const cases = [
    ['loggedOut', DisconnectReason.loggedOut, 'logout', 'logged-out'],
    ['multideviceMismatch', DisconnectReason.multideviceMismatch, 'logout', 'logged-out'],
    ['connectionReplaced', DisconnectReason.connectionReplaced, 'stop', 'replaced'],
    ['forbidden', DisconnectReason.forbidden, 'stop', 'forbidden'],
    ['restartRequired', DisconnectReason.restartRequired, 'reconnect', 'connecting'],
    ['badSession', DisconnectReason.badSession, 'reset', 'connecting'],
    ['connectionLost', DisconnectReason.connectionLost, 'backoff', 'reconnecting'],
    ['timedOut', DisconnectReason.timedOut, 'backoff', 'reconnecting'],
    ['connectionClosed', DisconnectReason.connectionClosed, 'backoff', 'reconnecting'],
    ['unavailableService', DisconnectReason.unavailableService, 'backoff', 'reconnecting'],
  ];
  for (const [name, code, action, state] of cases) {
    it(`${name} (${code}) → ${action}, state ${state}`, () => {
      const decision = decide(code);
      assert.equal(decision.action, action);
      assert.equal(decision.state, state);
    });
  }
  it('an unknown or missing code backs off', () => {
    assert.equal(decide(599).action, 'backoff');
    assert.equal(decide(undefined).action, 'backoff');
    assert.equal(decide(undefined).reason, 'unknown');
  });
});

describe('backoff', () => {
  it('doubles from the base, between half and all of the ceiling', () => {
    assert.equal(backoffDelay(0, { baseMs: 1000, capMs: 60_000, random: () => 0 }), 500);
    assert.equal(backoffDelay(0, { baseMs: 1000, capMs: 60_000, random: () => 1 }), 1000);
    assert.equal(backoffDelay(3, { baseMs: 1000, capMs: 60_000, random: () => 0.5 }), 6000);
  });
  it('never passes the cap', () => {
    assert.equal(backoffDelay(40, { baseMs: 1000, capMs: 60_000, random: () => 1 }), 60_000);
    assert.equal(backoffDelay(40, { baseMs: 1000, capMs: 60_000, random: () => 0 }), 30_000);
  });
});
