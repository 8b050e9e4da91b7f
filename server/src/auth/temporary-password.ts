import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the admin may read it out or type it into a message.
const LETTERS = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';

const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)] ?? 'x';

/**
 * A one-time password for an invited agent or a reset: three groups of four (`abcd-2efg-h3jk`),
 * letters with at least two digits, about 60 bits. The agent must replace it at first sign-in.
 */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 12 }, () => pick(LETTERS + DIGITS));
  chars[randomInt(0, 6)] = pick(DIGITS);
  chars[randomInt(6, 12)] = pick(DIGITS);
  const text = chars.join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}
