import { backoffDelay, realSleep } from './backoff.js';
import { decide, statusCodeOf } from './reconnect.js';

/**
 * Holds one WhatsApp Web session: creates the socket, follows its `connection.update` events, applies the
 * reconnect policy of reconnect.js, persists credentials on `creds.update`, and hands `messages.upsert` on.
 *
 * States (GET /status): `connecting`, `pairing` (a QR or pairing code waits to be used), `open`, `reconnecting`
 * (waiting out a backoff), `logged-out` (credentials cleared, a new QR waits), `replaced` and `forbidden`
 * (stopped for good), `stopped` (shut down).
 */
export function createSupervisor({
  socketFactory,
  auth,
  logger,
  onUpsert = () => {},
  pairingPhone,
  sleep = realSleep,
  random = Math.random,
  clock = () => new Date(),
  backoff = { baseMs: 1000, capMs: 60_000 },
}) {
  let current;
  let authState;
  let stopped = false;
  let attempt = 0;
  const status = { state: 'connecting', me: null, qr: null, pairingCode: null, lastDisconnect: null };

  async function connect() {
    if (stopped) return;
    let sock;
    try {
      authState ??= await auth.load();
      sock = socketFactory({ auth: authState.state });
    } catch (error) {
      logger.error('connection.create-failed', { error: error.name });
      return onClose({ connection: 'close', lastDisconnect: { error, date: clock() } });
    }
    current = sock;
    if (status.state !== 'logged-out') status.state = 'connecting';
    let pairingRequested = false;
    const { saveCreds } = authState;
    sock.ev.on('creds.update', () => {
      // A closed socket's late update must not write back credentials a logout just cleared.
      if (sock !== current) return;
      saveCreds().catch((error) => logger.error('auth.save-failed', { error: error.name }));
    });
    sock.ev.on('messages.upsert', (upsert) => {
      if (sock === current) onUpsert(upsert);
    });
    sock.ev.on('connection.update', async (update) => {
      if (sock !== current) return;
      try {
        if (update.qr) {
          status.qr = update.qr;
          if (status.state !== 'logged-out') status.state = 'pairing';
          logger.info('connection.qr');
          if (pairingPhone && !pairingRequested) {
            pairingRequested = true;
            status.pairingCode = await sock.requestPairingCode(pairingPhone.replace(/\D/g, ''));
            logger.info('connection.pairing-code');
          }
        }
        if (update.connection === 'open') {
          Object.assign(status, { state: 'open', me: sock.user?.id ?? null, qr: null, pairingCode: null });
          attempt = 0;
          logger.info('connection.open');
        } else if (update.connection === 'close') {
          await onClose(update);
        }
      } catch (error) {
        logger.error('connection.update-failed', { error: error.name });
      }
    });
  }

  async function onClose(update) {
    current = undefined;
    if (stopped) return;
    const statusCode = statusCodeOf(update.lastDisconnect);
    const decision = decide(statusCode);
    status.lastDisconnect = { reason: decision.reason, statusCode: statusCode ?? null, at: (update.lastDisconnect?.date ?? clock()).toISOString() };
    Object.assign(status, { state: decision.state, qr: null, pairingCode: null });
    if (decision.action === 'logout' || decision.action === 'reset') status.me = null;
    logger.warn('connection.closed', { reason: decision.reason, statusCode: statusCode ?? null, action: decision.action });
    switch (decision.action) {
      case 'stop':
        return;
      case 'logout':
      case 'reset':
        await auth.clear();
        authState = undefined;
        return connect();
      case 'reconnect':
        return connect();
      case 'backoff': {
        const delayMs = backoffDelay(attempt++, { ...backoff, random });
        logger.info('connection.backoff', { attempt, delayMs });
        await sleep(delayMs);
        return connect();
      }
    }
  }

  return {
    start: connect,
    async stop() {
      stopped = true;
      status.state = 'stopped';
      const sock = current;
      current = undefined;
      await sock?.end?.(undefined);
    },
    status: () => ({ ...status }),
    /** The socket when the session is open, else undefined. */
    openSocket: () => (status.state === 'open' ? current : undefined),
    currentSocket: () => current,
  };
}
