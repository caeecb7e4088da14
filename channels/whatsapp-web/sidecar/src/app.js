import { createErasure } from './erasure.js';
import { createForwarder } from './forwarder.js';
import { createHttpServer } from './http-server.js';
import { createIdempotency } from './idempotency.js';
import { createInbound } from './inbound.js';
import { createOutbound } from './outbound.js';
import { createMemoryOutbox } from './outbox.js';
import { createRateLimiter } from './rate-limit.js';
import { RecentKeys } from './recent-keys.js';
import { createSupervisor } from './supervisor.js';

/**
 * Wires the sidecar from its config and its two outside worlds: a socket factory (real Baileys, or a fake) with
 * an auth store, the forward outbox (Redis, or memory by default), and the Java channel's URL. main.js picks the
 * real ones; tests pass fakes.
 */
export function createApp({ config, socketFactory, auth, outbox, logger, fakeWhatsApp, sentMessages, fetch, sleep, random, clock }) {
  const forwarder = createForwarder({ channelUrl: config.channelUrl, secret: config.secret, logger, outbox, fetch, sleep, random });
  const recentKeys = new RecentKeys();
  const onUpsert = createInbound({ forwarder, logger, ignoreGroups: config.ignoreGroups, recentKeys });
  const session = createSupervisor({ socketFactory, auth, logger, onUpsert, pairingPhone: config.pairingPhone, sleep, random });
  const limiter = createRateLimiter({ ...config.rate, clock: clock ? () => clock().getTime() : undefined });
  const outbound = createOutbound({
    session,
    limiter,
    idempotency: createIdempotency({ clock: clock ? () => clock().getTime() : undefined }),
    logger,
    sentMessages,
    sleep,
    typingMs: config.typingMs,
  });
  const erasure = createErasure({ forwarder, outbox: outbox ?? createMemoryOutbox(), auth, recentKeys, sentMessages, limiter, fakeWhatsApp, logger });
  const server = createHttpServer({ secret: config.secret, statusToken: config.statusToken, session, outbound, erasure, logger, fakeWhatsApp });

  return {
    session,
    forwarder,
    server,
    async start() {
      await new Promise((resolve, reject) => server.once('error', reject).listen(config.port, config.host ?? '127.0.0.1', resolve));
      logger.info('sidecar.listening', { port: server.address().port, host: server.address().address, fake: Boolean(fakeWhatsApp), statusToken: Boolean(config.statusToken) });
      // Queued before the session opens: what an earlier run left goes out ahead of anything received now.
      forwarder.resume();
      await session.start();
    },
    /** Stops taking messages, gives the forwarder `config.stopDrainMs` to drain, and closes the HTTP server. */
    async stop() {
      await session.stop();
      // Requests in flight finish; idle keep-alive connections would otherwise hold the close open.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      const [{ left }] = await Promise.all([forwarder.close({ drainMs: config.stopDrainMs ?? 5000 }), closed]);
      return { left };
    },
  };
}
