import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './navigation-guard';
import { decidePermission } from './permissions';

const app = { origin: APP_ORIGIN };

describe('decidePermission', () => {
  it.each([
    ['notifications', APP_ORIGIN, true, { allow: true }],
    ['notifications', 'app://atendo/index.html', true, { allow: true }],
    ['clipboard-sanitized-write', APP_ORIGIN, true, { allow: true }],
    ['media', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['geolocation', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['clipboard-read', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['openExternal', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['usb', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['unknown', APP_ORIGIN, true, { allow: false, reason: 'not-needed' }],
    ['notifications', 'https://evil.example', true, { allow: false, reason: 'foreign-origin' }],
    ['notifications', 'app://atendo.evil', true, { allow: false, reason: 'foreign-origin' }],
    ['notifications', undefined, true, { allow: false, reason: 'foreign-origin' }],
    ['notifications', '', true, { allow: false, reason: 'foreign-origin' }],
    ['notifications', APP_ORIGIN, false, { allow: false, reason: 'subframe' }],
  ] as const)('%s from %j (main frame %s)', (permission, origin, isMainFrame, expected) => {
    expect(decidePermission({ permission, origin, isMainFrame, app })).toEqual(expected);
  });

  it('treats the dev server as the app only when it is the app', () => {
    const dev = { origin: 'http://localhost:5173' };
    const ask = (origin: string) =>
      decidePermission({ permission: 'notifications', origin, isMainFrame: true, app: dev });
    expect(ask('http://localhost:5173')).toEqual({ allow: true });
    expect(ask(APP_ORIGIN)).toEqual({ allow: false, reason: 'foreign-origin' });
  });
});
