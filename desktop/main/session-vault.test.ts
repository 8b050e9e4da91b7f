import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSession } from '@atendo/shared/ipc/session';
import type { Logger } from './logger';
import { createSessionVault, type SafeStorageLike } from './session-vault';

/**
 * Electron's safeStorage cannot run here; this stand-in encrypts for real (AES-256-GCM with a
 * key per "OS user"), so a file written under one key does not decrypt under another.
 */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string; reEncrypt?: boolean; key?: Buffer } = {},
): SafeStorageLike & { key: Buffer } {
  const key = options.key ?? randomBytes(32);
  return {
    key,
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decryptStringAsync: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
      return Promise.resolve({
        result: result.toString('utf8'),
        shouldReEncrypt: options.reEncrypt ?? false,
      });
    },
  };
}

type Line = { level: string; msg: string; fields: Record<string, unknown> };
function memoryLog(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    lines.push({ level, msg, fields });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const SESSION: StoredSession = {
  serverUrl: 'https://atendo.corp.example',
  token: 'secret-token-4f9a2c',
  presence: 'available',
  agent: {
    id: 'agent-ana',
    name: 'Ana Souza',
    email: 'ana@atendo.demo',
    role: 'agent',
    teamIds: ['team-suporte'],
    permissions: [],
  },
  expiresAt: 1_900_000_000_000,
};

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atendo-vault-'));
  file = join(dir, 'session.json');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const vault = (
  safeStorage: SafeStorageLike,
  log = memoryLog(),
  platform: NodeJS.Platform = 'linux',
) => createSessionVault({ file, safeStorage, platform, log });

describe('session vault', () => {
  it('stores the session encrypted, owner-only, and reads it back after a restart', async () => {
    const storage = fakeSafeStorage();
    expect(await vault(storage).save(SESSION)).toBe('encrypted');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SESSION.token);
    expect(text).not.toContain('ana@atendo.demo');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await vault(storage).load()).toEqual(SESSION);
  });

  it('on Linux without a secret store uses Electron basic_text fallback and says so', async () => {
    const log = memoryLog();
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    expect(await vault(storage, log).save(SESSION)).toBe('basic-text');
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'warn', fields: { protection: 'basic-text' } }),
    ]);
    expect(await vault(storage).load()).toEqual(SESSION);
  });

  it('ignores the Linux backend name on other systems', async () => {
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    expect(await vault(storage, memoryLog(), 'win32').save(SESSION)).toBe('encrypted');
  });

  it('keeps the session in memory only, and writes nothing, when encryption is unavailable', async () => {
    const log = memoryLog();
    const first = vault(fakeSafeStorage({ available: false }), log);
    expect(await first.save(SESSION)).toBe('memory');
    expect(existsSync(file)).toBe(false);
    expect(await first.load()).toEqual(SESSION);
    expect(await vault(fakeSafeStorage({ available: false })).load()).toBeNull();
    expect(log.lines[0]).toMatchObject({ level: 'warn', fields: { protection: 'memory' } });
  });

  it('removes an older file when it can no longer encrypt', async () => {
    await vault(fakeSafeStorage()).save(SESSION);
    await vault(fakeSafeStorage({ available: false })).save(SESSION);
    expect(existsSync(file)).toBe(false);
  });

  it('drops a file another user (another key) wrote', async () => {
    await vault(fakeSafeStorage()).save(SESSION);
    const log = memoryLog();
    expect(await vault(fakeSafeStorage(), log).load()).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(log.lines).toEqual([expect.objectContaining({ fields: { why: 'cannot decrypt' } })]);
  });

  it.each([
    ['not JSON', '{nope', 'not JSON'],
    ['another shape', JSON.stringify({ token: SESSION.token }), 'unknown format'],
    ['a plain-text session', JSON.stringify(SESSION), 'unknown format'],
  ])('drops %s', async (_name, content, why) => {
    writeFileSync(file, content);
    const log = memoryLog();
    expect(await vault(fakeSafeStorage(), log).load()).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(log.lines[0]?.fields).toEqual({ why });
  });

  it('drops a decrypted value that is not a valid session', async () => {
    const storage = fakeSafeStorage();
    const data = await storage.encryptStringAsync(JSON.stringify({ ...SESSION, serverUrl: 'x' }));
    const envelope = { version: 1, protection: 'encrypted', data: data.toString('base64') };
    writeFileSync(file, JSON.stringify(envelope));
    expect(await vault(storage).load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('encrypts again when the key store asks for it (rotated key)', async () => {
    const key = randomBytes(32);
    await vault(fakeSafeStorage({ key })).save(SESSION);
    const before = readFileSync(file, 'utf8');
    expect(await vault(fakeSafeStorage({ key, reEncrypt: true })).load()).toEqual(SESSION);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
  });

  it('forgets the session on clear', async () => {
    const storage = fakeSafeStorage();
    const v = vault(storage);
    await v.save(SESSION);
    await v.clear();
    expect(existsSync(file)).toBe(false);
    expect(await v.load()).toBeNull();
    expect(await vault(storage).load()).toBeNull();
  });

  it('refuses to store something that is not a session', async () => {
    const broken = { ...SESSION, token: '' };
    await expect(vault(fakeSafeStorage()).save(broken)).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
  });
});
