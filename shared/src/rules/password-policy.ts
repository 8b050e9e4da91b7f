import { allow, deny, type Decision } from './decision';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a password is refused; the UI and the CLI turn each into a sentence. */
export type WeakPasswordReason =
  'too-short' | 'too-long' | 'too-common' | 'too-few-kinds' | 'contains-name';

// The passwords guessed first (leaked lists, keyboard walks, the product's own name).
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '1111111111',
  'qwertyuiop',
  'asdfghjkl1',
  'password12',
  'password123',
  'senha12345',
  'senha123456',
  'mudar12345',
  'trocar1234',
  'atendo1234',
  'atendo-demo',
  'iloveyou12',
  'abc1234567',
  'admin12345',
  'administrador',
]);

/**
 * Whether a new password is strong enough: at least ten characters, not a well-known one, not
 * a single repeated character or only digits, and not the account's e-mail or name.
 */
export function checkPasswordStrength(
  password: string,
  account: { email: string; name?: string | null },
): Decision<'weak-password'> {
  const weak = (reason: WeakPasswordReason) => deny('weak-password', { reason, field: 'password' });
  if (password.length < MIN_PASSWORD_LENGTH) return weak('too-short');
  if (password.length > MAX_PASSWORD_LENGTH) return weak('too-long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return weak('too-common');
  if (new Set(lower).size < 4 || /^\d+$/.test(password)) return weak('too-few-kinds');
  const local = account.email.split('@')[0]?.toLowerCase() ?? '';
  const name = (account.name ?? '').toLowerCase().replace(/\s+/g, '');
  if ((local.length >= 4 && lower.includes(local)) || (name.length >= 4 && lower.includes(name))) {
    return weak('contains-name');
  }
  return allow();
}

/** A sentence for the command line, which has no locale files (the UI has its own). */
export const WEAK_PASSWORD_TEXT: Record<WeakPasswordReason, string> = {
  'too-short': `use at least ${String(MIN_PASSWORD_LENGTH)} characters`,
  'too-long': `use at most ${String(MAX_PASSWORD_LENGTH)} characters`,
  'too-common': 'this password is among the first ones guessed; choose another',
  'too-few-kinds': 'mix letters with digits or symbols; not one repeated character or digits only',
  'contains-name': 'do not use your e-mail or name in the password',
};
