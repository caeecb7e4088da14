import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { DisconnectReason } from 'baileys';
import { createMemoryAuthStore } from '../src/auth/memory-auth-state.js';
import { createFakeSocket } from '../src/fake-socket.js';
import { createSupervisor } from '../src/supervisor.js';
import { captureLogger, settle } from './support.js';

describe('session supervisor with a fake socket', () => {
  let sockets;
  let sleeps;
  let clears;
  let supervisor;
  let upserts;

  function start({ pairingPhone } = {}) {
    const auth = createMemoryAuthStore();
    const clear = auth.clear;
    auth.clear = async () => {
      clears++;
      await clear();
    };
    supervisor = createSupervisor({
      socketFactory: ({ auth: state }) => {
        const sock = createFakeSocket();
        sock.creds = state.creds;
        sockets.push(sock);
        return sock;
      },
      auth,
      logger: captureLogger(),
      onUpsert: (upsert) => upserts.push(upsert),
      pairingPhone,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      backoff: { baseMs: 1000, capMs: 8000 },
    });
    return supervisor.start();
  }

  const last = () => sockets.at(-1);

  beforeEach(() => {
    sockets = [];
    sleeps = [];
    clears = 0;
    upserts = [];
  });

  it('shows the QR while pairing, then is open with the paired account', async () => {
    await start();
    assert.equal(supervisor.status().state, 'connecting');
    last().showQr('2@qr-one');
    await settle();
    assert.deepEqual([supervisor.status().state, supervisor.status().qr], ['pairing', '2@qr-one']);
    assert.equal(supervisor.openSocket(), undefined);
    last().open();
    await settle();
    assert.deepEqual(
      { state: supervisor.status().state, me: supervisor.status().me, qr: supervisor.status().qr },
      { state: 'open', me: '5500000000000:1@s.whatsapp.net', qr: null },
    );
    assert.equal(supervisor.openSocket(), last());
  });

  it('asks for a pairing code for the configured phone when the QR comes', async () => {
    await start({ pairingPhone: '+55 11 90000-0000' });
    let asked;
    last().requestPairingCode = async (phone) => {
      asked = phone;
      return 'ABCD1234';
    };
    last().showQr();
    await settle();
    assert.equal(asked, '5511900000000');
    assert.equal(supervisor.status().pairingCode, 'ABCD1234');
  });

  it('hands notify upserts of the current socket on', async () => {
    await start();
    last().open();
    last().receive({ key: { id: 'A' } });
    assert.equal(upserts.length, 1);
  });

  it('restartRequired reconnects at once, without waiting', async () => {
    await start();
    last().close(DisconnectReason.restartRequired);
    await settle();
    assert.equal(sockets.length, 2);
    assert.deepEqual(sleeps, []);
    assert.equal(clears, 0);
  });

  it('lost, timed out, closed and unavailable back off exponentially to the cap, and an open resets it', async () => {
    await start();
    for (const code of [DisconnectReason.connectionLost, DisconnectReason.timedOut, DisconnectReason.connectionClosed, DisconnectReason.unavailableService, DisconnectReason.connectionLost, DisconnectReason.connectionLost]) {
      last().close(code);
      await settle();
    }
    // random 0.5: three quarters of min(cap, base·2^attempt)
    assert.deepEqual(sleeps, [750, 1500, 3000, 6000, 6000, 6000]);
    assert.equal(sockets.length, 7);
    assert.equal(supervisor.status().lastDisconnect.reason, 'connectionLost');
    last().open();
    last().close(DisconnectReason.connectionClosed);
    await settle();
    assert.equal(sleeps.at(-1), 750);
  });

  it('loggedOut clears the credentials, reports logged-out (health DOWN) and pairs again with a new QR', async () => {
    await start();
    last().open();
    const oldCreds = last().creds;
    last().close(DisconnectReason.loggedOut);
    await settle();
    assert.equal(clears, 1);
    assert.equal(sockets.length, 2);
    assert.notEqual(last().creds, oldCreds);
    assert.deepEqual([supervisor.status().state, supervisor.status().me], ['logged-out', null]);
    last().showQr('2@new');
    await settle();
    assert.deepEqual([supervisor.status().state, supervisor.status().qr], ['logged-out', '2@new']);
    last().open();
    await settle();
    assert.equal(supervisor.status().state, 'open');
  });

  it('connectionReplaced stops for good: no new socket, state replaced', async () => {
    await start();
    last().open();
    last().close(DisconnectReason.connectionReplaced);
    await settle();
    assert.equal(sockets.length, 1);
    assert.equal(supervisor.status().state, 'replaced');
    assert.equal(supervisor.openSocket(), undefined);
    assert.deepEqual(sleeps, []);
  });

  it('badSession resets the keys and connects again for a new pairing', async () => {
    await start();
    last().open();
    last().close(DisconnectReason.badSession);
    await settle();
    assert.equal(clears, 1);
    assert.equal(sockets.length, 2);
    assert.deepEqual(sleeps, []);
  });

  it('events of an old socket are ignored', async () => {
    await start();
    const old = last();
    old.close(DisconnectReason.restartRequired);
    await settle();
    old.receive({ key: { id: 'late' } });
    old.open();
    assert.equal(upserts.length, 0);
    assert.equal(supervisor.status().state, 'connecting');
  });

  it('a socket that cannot be made is retried with backoff', async () => {
    let failures = 1;
    const made = [];
    supervisor = createSupervisor({
      socketFactory: () => {
        if (failures-- > 0) throw new Error('no network');
        const sock = createFakeSocket();
        made.push(sock);
        return sock;
      },
      auth: createMemoryAuthStore(),
      logger: captureLogger(),
      sleep: async (ms) => sleeps.push(ms),
      random: () => 0,
    });
    await supervisor.start();
    assert.deepEqual(sleeps, [500]);
    assert.equal(made.length, 1);
    assert.equal(supervisor.status().state, 'connecting');
  });

  it('credentials are saved on creds.update of the current socket only', async () => {
    const auth = createMemoryAuthStore();
    let saves = 0;
    const load = auth.load;
    auth.load = async () => ({ ...(await load()), saveCreds: async () => saves++ });
    supervisor = createSupervisor({ socketFactory: () => (sockets.push(createFakeSocket()), last()), auth, logger: captureLogger(), sleep: async () => {} });
    await supervisor.start();
    const first = last();
    first.open(); // emits creds.update
    await settle();
    assert.equal(saves, 1);
    first.close(DisconnectReason.loggedOut);
    await settle();
    first.ev.emit('creds.update', {});
    assert.equal(saves, 1);
  });

  it('stop ends the socket and never reconnects', async () => {
    await start();
    last().open();
    await supervisor.stop();
    assert.equal(supervisor.status().state, 'stopped');
    assert.equal(sockets.length, 1);
  });
});
