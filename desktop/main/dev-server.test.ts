import { describe, expect, it } from 'vitest';
import { decideDevServer, shellEntry } from './dev-server';

describe('decideDevServer', () => {
  it.each([
    [false, undefined, { use: false, reason: 'not-set' }],
    [true, undefined, { use: false, reason: 'not-set' }],
    [false, '  ', { use: false, reason: 'not-set' }],
    [
      false,
      'http://127.0.0.1:5173/',
      { use: true, url: 'http://127.0.0.1:5173', origin: 'http://127.0.0.1:5173' },
    ],
    [
      true,
      'http://127.0.0.1:5173',
      { use: false, reason: 'packaged', value: 'http://127.0.0.1:5173' },
    ],
    [
      true,
      'https://evil.example',
      { use: false, reason: 'packaged', value: 'https://evil.example' },
    ],
    [
      false,
      'file:///tmp/index.html',
      { use: false, reason: 'invalid', value: 'file:///tmp/index.html' },
    ],
    [false, 'javascript:alert(1)', { use: false, reason: 'invalid', value: 'javascript:alert(1)' }],
  ] as const)('packaged=%s, %j', (isPackaged, value, expected) => {
    expect(decideDevServer({ isPackaged, value })).toEqual(expected);
  });
});

describe('shellEntry', () => {
  it('loads the bundled renderer from app://atendo unless the dev server is used', () => {
    const packaged = decideDevServer({ isPackaged: true, value: 'https://evil.example' });
    expect(shellEntry(packaged)).toEqual({
      devServer: null,
      origin: 'app://atendo',
      entryUrl: 'app://atendo/index.html',
    });
    const dev = decideDevServer({ isPackaged: false, value: 'http://localhost:5173' });
    expect(shellEntry(dev)).toEqual({
      devServer: 'http://localhost:5173',
      origin: 'http://localhost:5173',
      entryUrl: 'http://localhost:5173',
    });
  });
});
