import { describe, expect, it } from 'vitest';
import { UserSettings } from '@atendo/shared/ipc/settings';
import { resolveSettings } from './precedence';
import { mergePolicies, readPolicyRecord } from './policy-record';
import { parsePolicyFile, parseRegQueryOutput } from './sources';

/** ClearLocalDataOnSignOut: what signing out does with the local store on this machine. */
describe('ClearLocalDataOnSignOut', () => {
  it('offers erasing, unticked, when no policy says otherwise', () => {
    const { settings, locked } = resolveSettings({}, {});
    expect(settings.clearLocalDataOnSignOut).toBe('offer');
    expect(locked).toEqual([]);
  });

  it.each([
    ['offer', 'offer'],
    ['default', 'default'],
    ['always', 'always'],
    [1, 'always'],
    ['1', 'always'],
    [true, 'always'],
    ['true', 'always'],
    [0, 'offer'],
    [false, 'offer'],
  ] as const)('reads %j as %s and locks it', (raw, expected) => {
    const { policy, problems } = readPolicyRecord({ ClearLocalDataOnSignOut: raw });
    expect(problems).toEqual([]);
    const resolved = resolveSettings(policy, {});
    expect(resolved.settings.clearLocalDataOnSignOut).toBe(expected);
    expect(resolved.locked).toEqual(['clearLocalDataOnSignOut']);
  });

  it.each([['never'], [2], ['sometimes'], [null]])('reports %j and keeps the default', (raw) => {
    const { policy, problems } = readPolicyRecord({ ClearLocalDataOnSignOut: raw });
    expect(policy).toEqual({});
    expect(problems.map((p) => p.key)).toEqual(['ClearLocalDataOnSignOut']);
    expect(resolveSettings(policy, {}).settings.clearLocalDataOnSignOut).toBe('offer');
  });

  it('takes the registry (GPO) over policy.json', () => {
    const registry = parseRegQueryOutput(
      [
        'HKEY_LOCAL_MACHINE\\Software\\Policies\\Atendo',
        '    ClearLocalDataOnSignOut    REG_DWORD    0x1',
      ].join('\r\n'),
    );
    const file = parsePolicyFile('{"ClearLocalDataOnSignOut":"default"}', 'file');
    const merged = mergePolicies([registry.policy, file.policy]);
    expect(resolveSettings(merged, {}).settings.clearLocalDataOnSignOut).toBe('always');
    expect(resolveSettings(file.policy, {}).settings.clearLocalDataOnSignOut).toBe('default');
  });

  it('cannot be set by the agent: the user settings refuse the key', () => {
    expect(UserSettings.safeParse({ clearLocalDataOnSignOut: 'offer' }).success).toBe(false);
  });
});
