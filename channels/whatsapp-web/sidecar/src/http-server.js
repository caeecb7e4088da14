import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { validateErasure } from './erasure.js';
import { problem } from './outbound.js';
import { SIGNATURE_HEADER, verify } from './signature.js';
import { statusPage } from './status-page.js';

const MAX_BODY_BYTES = 256 * 1024;

/**
 * The sidecar's HTTP face: `POST /messages` (the Java channel's replies, signed), `POST /erasures` (forget an erased
 * person, signed), `GET /status` (pairing page or JSON), `GET /health`. With a fake WhatsApp (fake mode only) also `POST /fake/inbound` and `GET /fake/sent`.
 *
 * With a `statusToken`, `/status` answers only a request that carries it, as a bearer token or as the password of
 * HTTP Basic authentication (any user name: the browser asks for it). `/health` says only UP or DOWN and the state,
 * for the health checks, and stays open.
 */
export function createHttpServer({ secret, statusToken, session, outbound, erasure, logger, fakeWhatsApp }) {
  const routes = {
    'POST /messages': async (request) => {
      const { body, refusal } = await readSigned(request, secret, logger, 'outbound.bad-signature');
      if (refusal) return refusal;
      const answer = await outbound.send(body);
      return json(answer.status, answer.body, answer.headers);
    },
    'POST /erasures': async (request) => {
      const { body, refusal } = await readSigned(request, secret, logger, 'erasure.bad-signature');
      if (refusal) return refusal;
      const invalid = validateErasure(body);
      if (invalid) return json(400, problem(400, 'Bad Request', invalid));
      if (!erasure) return json(503, problem(503, 'Service Unavailable', 'Erasures are not wired.'));
      return json(200, { forgotten: await erasure.forget(body) });
    },
    'GET /status': async (request) => {
      if (statusToken && !carriesToken(request, statusToken)) {
        logger.warn('status.unauthorized');
        return json(401, problem(401, 'Unauthorized', 'The status page asks for WHATSAPP_WEB_STATUS_TOKEN.'), {
          'www-authenticate': 'Basic realm="whatsapp-web-sidecar", charset="UTF-8"',
          'cache-control': 'no-store',
        });
      }
      const status = session.status();
      if (/\btext\/html\b/.test(request.headers.accept ?? '')) {
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: await statusPage(status) };
      }
      const { state, me, qr, pairingCode, lastDisconnect } = status;
      return json(200, { state, me, qr, pairingCode, lastDisconnect }, { 'cache-control': 'no-store' });
    },
    'GET /health': async () => {
      const { state } = session.status();
      return state === 'open' ? json(200, { status: 'UP' }) : json(503, { status: 'DOWN', state });
    },
  };
  if (fakeWhatsApp) {
    routes['POST /fake/inbound'] = async (request) => {
      const raw = await readBody(request);
      let message;
      try {
        message = JSON.parse(raw?.toString('utf8') ?? '');
      } catch {
        return json(400, problem(400, 'Bad Request', 'The body is not JSON.'));
      }
      fakeWhatsApp.receive(message);
      return json(202, { status: 'emitted' });
    };
    routes['GET /fake/sent'] = async () => json(200, fakeWhatsApp.sent);
  }

  return createServer(async (request, response) => {
    const path = new URL(request.url, 'http://sidecar').pathname;
    const route = routes[`${request.method} ${path}`];
    let answer;
    try {
      answer = route ? await route(request) : json(404, problem(404, 'Not Found', 'No such route.'));
    } catch (error) {
      logger.error('http.failed', { route: `${request.method} ${path}`, error: error?.name });
      answer = json(500, problem(500, 'Internal Server Error', 'The sidecar failed.'));
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
}

function json(status, body, headers = {}) {
  const type = status >= 400 && body?.title ? 'application/problem+json' : 'application/json';
  return { status, headers: { 'content-type': type, ...headers }, body: JSON.stringify(body) };
}

/** Whether the request's Authorization carries `token` (Bearer, or Basic with it as the password), compared in constant time. */
function carriesToken(request, token) {
  const header = request.headers.authorization ?? '';
  let offered;
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (bearer) offered = bearer[1].trim();
  else if (basic) {
    const decoded = Buffer.from(basic[1].trim(), 'base64').toString('utf8');
    offered = decoded.slice(decoded.indexOf(':') + 1);
  }
  if (offered === undefined) return false;
  // Digests of equal length, so that neither the comparison nor its refusal tells the token's length.
  const digest = (text) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(offered), digest(token));
}

/** A signed JSON body as {body}, or {refusal}: 415, 413, 401 (logged as `badSignatureEvent`) or 400. */
async function readSigned(request, secret, logger, badSignatureEvent) {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return { refusal: json(415, problem(415, 'Unsupported Media Type', 'Send application/json.')) };
  const raw = await readBody(request);
  if (raw === undefined) return { refusal: json(413, problem(413, 'Content Too Large', `At most ${MAX_BODY_BYTES} bytes.`)) };
  if (!verify(raw, request.headers[SIGNATURE_HEADER], secret)) {
    logger.warn(badSignatureEvent);
    return { refusal: json(401, problem(401, 'Unauthorized', 'Missing or wrong signature.')) };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { refusal: json(400, problem(400, 'Bad Request', 'The body is not JSON.')) };
  }
}

/** The raw body, or undefined past the size limit. */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
