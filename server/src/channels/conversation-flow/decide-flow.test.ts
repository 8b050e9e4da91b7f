import { describe, expect, it } from 'vitest';
import type { BotMenu } from '@atendo/shared/schemas/channel';
import {
  decideAfterInbound,
  decideOwedMessages,
  type ConversationFacts,
  type InboundFacts,
} from './decide-flow';

const menu: BotMenu = {
  greeting: 'Olá! Escolha uma opção:',
  options: [
    { key: '1', label: 'Vendas', teamId: 'team-sales' },
    { key: '2', label: 'Suporte', teamId: 'team-support' },
  ],
  invalidReply: 'Opção inválida.',
  timeoutMs: 60_000,
  onTimeout: 'route-default-team',
};
const MENU_TEXT = 'Olá! Escolha uma opção:\n1 - Vendas\n2 - Suporte';
const QUESTION = 'De 1 a 5, como foi o atendimento?';

const inbound = (overrides: Partial<InboundFacts>): InboundFacts => ({
  state: 'bot',
  menu,
  created: false,
  text: '',
  csatAnswer: null,
  csatQuestionsSent: 1,
  csatQuestion: QUESTION,
  ...overrides,
});

describe('decideAfterInbound', () => {
  it.each<[string, Partial<InboundFacts>, ReturnType<typeof decideAfterInbound>]>([
    [
      'the first message in the bot gets the greeting and menu',
      { created: true, text: 'oi' },
      [{ type: 'send-text', purpose: 'menu', body: MENU_TEXT }],
    ],
    [
      'a valid option routes to its team',
      { text: ' 2 ' },
      [{ type: 'route-to-team', teamId: 'team-support', optionKey: '2' }],
    ],
    [
      'an invalid answer repeats the menu after the invalid reply',
      { text: '9' },
      [{ type: 'send-text', purpose: 'menu', body: `Opção inválida.\n${MENU_TEXT}` }],
    ],
    [
      'a file (empty text) in the bot repeats the menu',
      { text: '' },
      [{ type: 'send-text', purpose: 'menu', body: `Opção inválida.\n${MENU_TEXT}` }],
    ],
    [
      'a bot conversation whose menu was removed waits for the timeout',
      { menu: null, text: '1' },
      [],
    ],
    ['a queued conversation has no dialogue', { state: 'queued', text: '1' }, []],
    ['an active conversation has no dialogue', { state: 'active', text: '5' }, []],
    [
      'a CSAT answer is recorded',
      { state: 'awaiting_csat', text: '5 ótimo', csatAnswer: { score: 5, comment: 'ótimo' } },
      [{ type: 'record-csat', score: 5, comment: 'ótimo' }],
    ],
    [
      'an unparseable CSAT answer is asked again once',
      { state: 'awaiting_csat', text: 'hã?', csatQuestionsSent: 1 },
      [{ type: 'send-text', purpose: 'csat', body: QUESTION }],
    ],
    [
      'after the re-ask, further unparseable answers are left alone',
      { state: 'awaiting_csat', text: 'hã?', csatQuestionsSent: 2 },
      [],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(decideAfterInbound(inbound(overrides))).toEqual(expected);
  });
});

const owed = (overrides: Partial<ConversationFacts>): ConversationFacts => ({
  state: 'bot',
  menu,
  channelKind: 'webchat',
  freeMessageAllowed: true,
  menusSent: 0,
  csatQuestionsSent: 0,
  csatQuestion: QUESTION,
  ...overrides,
});

describe('decideOwedMessages', () => {
  it.each<[string, Partial<ConversationFacts>, ReturnType<typeof decideOwedMessages>]>([
    [
      'a bot conversation without a menu gets one',
      {},
      [{ type: 'send-text', purpose: 'menu', body: MENU_TEXT }],
    ],
    ['a bot conversation that has its menu gets nothing', { menusSent: 1 }, []],
    ['a channel without a bot menu sends nothing', { menu: null }, []],
    [
      'a conversation awaiting CSAT gets the question',
      { state: 'awaiting_csat' },
      [{ type: 'send-text', purpose: 'csat', body: QUESTION }],
    ],
    ['the question is never sent twice', { state: 'awaiting_csat', csatQuestionsSent: 1 }, []],
    [
      'outside the WhatsApp window the question goes as a template',
      { state: 'awaiting_csat', channelKind: 'whatsapp', freeMessageAllowed: false },
      [{ type: 'send-csat-template' }],
    ],
    ['a closed conversation owes nothing', { state: 'closed' }, []],
    ['an active conversation owes nothing', { state: 'active' }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(decideOwedMessages(owed(overrides))).toEqual(expected);
  });
});
