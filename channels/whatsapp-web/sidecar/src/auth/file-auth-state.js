import { rm } from 'node:fs/promises';
import { useMultiFileAuthState } from 'baileys';

/**
 * Baileys' own file store, for local development only: a file per key, no atomic multi-key writes, and a
 * container's disk does not survive a redeploy. Production uses the Redis store.
 */
export function createFileAuthStore(folder) {
  return {
    load: () => useMultiFileAuthState(folder),
    clear: () => rm(folder, { recursive: true, force: true }),
  };
}
