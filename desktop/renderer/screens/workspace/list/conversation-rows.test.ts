import { describe, expect, it } from 'vitest';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { botChoiceOf, filterRows, type ConversationRowData } from './conversation-rows';

const conversation = (id: string, channelId: string, preview: string): Conversation => ({
  id,
  contactId: `contact-${id}`,
  channelId,
  teamId: 't',
  ownerId: null,
  participantIds: [],
  tagIds: [],
  dispositionId: null,
  state: 'queued',
  lastInboundAt: 0,
  lastMessageAt: 0,
  lastMessagePreview: preview,
  createdAt: 0,
  queuedAt: 0,
  closedAt: null,
  csatDeadline: null,
  botDeadline: null,
  updatedAt: 0,
});

const row = (
  id: string,
  contactName: string,
  preview: string,
  channelId: string,
  tags: string[] = [],
): ConversationRowData => ({
  conversation: conversation(id, channelId, preview),
  contactName,
  contactKnown: true,
  channelKind: 'whatsapp',
  channelName: channelId,
  tags: tags.map((name) => ({ id: name, teamId: 't', name, color: '#000000', updatedAt: 0 })),
  botChoice: null,
});

const rows = [
  row('1', 'João Pereira', 'Quero o boleto', 'wa'),
  row('2', 'Maria Oliveira', 'Meu app não abre', 'web', ['Urgente']),
  row('3', 'Lúcia Ferreira', 'Obrigada', 'wa'),
];

describe('filterRows', () => {
  it.each([
    ['joao', null, ['1']],
    ['LUCIA', null, ['3']],
    ['boleto', null, ['1']],
    ['urgente', null, ['2']],
    ['', 'wa', ['1', '3']],
    ['maria', 'wa', []],
    ['  ', null, ['1', '2', '3']],
  ] as const)('search %j on channel %s', (search, channelId, ids) => {
    expect(filterRows(rows, { search, channelId }).map((r) => r.conversation.id)).toEqual(ids);
  });
});

describe('botChoiceOf', () => {
  const menu = {
    greeting: 'Olá! Escolha:',
    options: [
      { key: '1', label: 'Suporte técnico', teamId: 'team-suporte' },
      { key: '2', label: 'Vendas', teamId: 'team-vendas' },
    ],
    invalidReply: 'Não entendi.',
    timeoutMs: 60_000,
    onTimeout: 'route-default-team' as const,
  };

  it.each([
    ['queued', '1', menu, 'Suporte técnico'],
    ['queued', ' 2 ', menu, 'Vendas'],
    ['bot', '2', menu, 'Vendas'],
    ['queued', '3', menu, null],
    ['queued', 'Quero o boleto', menu, null],
    ['active', '1', menu, null],
    ['queued', '1', null, null],
  ] as const)('%s conversation ending on %j', (state, preview, botMenu, label) => {
    expect(botChoiceOf({ state, lastMessagePreview: preview }, botMenu)).toBe(label);
  });
});
