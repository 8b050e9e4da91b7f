import { describe, expect, it } from 'vitest';
import type { BotMenu } from '../schemas/channel';
import { botDeadline, botMenuText, botReply, botTimeoutEvent } from './bot-menu';

const menu: BotMenu = {
  greeting: 'Olá! Escolha uma opção:',
  options: [
    { key: '1', label: 'Vendas', teamId: 'sales' },
    { key: '2', label: 'Suporte técnico', teamId: 'support' },
    { key: 'A', label: 'Atendente', teamId: 'general' },
  ],
  invalidReply: 'Não entendi, responda com o número da opção.',
  timeoutMs: 300_000,
  onTimeout: 'route-default-team',
};

describe('botReply', () => {
  it.each([
    ['1', 'sales'],
    ['  2\n', 'support'],
    ['a', 'general'],
    ['A', 'general'],
    ['Vendas', 'sales'],
    [' Suporte técnico ', 'support'],
  ])('%o routes to %s', (input, teamId) => {
    const reply = botReply(menu, input);
    expect(reply).toMatchObject({ kind: 'route', teamId });
    if (reply.kind === 'route') expect(reply.option.teamId).toBe(teamId);
  });

  it.each(['', '   ', '3', '1 2', 'vendas', 'Quero falar com alguém', '11'])(
    '%o is invalid',
    (input) => {
      expect(botReply(menu, input)).toEqual({ kind: 'invalid' });
    },
  );
});

describe('botMenuText', () => {
  it('puts the greeting first and one option per line', () => {
    expect(botMenuText(menu)).toBe(
      'Olá! Escolha uma opção:\n1 - Vendas\n2 - Suporte técnico\nA - Atendente',
    );
  });
});

describe('botDeadline and botTimeoutEvent', () => {
  it('counts the timeout from now', () => {
    expect(botDeadline(menu, 1_000)).toBe(301_000);
  });

  it.each([
    ['route-default-team', 'bot-timeout-route'],
    ['close', 'bot-timeout-close'],
  ] as const)('%s → %s', (onTimeout, event) => {
    expect(botTimeoutEvent({ ...menu, onTimeout })).toBe(event);
  });
});
