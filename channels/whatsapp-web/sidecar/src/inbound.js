import { mapMessage } from './mapping.js';
import { messageKey, RecentKeys } from './recent-keys.js';

/** `messages.upsert` → contract messages → the forwarder, each message key once. */
export function createInbound({ forwarder, logger, ignoreGroups = true, recentKeys = new RecentKeys(), now = () => new Date() }) {
  return function onUpsert(upsert) {
    if (upsert?.type !== 'notify') return [];
    const forwarded = [];
    for (const message of upsert.messages ?? []) {
      const mapped = mapMessage(message, { ignoreGroups, now });
      if (!mapped) {
        logger.debug('inbound.ignored', { messageId: message?.key?.id });
        continue;
      }
      if (!recentKeys.add(messageKey(message.key))) {
        logger.info('inbound.duplicate', { messageId: mapped.messageId });
        continue;
      }
      logger.info('inbound.received', { messageId: mapped.messageId, type: mapped.type });
      forwarded.push(forwarder.forward(mapped));
    }
    return forwarded;
  };
}
