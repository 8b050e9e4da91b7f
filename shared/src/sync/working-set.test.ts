import { describe, expect, it } from 'vitest';
import type { Conversation } from '../schemas/conversation';
import {
  DEFAULT_WORKING_SET,
  selectWorkingSet,
  workingSetDecision,
  type WorkingSetDecision,
  type WorkingSetScope,
} from './working-set';

const DAY = 86_400_000;
const NOW = 100 * DAY;

type Conv = Pick<
  Conversation,
  'id' | 'state' | 'teamId' | 'ownerId' | 'participantIds' | 'closedAt' | 'contactId'
>;

const conv = (patch: Partial<Conv>): Conv => ({
  id: 'c1',
  state: 'active',
  teamId: 'suporte',
  ownerId: 'ana',
  participantIds: [],
  closedAt: null,
  contactId: 'maria',
  ...patch,
});

const ana: WorkingSetScope = {
  agentId: 'ana',
  keys: new Set(['all', 'agent:ana', 'queue:suporte', 'team:suporte', 'history:suporte']),
};
const carla: WorkingSetScope = {
  agentId: 'carla',
  keys: new Set(['all', 'agent:carla', 'monitor', 'history-all']),
};

describe('workingSetDecision', () => {
  it.each<[string, Conv, WorkingSetScope, string[], WorkingSetDecision['reason']]>([
    ['own open conversation', conv({}), ana, [], 'open'],
    ['queued in her team', conv({ state: 'queued', ownerId: null }), ana, [], 'open'],
    [
      'queued in another team',
      conv({ state: 'queued', ownerId: null, teamId: 'vendas' }),
      ana,
      [],
      'out-of-scope',
    ],
    ['someone else’s active one', conv({ ownerId: 'diego' }), ana, [], 'out-of-scope'],
    ['participating', conv({ ownerId: 'diego', participantIds: ['ana'] }), ana, [], 'open'],
    ['monitor: any open one', conv({ ownerId: 'diego', teamId: 'vendas' }), carla, [], 'open'],
    [
      'closed yesterday in her team',
      conv({ state: 'closed', ownerId: 'bruno', closedAt: NOW - DAY }),
      ana,
      [],
      'recently-closed',
    ],
    [
      'closed 8 days ago',
      conv({ state: 'closed', closedAt: NOW - 8 * DAY }),
      ana,
      [],
      'closed-long-ago',
    ],
    [
      'closed 8 days ago, contact served now',
      conv({ state: 'closed', closedAt: NOW - 8 * DAY }),
      ana,
      ['maria'],
      'contact-history',
    ],
    [
      'closed in another team',
      conv({ state: 'closed', ownerId: 'diego', teamId: 'vendas', closedAt: NOW }),
      ana,
      [],
      'out-of-scope',
    ],
    [
      'history-all: closed anywhere',
      conv({ state: 'closed', ownerId: 'diego', teamId: 'vendas', closedAt: NOW }),
      carla,
      [],
      'recently-closed',
    ],
    [
      'served by her, team left since',
      conv({ state: 'closed', teamId: 'vendas', closedAt: NOW }),
      ana,
      [],
      'recently-closed',
    ],
  ])('%s', (_, conversation, scope, served, reason) => {
    const decision = workingSetDecision(
      conversation,
      scope,
      NOW,
      DEFAULT_WORKING_SET,
      new Set(served),
    );
    expect(decision.reason).toBe(reason);
  });
});

describe('selectWorkingSet', () => {
  it('keeps the latest closed conversations of each served contact, and all recent ones', () => {
    const old = (n: number) =>
      conv({ id: `old-${n}`, state: 'closed', closedAt: NOW - (10 + n) * DAY });
    const candidates = [
      conv({ id: 'open' }),
      ...[1, 2, 3, 4, 5].map(old),
      conv({ id: 'recent', state: 'closed', closedAt: NOW - DAY }),
      conv({ id: 'other-old', state: 'closed', closedAt: NOW - 20 * DAY, contactId: 'joao' }),
    ];
    const kept = selectWorkingSet(candidates, ana, NOW, {
      ...DEFAULT_WORKING_SET,
      closedPerContact: 3,
    });
    // `recent` counts against Maria's three; two older ones remain.
    expect([...kept].sort()).toEqual(['old-1', 'old-2', 'open', 'recent']);
  });

  it('caps closed conversations, most recently closed first; open ones always stay', () => {
    const candidates = [
      conv({ id: 'open' }),
      ...[1, 2, 3].map((n) =>
        conv({ id: `closed-${n}`, state: 'closed', closedAt: NOW - n * 1000 }),
      ),
    ];
    const kept = selectWorkingSet(candidates, ana, NOW, {
      ...DEFAULT_WORKING_SET,
      maxClosedConversations: 2,
    });
    expect([...kept].sort()).toEqual(['closed-1', 'closed-2', 'open']);
  });
});
