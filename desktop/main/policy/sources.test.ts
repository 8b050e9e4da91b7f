import { describe, expect, it } from 'vitest';
import {
  managedPreferencesFiles,
  parseManagedPreferences,
  parsePolicyFile,
  parseRegQueryOutput,
  policyFileLocations,
} from './sources';

const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Atendo',
  '    ServerUrl    REG_SZ    https://atendo.corp.example',
  '    AllowServerChange    REG_DWORD    0x0',
  '    AutoUpdate    REG_DWORD    0x1',
  '    DialerCommandArgs    REG_MULTI_SZ    /dial\\0{number}',
  '    DialerCommandPath    REG_SZ    C:\\Program Files\\Phone\\phone.exe',
  '    Blob    REG_BINARY    0A0B',
  '    DialerHttpTemplate    REG_SZ    ',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Atendo\\Sub',
  '',
].join('\r\n');

describe('parseRegQueryOutput', () => {
  it('reads strings, DWORD flags and multi-strings from reg query output', () => {
    const { policy, problems } = parseRegQueryOutput(REG_OUTPUT);
    expect(policy).toEqual({
      ServerUrl: 'https://atendo.corp.example',
      AllowServerChange: false,
      AutoUpdate: true,
      DialerCommandArgs: ['/dial', '{number}'],
      DialerCommandPath: 'C:\\Program Files\\Phone\\phone.exe',
    });
    expect(problems.map((p) => p.key).sort()).toEqual(['DialerHttpTemplate']);
  });

  it('returns an empty policy for the "key not found" error text', () => {
    const out = 'ERROR: The system was unable to find the specified registry key or value.';
    expect(parseRegQueryOutput(out).policy).toEqual({});
  });
});

describe('parsePolicyFile', () => {
  it('reads a policy.json written by the MSI (with a BOM)', () => {
    const text = '\uFEFF{"ServerUrl":"https://corp.example","AutoUpdate":false}';
    expect(parsePolicyFile(text, 'file').policy).toEqual({
      ServerUrl: 'https://corp.example',
      AutoUpdate: false,
    });
  });

  it.each([['{not json'], ['[1,2]'], ['"text"'], ['null']])('reports %s as broken', (text) => {
    const reading = parsePolicyFile(text, 'file');
    expect(reading.policy).toEqual({});
    expect(reading.problems).toHaveLength(1);
  });

  it('does not let __proto__ in the file reach the policy', () => {
    const reading = parsePolicyFile('{"__proto__":{"AutoUpdate":false}}', 'file');
    expect(reading.policy).toEqual({});
    expect(reading.policy.AutoUpdate).toBeUndefined();
  });
});

describe('parseManagedPreferences', () => {
  it('reads plutil JSON and ignores the profile bookkeeping keys', () => {
    const json = JSON.stringify({
      PayloadUUID: 'X',
      ServerUrl: 'https://corp.example',
      NotifyNewMessages: false,
    });
    const reading = parseManagedPreferences(json, 'plist');
    expect(reading.policy).toEqual({ ServerUrl: 'https://corp.example', NotifyNewMessages: false });
    expect(reading.problems).toEqual([]);
  });
});

describe('policy locations', () => {
  it.each([
    [
      'win32',
      ['D:\\PD\\Atendo\\policy.json', 'C:\\App\\resources\\policy.json'],
      'C:\\App\\resources',
    ],
    ['darwin', ['/Library/Application Support/Atendo/policy.json', '/A/policy.json'], '/A'],
    [
      'linux',
      ['/etc/atendo/policy.json', '/opt/Atendo/resources/policy.json'],
      '/opt/Atendo/resources',
    ],
  ] as const)('lists the %s locations strongest first', (platform, expected, resourcesPath) => {
    expect(
      policyFileLocations({ platform, env: { ProgramData: 'D:\\PD' }, resourcesPath }),
    ).toEqual(expected);
  });

  it('ignores a user name that could escape the managed preferences folder', () => {
    expect(managedPreferencesFiles('../../etc')).toEqual([
      '/Library/Managed Preferences/com.atendo.desktop.plist',
    ]);
  });
});
