import { describe, expect, it } from 'vitest';
import { planEviction, type EvictionInput } from './eviction';
import { DEFAULT_WORKING_SET } from './working-set';

const DAY = 86_400_000;
const NOW = 100 * DAY;

type Held = EvictionInput['conversations'][number];
const conv = (id: string, patch: Partial<Held> = {}): Held => ({
  id,
  state: 'active',
  teamId: 'suporte',
  ownerId: 'ana',
  participantIds: [],
  closedAt: null,
  contactId: `contact-${id}`,
  ...patch,
});
const closed = (id: string, daysAgo: number, patch: Partial<Held> = {}) =>
  conv(id, { state: 'closed', closedAt: NOW - daysAgo * DAY, ...patch });

const input = (patch: Partial<EvictionInput>): EvictionInput => ({
  conversations: [],
  messageCounts: new Map(),
  contacts: [],
  protectedConversationIds: new Set(),
  protectedContactIds: new Set(),
  scope: { agentId: 'ana', keys: new Set(['agent:ana', 'queue:suporte', 'history:suporte']) },
  now: NOW,
  settings: DEFAULT_WORKING_SET,
  cachedContacts: 0,
  ...patch,
});

describe('planEviction', () => {
  it.each<[string, Partial<EvictionInput>, string[]]>([
    ['keeps open and recently closed', { conversations: [conv('a'), closed('b', 2)] }, []],
    [
      'drops what closed before the window',
      { conversations: [conv('a'), closed('old', 9)] },
      ['old'],
    ],
    [
      'keeps an old one with a draft or an outbox item',
      { conversations: [closed('old', 9)], protectedConversationIds: new Set(['old']) },
      [],
    ],
    [
      'drops what left the scope (transferred away, no removal seen)',
      { conversations: [conv('gone', { ownerId: 'diego', teamId: 'vendas' })] },
      ['gone'],
    ],
    [
      'drops messages of a conversation the store does not hold',
      {
        conversations: [conv('a')],
        messageCounts: new Map([
          ['a', 3],
          ['orphan', 2],
        ]),
      },
      ['orphan'],
    ],
    [
      'past the message bound, drops the oldest closed ones first, never open ones',
      {
        conversations: [conv('open'), closed('c1', 1), closed('c3', 3), closed('c2', 2)],
        messageCounts: new Map([
          ['open', 40],
          ['c1', 10],
          ['c2', 10],
          ['c3', 10],
        ]),
        settings: { ...DEFAULT_WORKING_SET, maxMessages: 55 },
      },
      ['c2', 'c3'],
    ],
    [
      'even an open conversation alone above the bound stays',
      {
        conversations: [conv('open')],
        messageCounts: new Map([['open', 100]]),
        settings: { ...DEFAULT_WORKING_SET, maxMessages: 10 },
      },
      [],
    ],
  ])('%s', (_, patch, conversationIds) => {
    expect(planEviction(input(patch)).conversationIds).toEqual(conversationIds);
  });

  it('keeps referenced contacts, those with an unsent edit, and the most recent cached ones', () => {
    const plan = planEviction(
      input({
        conversations: [conv('a'), closed('old', 9, { contactId: 'contact-old' })],
        contacts: [
          { id: 'contact-a', updatedAt: 1 },
          { id: 'contact-old', updatedAt: 5 },
          { id: 'found-recently', updatedAt: 9 },
          { id: 'found-long-ago', updatedAt: 2 },
          { id: 'being-edited', updatedAt: 0 },
        ],
        protectedContactIds: new Set(['being-edited']),
        cachedContacts: 1,
      }),
    );
    expect(plan).toEqual({
      conversationIds: ['old'],
      contactIds: ['contact-old', 'found-long-ago'],
    });
  });
});
