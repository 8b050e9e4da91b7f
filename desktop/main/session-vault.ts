import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  StoredSession,
  type SessionProtection,
  type StoredSessionInput,
} from '@atendo/shared/ipc/session';
import type { Logger } from './logger';

/**
 * Where the desktop keeps the agent's session between starts: a file in the user-data folder
 * holding the session encrypted with Electron's safeStorage, so the bearer token is not
 * readable by other users of the machine or from a copied profile folder (the browser build
 * keeps it in localStorage, in the clear). The renderer never sees the file, only the session
 * through the IPC contract, which main checks against `StoredSession` both ways.
 *
 * Electron's own fallbacks decide what "encrypted" means here:
 * - encryption available with a real key store (DPAPI, Keychain, a Linux secret service):
 *   `encrypted`;
 * - Linux without a secret store: Electron encrypts with a hard-coded key (backend
 *   `basic_text`), which protects nothing beyond the file's owner-only permissions: stored as
 *   `basic-text`, and the log says so;
 * - encryption unavailable (the OS refused the key store): nothing is written, the session
 *   lives in memory for this run (`memory`) and the agent signs in again after a restart.
 */
export type SafeStorageLike = {
  isAsyncEncryptionAvailable: () => Promise<boolean>;
  encryptStringAsync: (plainText: string) => Promise<Buffer>;
  decryptStringAsync: (encrypted: Buffer) => Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only (`basic_text`, `gnome_libsecret`, `kwallet*`); absent or ignored elsewhere. */
  getSelectedStorageBackend?: () => string;
};

export type SessionVault = {
  load: () => Promise<StoredSession | null>;
  save: (session: StoredSessionInput) => Promise<SessionProtection>;
  clear: () => Promise<void>;
};

const Envelope = z.object({
  version: z.literal(1),
  protection: z.enum(['encrypted', 'basic-text']),
  data: z.base64().max(65_536),
});

export type SessionVaultOptions = {
  file: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  log: Logger;
};

async function currentProtection(options: SessionVaultOptions): Promise<SessionProtection> {
  const available = await options.safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  if (!available) return 'memory';
  if (options.platform !== 'linux') return 'encrypted';
  const backend = options.safeStorage.getSelectedStorageBackend?.();
  return backend === 'basic_text' ? 'basic-text' : 'encrypted';
}

async function writePrivately(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, text, { encoding: 'utf8', mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

export function createSessionVault(options: SessionVaultOptions): SessionVault {
  const { file, safeStorage, log } = options;
  let inMemory: StoredSession | null = null;
  let announced: SessionProtection | null = null;

  const announce = (protection: SessionProtection) => {
    if (announced === protection) return;
    announced = protection;
    if (protection === 'encrypted') log.info({ protection }, 'session stored encrypted');
    else if (protection === 'basic-text')
      log.warn(
        { protection },
        'no OS secret store (safeStorage backend basic_text): the session file is protected only by its permissions',
      );
    else
      log.warn(
        { protection },
        'encryption unavailable: the session is kept in memory only; sign in again after a restart',
      );
  };

  const forgetFile = async (why: string) => {
    log.warn({ why }, 'stored session dropped');
    await rm(file, { force: true });
  };

  async function save(session: StoredSessionInput): Promise<SessionProtection> {
    const parsed = StoredSession.parse(session);
    inMemory = parsed;
    const protection = await currentProtection(options);
    announce(protection);
    if (protection === 'memory') {
      await rm(file, { force: true });
      return protection;
    }
    const data = await safeStorage.encryptStringAsync(JSON.stringify(parsed));
    const envelope = { version: 1, protection, data: data.toString('base64') };
    await writePrivately(file, JSON.stringify(envelope));
    return protection;
  }

  async function readFromFile(): Promise<StoredSession | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return null;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      await forgetFile('not JSON');
      return null;
    }
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) {
      await forgetFile('unknown format');
      return null;
    }
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await safeStorage.decryptStringAsync(Buffer.from(envelope.data.data, 'base64'));
    } catch {
      // Another OS user, a restored profile or a reset key store: the token is lost, not leaked.
      await forgetFile('cannot decrypt');
      return null;
    }
    const session = parseSession(decrypted.result);
    if (session === null) {
      await forgetFile('not a session');
      return null;
    }
    if (decrypted.shouldReEncrypt) await save(session);
    return session;
  }

  return {
    save,
    async load() {
      if (inMemory !== null) return inMemory;
      inMemory = await readFromFile();
      return inMemory;
    },
    async clear() {
      inMemory = null;
      await rm(file, { force: true });
      await rm(`${file}.tmp`, { force: true });
    },
  };
}

function parseSession(text: string): StoredSession | null {
  try {
    const parsed = StoredSession.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
