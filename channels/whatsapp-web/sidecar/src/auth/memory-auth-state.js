import { initAuthCreds } from 'baileys';
import { contactOfKey } from '../erasure.js';

/** An auth state that lives as long as the process: for the fake mode and tests, where nothing pairs for real. */
export function createMemoryAuthStore() {
  let keys = new Map();
  let creds;
  return {
    async load() {
      creds ??= initAuthCreds();
      return {
        state: {
          creds,
          keys: {
            get: async (type, ids) => Object.fromEntries(ids.filter((id) => keys.has(`${type}:${id}`)).map((id) => [id, keys.get(`${type}:${id}`)])),
            set: async (data) => {
              for (const [type, values] of Object.entries(data)) {
                for (const [id, value] of Object.entries(values ?? {})) {
                  if (value == null) keys.delete(`${type}:${id}`);
                  else keys.set(`${type}:${id}`, value);
                }
              }
            },
          },
        },
        saveCreds: async () => {},
      };
    },
    /** As the Redis store's: the signal keys about these people, the LIDs their mapping names added to `users`. */
    async forgetContacts(users) {
      for (const user of [...users]) {
        for (const id of [user, `${user}_reverse`]) {
          const other = keys.get(`lid-mapping:${id}`);
          if (typeof other === 'string') users.add(other);
        }
      }
      let deleted = 0;
      for (const key of [...keys.keys()]) {
        const colon = key.indexOf(':');
        if (users.has(contactOfKey(key.slice(0, colon), key.slice(colon + 1)))) deleted += Number(keys.delete(key));
      }
      return deleted;
    },
    async clear() {
      keys = new Map();
      creds = undefined;
    },
  };
}
