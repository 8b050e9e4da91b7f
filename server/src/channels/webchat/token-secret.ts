import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_SECRET_FILE = 'webchat-token-secret';

/**
 * The key that signs visitor tokens, created once in the data directory. It must survive
 * restarts, or every visitor would lose their conversation on the next deploy.
 */
export function loadOrCreateTokenSecret(dataDir: string): string {
  const file = join(dataDir, TOKEN_SECRET_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // No secret yet: this is the first start on this data directory.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
