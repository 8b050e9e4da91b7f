import { describe, expect, it } from 'vitest';
import type { DialerSettings } from '@atendo/shared/ipc/settings';
import { planDial } from './dial-plan';
import { fillHttpTemplate } from './http-template';

const dialer: DialerSettings = {
  kind: 'uri',
  uriScheme: 'tel',
  commandPath: null,
  commandArgs: [],
  httpTemplate: null,
  extension: null,
};

describe('planDial', () => {
  it.each([
    ['tel', 'tel:+5511987654321'],
    ['sip', 'sip:+5511987654321'],
    ['callto', 'callto:+5511987654321'],
  ] as const)('hands a %s: URI to the softphone', (uriScheme, url) => {
    expect(planDial('(11) 98765-4321', { ...dialer, uriScheme }, 'BR')).toEqual({
      ok: true,
      number: '+5511987654321',
      action: { kind: 'uri', url },
    });
  });

  it('runs the policy executable with the number in place of {number}', () => {
    const plan = planDial(
      '+55 11 98765-4321',
      {
        ...dialer,
        kind: 'command',
        commandPath: 'C:\\Program Files\\Phone\\phone.exe',
        commandArgs: ['/dial', '{number}', '/autoanswer'],
      },
      'BR',
    );
    expect(plan).toEqual({
      ok: true,
      number: '+5511987654321',
      action: {
        kind: 'command',
        file: 'C:\\Program Files\\Phone\\phone.exe',
        args: ['/dial', '+5511987654321', '/autoanswer'],
      },
    });
  });

  it('appends the number when the arguments have no placeholder', () => {
    const plan = planDial(
      '11987654321',
      { ...dialer, kind: 'command', commandPath: '/usr/bin/linphone', commandArgs: ['--call'] },
      'BR',
    );
    expect(plan).toMatchObject({ action: { args: ['--call', '+5511987654321'] } });
  });

  it.each([
    [null, 'no-command-in-policy'],
    ['phone.exe', 'no-command-in-policy'],
    ['..\\phone.exe', 'no-command-in-policy'],
  ])('refuses the command dialer with path %j', (commandPath, why) => {
    const plan = planDial('11987654321', { ...dialer, kind: 'command', commandPath }, 'BR');
    expect(plan).toEqual({ ok: false, reason: 'forbidden', details: { why } });
  });

  it('posts to the PBX template with URL-encoded values', () => {
    const plan = planDial(
      '11987654321',
      {
        ...dialer,
        kind: 'http',
        httpTemplate: 'https://pbx.local/click2call?ext={extension}&to={number}',
        extension: '2001',
      },
      'BR',
    );
    expect(plan).toEqual({
      ok: true,
      number: '+5511987654321',
      action: {
        kind: 'http',
        method: 'POST',
        url: 'https://pbx.local/click2call?ext=2001&to=%2B5511987654321',
      },
    });
  });

  it.each([
    ['11987654321; rm -rf /'],
    ['11987654321 & calc'],
    ['$(reboot)'],
    ['１１９８７６５４３２１'],
    ['abc'],
    ['9'.repeat(100)],
  ])('refuses %j as a number', (raw) => {
    expect(planDial(raw, dialer, 'BR')).toMatchObject({ ok: false, reason: 'invalid-input' });
  });

  it('refuses to dial when policy turned the dialer off', () => {
    expect(planDial('11987654321', { ...dialer, kind: 'none' }, 'BR')).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });
});

describe('fillHttpTemplate', () => {
  it.each([
    ['https://pbx/c?to={number}&x={bogus}', 'unknown-placeholder {bogus}'],
    ['https://pbx/c?ext={extension}&to={number}', 'extension-not-set'],
    ['file:///c?to={number}', 'template-not-http'],
    ['not a url {number}', 'template-not-a-url'],
  ])('refuses %s', (template, why) => {
    expect(fillHttpTemplate(template, { number: '+5511987654321', extension: '' })).toEqual({
      ok: false,
      why,
    });
  });

  it('cannot be used to add query parameters', () => {
    const r = fillHttpTemplate('https://pbx/c?ext={extension}', {
      number: '',
      extension: '1&admin=1',
    });
    expect(r).toEqual({ ok: true, url: 'https://pbx/c?ext=1%26admin%3D1' });
  });
});
