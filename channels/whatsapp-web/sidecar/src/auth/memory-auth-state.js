import { initAuthCreds } from 'baileys';

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
    async clear() {
      keys = new Map();
      creds = undefined;
    },
  };
}
