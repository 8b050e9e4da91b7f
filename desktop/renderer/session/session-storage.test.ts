import { describe, expect, it } from 'vitest';
import { defaultServerUrl, loadSession, saveSession, type Session } from './session-storage';

const memoryStorage = (): Storage => {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => {
      map.clear();
    },
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => {
      map.delete(key);
    },
    setItem: (key, value) => {
      map.set(key, value);
    },
  };
};

const session: Session = {
  serverUrl: 'https://atendo.example.com',
  token: 'abc',
  presence: 'away',
  agent: {
    id: 'agent-ana',
    name: 'Ana',
    email: 'ana@example.com',
    role: 'agent',
    teamIds: ['t'],
    permissions: [],
  },
};

describe('session storage', () => {
  it('reads back what it saved', () => {
    const storage = memoryStorage();
    saveSession(session, storage);
    expect(loadSession(storage)).toEqual(session);
  });

  it.each([
    ['not JSON', '{nope'],
    ['another shape', JSON.stringify({ token: 'x' })],
    ['a non-http server', JSON.stringify({ ...session, serverUrl: 'nope' })],
  ])('drops a stored session that is %s', (_name, raw) => {
    const storage = memoryStorage();
    storage.setItem('atendo.session', raw);
    expect(loadSession(storage)).toBeNull();
  });
});

describe('defaultServerUrl', () => {
  const served = { protocol: 'https:', origin: 'https://atendo.example.com' };
  const file = { protocol: 'file:', origin: 'null' };
  it.each([
    [
      'policy wins',
      'https://policy.example',
      'https://last.example',
      served,
      'https://policy.example',
    ],
    ['then the last one used', null, 'https://last.example', served, 'https://last.example'],
    ['then the serving origin', null, null, served, 'https://atendo.example.com'],
    ['a local default from file://', null, null, file, 'http://127.0.0.1:4310'],
  ])('%s', (_name, policyUrl, lastUrl, location, expected) => {
    expect(defaultServerUrl({ policyUrl, lastUrl, location })).toBe(expected);
  });
});
