import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateTokenSecret } from './token-secret';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-secret-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateTokenSecret', () => {
  it('keeps the same secret across restarts on one data directory', () => {
    const dir = tempDir();
    const first = loadOrCreateTokenSecret(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadOrCreateTokenSecret(dir)).toBe(first);
  });

  it('gives each data directory its own secret', () => {
    expect(loadOrCreateTokenSecret(tempDir())).not.toBe(loadOrCreateTokenSecret(tempDir()));
  });
});
