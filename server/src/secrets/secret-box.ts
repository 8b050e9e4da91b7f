import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (channel access tokens, app secrets, verify tokens) are sealed with
 * AES-256-GCM: a random 12-byte IV per value and the 16-byte tag, stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The key comes from ATENDO_SECRET_KEY, or from a key
 * file generated in the data directory on first use (mode 0600). Losing the key loses the
 * secrets (they must be typed again), never anything else: docs/configuration.md says how to
 * back it up.
 */
export type SecretBox = {
  seal(plain: string): string;
  /** Throws when the value was sealed with another key or altered. */
  open(sealed: string): string;
};

export const SECRET_KEY_FILE = 'secret-key';
const VERSION = 'v1';

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open: (sealed) => {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
        throw new Error('not a sealed secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    },
  };
}

/**
 * ATENDO_SECRET_KEY is 32 bytes written as 64 hex digits or as base64 (44 characters); null
 * when it is neither (config.ts refuses such a value at start).
 */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  const decoded = Buffer.from(trimmed, 'base64');
  return decoded.length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? decoded : null;
}

/**
 * The key of this server: ATENDO_SECRET_KEY when set, otherwise `<dataDir>/secret-key`, created
 * with 32 random bytes (hex) and mode 0600 when missing. A key file readable by others is
 * tightened to 0600.
 */
export function loadSecretKey(settings: { dataDir: string; secretKey: string | null }): Buffer {
  if (settings.secretKey !== null) {
    const key = parseSecretKey(settings.secretKey);
    if (key === null) throw new Error('ATENDO_SECRET_KEY must be 32 bytes in hex or base64');
    return key;
  }
  const file = path.join(settings.dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(settings.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = parseSecretKey(fs.readFileSync(file, 'utf8'));
  if (key === null) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
