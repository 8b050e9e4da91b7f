import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appAssetPath, decideNavigation } from './navigation-guard';
import { checkExternalUrl } from './external-url';

const app = { origin: APP_ORIGIN };

describe('decideNavigation', () => {
  it.each([
    ['app://atendo/index.html#/conversations', 'navigate', { action: 'allow' }],
    ['app://atendo/', 'new-window', { action: 'deny', openExternally: false }],
    ['https://evil.example/', 'navigate', { action: 'deny', openExternally: true }],
    ['app://atendo.evil/', 'navigate', { action: 'deny', openExternally: true }],
    ['file:///etc/passwd', 'navigate', { action: 'deny', openExternally: true }],
    ['not a url', 'navigate', { action: 'deny', openExternally: true }],
  ] as const)('%s (%s)', (url, kind, expected) => {
    expect(decideNavigation(url, app, kind)).toEqual(expected);
  });

  it('allows the dev server origin only when that is the app', () => {
    const dev = { origin: 'http://localhost:5173' };
    expect(decideNavigation('http://localhost:5173/x', dev, 'navigate')).toEqual({
      action: 'allow',
    });
    expect(decideNavigation('http://localhost:5174/x', dev, 'navigate').action).toBe('deny');
  });
});

describe('appAssetPath', () => {
  it.each([
    ['app://atendo/', 'index.html'],
    ['app://atendo/assets/main-abc.js', 'assets/main-abc.js'],
    // The URL parser resolves encoded dot segments first, so this stays inside the root.
    ['app://atendo/assets/%2e%2e/%2e%2e/secret', 'secret'],
    ['app://atendo/a/%252e%252e/x', 'a/%2e%2e/x'],
    ['app://atendo/..%5c..%5cwindows', null],
    ['app://other/index.html', null],
    ['app://atendo/%E0%A4%A', null],
  ])('%s → %s', (url, expected) => {
    expect(appAssetPath(url)).toBe(expected);
  });
});

describe('checkExternalUrl', () => {
  it.each([
    ['https://example.com/a?b=1', true],
    ['mailto:ana@example.com', true],
    ['tel:+5511987654321', true],
    ['sip:2001@pbx.local', true],
    ['callto:+5511987654321', true],
    ['http://example.com', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id', false],
    ['https://user:pw@example.com', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
  ])('%.60s → %s', (url, ok) => {
    expect(checkExternalUrl(url).ok).toBe(ok);
  });
});
