import { describe, expect, it } from 'vitest';
import { checkChannelRouting } from './channel-routing';
import { checkPasswordStrength } from './password-policy';
import { checkQuickReplyText, renderQuickReply } from './quick-reply';
import { previewTemplate, previewText } from './template-preview';

describe('checkPasswordStrength', () => {
  const account = { email: 'marina.alves@acme.com.br', name: 'Marina Alves' };
  it.each([
    ['curta1', 'too-short'],
    ['1234567890', 'too-common'],
    ['aaaaaaaaaaaa', 'too-few-kinds'],
    ['98765432101', 'too-few-kinds'],
    ['marina.alves-2026', 'contains-name'],
    ['MarinaAlves#77', 'contains-name'],
    ['x'.repeat(201), 'too-long'],
  ])('refuses %s (%s)', (password, reason) => {
    expect(checkPasswordStrength(password, account)).toEqual({
      ok: false,
      reason: 'weak-password',
      details: { reason, field: 'password' },
    });
  });

  it.each(['Sol-de-verao-2026', 'correct horse battery', 'ipê amarelo 42'])('accepts %s', (p) => {
    expect(checkPasswordStrength(p, account).ok).toBe(true);
  });
});

describe('previewTemplate', () => {
  const template = {
    header: 'Pedido {{1}}',
    body: 'Olá {{1}}, o pedido {{order_id}} saiu.',
    footer: null,
  };

  it('splits the text into literal pieces and parameters with their values', () => {
    const preview = previewTemplate(template, { '1': 'Maria' });
    expect(preview.parameters).toEqual(['1', 'order_id']);
    expect(preview.missing).toEqual(['order_id']);
    expect(preview.body).toEqual([
      { kind: 'text', text: 'Olá ' },
      { kind: 'param', name: '1', value: 'Maria' },
      { kind: 'text', text: ', o pedido ' },
      { kind: 'param', name: 'order_id', value: null },
      { kind: 'text', text: ' saiu.' },
    ]);
    expect(preview.footer).toBeNull();
    expect(previewText(preview.body)).toBe('Olá Maria, o pedido {{order_id}} saiu.');
  });

  it('counts a blank value as missing and keeps "$1" typed by the admin literally', () => {
    const preview = previewTemplate(template, { '1': '$1', order_id: '  ' });
    expect(preview.missing).toEqual(['order_id']);
    expect(previewText(preview.header ?? [])).toBe('Pedido $1');
  });
});

describe('quick reply variables', () => {
  it.each([
    ['Olá {{contact.firstName}}, sou {{agent.name}} da {{team.name}}.', true],
    ['Sem variáveis.', true],
    ['Olá {{cliente}}', false],
    ['Olá {{ contact.name }}', true],
  ])('%s is valid: %s', (text, valid) => {
    expect(checkQuickReplyText(text).ok).toBe(valid);
  });

  it('fills in the variables', () => {
    const values = { contactName: 'Maria Oliveira', agentName: 'Ana Souza', teamName: 'Suporte' };
    expect(
      renderQuickReply('Olá {{contact.firstName}}! {{agent.firstName}} ({{team.name}})', values),
    ).toBe('Olá Maria! Ana (Suporte)');
  });
});

describe('checkChannelRouting', () => {
  const teams = [
    { id: 'a', archived: false, memberCount: 2 },
    { id: 'empty', archived: false, memberCount: 0 },
    { id: 'old', archived: true, memberCount: 3 },
  ];
  const menu = (teamIds: string[], keys = teamIds.map((_, i) => String(i + 1))) => ({
    greeting: 'Oi',
    invalidReply: 'Hein?',
    timeoutMs: 60_000,
    onTimeout: 'close' as const,
    options: teamIds.map((teamId, i) => ({ key: keys[i] ?? '1', label: teamId, teamId })),
  });

  it.each([
    ['nope', null, 'not-found', { entity: 'team', id: 'nope', field: 'defaultTeamId' }],
    ['old', null, 'team-archived', { teamId: 'old', field: 'defaultTeamId' }],
    ['empty', null, 'team-has-no-members', { teamId: 'empty', field: 'defaultTeamId' }],
    [
      'a',
      menu(['a', 'old']),
      'team-archived',
      { teamId: 'old', field: 'botMenu.options.1.teamId' },
    ],
    [
      'a',
      menu(['a', 'a'], ['1', '1']),
      'invalid-input',
      { field: 'botMenu.options.1.key', reason: 'duplicate' },
    ],
  ])('default %s with menu %j is refused: %s', (defaultTeamId, botMenu, reason, details) => {
    expect(checkChannelRouting({ defaultTeamId, botMenu, teams })).toEqual({
      ok: false,
      reason,
      details,
    });
  });

  it('lets a bot option point to a team without members (only the default must be served)', () => {
    expect(
      checkChannelRouting({ defaultTeamId: 'a', botMenu: menu(['a', 'empty']), teams }).ok,
    ).toBe(true);
  });
});
