import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with Node's defaults (N=16384, r=8, p=1) costs ~50 ms here: slow for guessing, fine
// for a login. The stored form names its parameters so they can grow later.
const KEY_LENGTH = 64;
const PREFIX = 'scrypt$16384$8$1';

const derive = (password: string, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `${PREFIX}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const salt = parts[4];
  const expected = parts[5];
  if (parts.slice(0, 4).join('$') !== PREFIX || salt === undefined || expected === undefined) {
    return false;
  }
  const key = await derive(password, Buffer.from(salt, 'base64url'));
  const wanted = Buffer.from(expected, 'base64url');
  return wanted.length === key.length && timingSafeEqual(wanted, key);
}
