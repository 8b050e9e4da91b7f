import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@atendo/shared/ipc/settings';
import { resolveSettings } from './precedence';
import { mergePolicies, readPolicyRecord } from './policy-record';

describe('resolveSettings: machine policy > user settings > defaults', () => {
  it('uses the defaults when nobody set anything', () => {
    expect(resolveSettings({}, {})).toEqual({ settings: DEFAULT_SETTINGS, locked: [] });
  });

  it('lets the user choose the server when policy is silent', () => {
    const { settings, locked } = resolveSettings({}, { serverUrl: 'https://mine.example' });
    expect(settings.serverUrl).toBe('https://mine.example');
    expect(locked).toEqual([]);
  });

  it('locks the server URL when changing it is not allowed', () => {
    const { settings, locked } = resolveSettings(
      { ServerUrl: 'https://corp.example', AllowServerChange: false },
      { serverUrl: 'https://mine.example' },
    );
    expect(settings.serverUrl).toBe('https://corp.example');
    expect(locked).toContain('serverUrl');
  });

  it('treats the policy server URL as a default when changing it is allowed', () => {
    const policy = { ServerUrl: 'https://corp.example', AllowServerChange: true };
    expect(resolveSettings(policy, {}).settings.serverUrl).toBe('https://corp.example');
    const withUser = resolveSettings(policy, { serverUrl: 'https://mine.example' });
    expect(withUser.settings.serverUrl).toBe('https://mine.example');
    expect(withUser.locked).not.toContain('serverUrl');
  });

  it('keeps notification policy as defaults the agent may change', () => {
    const policy = { NotifyNewMessages: false, PersistQueueNotifications: true };
    expect(resolveSettings(policy, {}).settings.notifications.newMessages).toBe(false);
    const overridden = resolveSettings(policy, { notifications: { newMessages: true } });
    expect(overridden.settings.notifications).toMatchObject({
      newMessages: true,
      persistQueueArrivals: true,
    });
    expect(overridden.locked).toEqual([]);
  });

  it('locks the dialer and auto-update when policy sets them', () => {
    const { settings, locked } = resolveSettings(
      {
        DialerKind: 'command',
        DialerCommandPath: 'C:\\Softphone\\phone.exe',
        DialerCommandArgs: ['/dial', '{number}'],
        AutoUpdate: false,
      },
      { dialer: { uriScheme: 'sip', extension: '2001' } },
    );
    expect(settings.dialer).toEqual({
      kind: 'command',
      uriScheme: 'sip',
      commandPath: 'C:\\Softphone\\phone.exe',
      commandArgs: ['/dial', '{number}'],
      httpTemplate: null,
      extension: '2001',
    });
    expect(settings.autoUpdate).toBe(false);
    expect(locked).toEqual([
      'autoUpdate',
      'dialer.commandArgs',
      'dialer.commandPath',
      'dialer.kind',
    ]);
  });
});

describe('readPolicyRecord', () => {
  it('keeps the good keys and reports the bad ones', () => {
    const { policy, problems } = readPolicyRecord({
      ServerUrl: 'https://corp.example',
      AutoUpdate: 'maybe',
      ServerURL: 'typo',
      DialerKind: 'shell',
    });
    expect(policy).toEqual({ ServerUrl: 'https://corp.example' });
    expect(problems.map((p) => p.key).sort()).toEqual(['AutoUpdate', 'DialerKind', 'ServerURL']);
  });

  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['https://user:secret@corp.example']])(
    'rejects %s as a server URL',
    (url) => {
      expect(readPolicyRecord({ ServerUrl: url }).policy).toEqual({});
    },
  );

  it.each([
    [0, false],
    [1, true],
    ['0', false],
    ['true', true],
  ])('reads the flag %j as %j', (raw, expected) => {
    expect(readPolicyRecord({ AutoUpdate: raw }).policy.AutoUpdate).toBe(expected);
  });
});

describe('mergePolicies', () => {
  it('lets the first source that sets a key win', () => {
    const merged = mergePolicies([
      { ServerUrl: 'https://machine.example' },
      { ServerUrl: 'https://file.example', AutoUpdate: false },
    ]);
    expect(merged).toEqual({ ServerUrl: 'https://machine.example', AutoUpdate: false });
  });
});
