import { BufferJSON, initAuthCreds, proto } from 'baileys';
import { contactOfKey } from '../erasure.js';
import { OUTBOX_SUFFIX } from '../outbox.js';
import { isSealed } from './sealed-values.js';

/**
 * Baileys' auth state ({state: {creds, keys: {get, set}}, saveCreds}) in Redis, so a session survives restarts
 * and redeploys. Keys are `${prefix}creds` and `${prefix}${type}:${id}`, values JSON with BufferJSON (Baileys'
 * Buffer-preserving replacer and reviver). `keys.set` writes everything it is given in one MULTI/EXEC: the
 * signal protocol's keys change together (a session and its pre-key), and half a write would break decryption.
 *
 * With a `cipher` (sealed-values.js, from WHATSAPP_WEB_AUTH_KEY) every value is sealed with AES-256-GCM for its
 * Redis key, and a value found in clear is refused: `sealPlainValues` seals what an earlier sidecar without a key
 * wrote, once, at start. Without one, values are plain JSON, and a sealed value is refused (the key is missing).
 */
export function createRedisAuthStore(client, { prefix = 'wareg:whatsapp-web:auth:', cipher } = {}) {
  const credsKey = `${prefix}creds`;
  const outboxKey = `${prefix}${OUTBOX_SUFFIX}`;
  const keyOf = (type, id) => `${prefix}${type}:${id}`;
  const encode = (where, value) => {
    const json = JSON.stringify(value, BufferJSON.replacer);
    return cipher ? cipher.seal(json, where) : json;
  };
  const decode = (where, text) => {
    if (text == null) return undefined;
    if (cipher && !isSealed(text)) throw new Error(`${where} is stored in clear although WHATSAPP_WEB_AUTH_KEY is set`);
    if (!cipher && isSealed(text)) throw new Error(`${where} is sealed: set WHATSAPP_WEB_AUTH_KEY to the key it was sealed with`);
    return JSON.parse(cipher ? cipher.open(text, where) : text, BufferJSON.reviver);
  };

  return {
    async load() {
      const creds = decode(credsKey, await client.get(credsKey)) ?? initAuthCreds();
      const keys = {
        async get(type, ids) {
          if (ids.length === 0) return {};
          const values = await client.mGet(ids.map((id) => keyOf(type, id)));
          const data = {};
          ids.forEach((id, index) => {
            let value = decode(keyOf(type, id), values[index]);
            if (value !== undefined && type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value);
            if (value !== undefined) data[id] = value;
          });
          return data;
        },
        async set(data) {
          const transaction = client.multi();
          let writes = 0;
          for (const type of Object.keys(data)) {
            for (const [id, value] of Object.entries(data[type] ?? {})) {
              if (value == null) transaction.del(keyOf(type, id));
              else transaction.set(keyOf(type, id), encode(keyOf(type, id), value));
              writes++;
            }
          }
          if (writes > 0) await transaction.exec();
        },
      };
      return { state: { creds, keys }, saveCreds: () => client.set(credsKey, encode(credsKey, creds)) };
    },
    /**
     * Forgets the session (logout, bad session): the next load starts a new pairing. The forward outbox shares
     * the prefix and is kept: its messages were received and still have to reach the Java side.
     */
    async clear() {
      const doomed = [];
      for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 })) {
        doomed.push(...[].concat(batch).filter((key) => key !== outboxKey));
      }
      for (let i = 0; i < doomed.length; i += 500) await client.del(doomed.slice(i, i + 500));
    },
    /**
     * Deletes the signal keys about these people (user parts of their JIDs: phones' digits, LIDs), an erased
     * person's (erasure.js). The phone↔LID mapping is read first, so that both sides of it go, and the LIDs it
     * names are added to `users`. Baileys builds a new session the next time either side writes. Resolves with the
     * number of keys deleted.
     */
    async forgetContacts(users) {
      const known = [...users];
      const mappingKeys = known.flatMap((user) => [keyOf('lid-mapping', user), keyOf('lid-mapping', `${user}_reverse`)]);
      const mapped = await client.mGet(mappingKeys);
      for (const [index, value] of mapped.entries()) {
        const other = decode(mappingKeys[index], value);
        if (typeof other === 'string' && /^\d+$/.test(other)) users.add(other);
      }
      const doomed = [];
      for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 })) {
        for (const key of [].concat(batch)) {
          const rest = key.slice(prefix.length);
          const colon = rest.indexOf(':');
          if (colon > 0 && users.has(contactOfKey(rest.slice(0, colon), rest.slice(colon + 1)))) doomed.push(key);
        }
      }
      for (let i = 0; i < doomed.length; i += 500) await client.del(doomed.slice(i, i + 500));
      return doomed.length;
    },
    /**
     * Seals, in place, every value an earlier sidecar stored in clear (the migration to WHATSAPP_WEB_AUTH_KEY). Run
     * at start, before the session opens, when this sidecar is the only writer. Resolves with the number sealed.
     */
    async sealPlainValues() {
      if (!cipher) return 0;
      let sealed = 0;
      for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 })) {
        const keys = [].concat(batch).filter((key) => key !== outboxKey);
        if (keys.length === 0) continue;
        const values = await client.mGet(keys);
        for (const [index, value] of values.entries()) {
          if (value == null || isSealed(value)) continue;
          await client.set(keys[index], cipher.seal(value, keys[index]));
          sealed++;
        }
      }
      return sealed;
    },
  };
}

const escapeGlob = (text) => text.replace(/[*?[\]\\]/g, '\\$&');
