import { DisconnectReason } from 'baileys';

/**
 * What to do when the WhatsApp connection closes, by Baileys' DisconnectReason (the status code of
 * `connection.update`'s lastDisconnect.error.output). A pure function, so each reason is a test case.
 *
 * - `logout`: the phone unlinked this device (or WhatsApp refused the device): the credentials are dead, so they
 *   are cleared and a new pairing starts; health is DOWN until someone scans the new QR.
 * - `stop`: another client took over the session, or the account is forbidden; reconnecting would fight it.
 * - `reconnect`: WhatsApp asks for a restart right after pairing; reconnect at once.
 * - `backoff`: the network or WhatsApp's service failed; reconnect after an exponential, jittered, capped delay.
 * - `reset`: the session's keys are corrupt; clear them and pair again.
 */
export function decide(statusCode) {
  switch (statusCode) {
    case DisconnectReason.loggedOut:
      return { action: 'logout', state: 'logged-out', reason: 'loggedOut' };
    case DisconnectReason.multideviceMismatch:
      return { action: 'logout', state: 'logged-out', reason: 'multideviceMismatch' };
    case DisconnectReason.connectionReplaced:
      return { action: 'stop', state: 'replaced', reason: 'connectionReplaced' };
    case DisconnectReason.forbidden:
      return { action: 'stop', state: 'forbidden', reason: 'forbidden' };
    case DisconnectReason.restartRequired:
      return { action: 'reconnect', state: 'connecting', reason: 'restartRequired' };
    case DisconnectReason.badSession:
      return { action: 'reset', state: 'connecting', reason: 'badSession' };
    // connectionLost and timedOut share 408.
    case DisconnectReason.connectionLost:
      return { action: 'backoff', state: 'reconnecting', reason: 'connectionLost' };
    case DisconnectReason.connectionClosed:
      return { action: 'backoff', state: 'reconnecting', reason: 'connectionClosed' };
    case DisconnectReason.unavailableService:
      return { action: 'backoff', state: 'reconnecting', reason: 'unavailableService' };
    default:
      // A close without a known code (a socket error, a DNS failure): treat it as the network's fault.
      return { action: 'backoff', state: 'reconnecting', reason: statusCode ? `status-${statusCode}` : 'unknown' };
  }
}

export function statusCodeOf(lastDisconnect) {
  return lastDisconnect?.error?.output?.statusCode;
}
