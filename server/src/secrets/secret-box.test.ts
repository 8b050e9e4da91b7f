import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChannelSecrets, sealChannelSecrets } from '../channels/channel-secrets';
import { createSecretBox, loadSecretKey, SECRET_KEY_FILE } from './secret-box';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-secrets-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the secret box', () => {
  it('seals with AES-256-GCM: a new IV each time, opened only with the same key', () => {
    const box = createSecretBox(Buffer.alloc(32, 1));
    const a = box.seal('EAAG-token');
    const b = box.seal('EAAG-token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('EAAG');
    expect(box.open(a)).toBe('EAAG-token');
    expect(() => createSecretBox(Buffer.alloc(32, 2)).open(a)).toThrow();
  });

  it('refuses a value altered at rest', () => {
    const box = createSecretBox(Buffer.alloc(32, 1));
    const [version, iv, tag, data] = box.seal('secret').split('.');
    const flipped = `${data?.startsWith('A') === true ? 'B' : 'A'}${data?.slice(1) ?? ''}`;
    expect(() => box.open([version, iv, tag, flipped].join('.'))).toThrow();
  });

  it('creates the key file once, readable by its owner only, and reuses it', () => {
    const first = loadSecretKey({ dataDir: dir, secretKey: null });
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: dir, secretKey: null }).equals(first)).toBe(true);
    fs.chmodSync(file, 0o644);
    loadSecretKey({ dataDir: dir, secretKey: null });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefers ATENDO_SECRET_KEY and writes no file then', () => {
    const key = loadSecretKey({ dataDir: dir, secretKey: 'ab'.repeat(32) });
    expect(key.toString('hex')).toBe('ab'.repeat(32));
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE))).toBe(false);
  });
});

describe('channel secrets sealed with another key', () => {
  it('open as none, so the channel falls back instead of failing', () => {
    const sealed = sealChannelSecrets(createSecretBox(Buffer.alloc(32, 1)), { appSecret: 's' });
    const box = createSecretBox(Buffer.alloc(32, 1));
    expect(openChannelSecrets(box, sealed)).toEqual({ appSecret: 's' });
    expect(openChannelSecrets(createSecretBox(Buffer.alloc(32, 9)), sealed)).toEqual({});
  });
});
