import QRCode from 'qrcode';

const TITLES = {
  connecting: 'Connecting to WhatsApp…',
  pairing: 'Scan the QR code with WhatsApp (Settings → Linked devices → Link a device)',
  open: 'Connected',
  reconnecting: 'Connection lost; reconnecting',
  'logged-out': 'Logged out: scan the new QR code to pair again',
  replaced: 'Another WhatsApp Web session took over; restart the sidecar once it is closed',
  forbidden: 'WhatsApp refused this account',
  stopped: 'Stopped',
};

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The operator's pairing page: the state, and the QR as an image (a data URL, so nothing else is served). */
export async function statusPage(status) {
  const qr = status.qr ? `<p><img alt="WhatsApp pairing QR code" width="320" height="320" src="${await QRCode.toDataURL(status.qr, { width: 320, margin: 2 })}"></p>` : '';
  const code = status.pairingCode ? `<p>Or enter this pairing code on the phone: <strong>${escape(status.pairingCode)}</strong></p>` : '';
  const me = status.me ? `<p>Paired as <code>${escape(status.me)}</code></p>` : '';
  const last = status.lastDisconnect ? `<p>Last disconnect: ${escape(status.lastDisconnect.reason)} at ${escape(status.lastDisconnect.at)}</p>` : '';
  // The QR changes every ~20 s while pairing; the page refreshes itself to follow it.
  const refresh = status.state === 'open' ? '' : '<meta http-equiv="refresh" content="5">';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${refresh}<title>WhatsApp Web sidecar</title></head>
<body>
<h1>${escape(TITLES[status.state] ?? status.state)}</h1>
<p>State: <code id="state">${escape(status.state)}</code></p>
${qr}${code}${me}${last}
</body></html>
`;
}
