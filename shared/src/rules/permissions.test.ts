import { describe, expect, it } from 'vitest';
import type { Actor } from '../schemas/agent';
import {
  canClose,
  canForceClose,
  canInvite,
  canMonitor,
  canReadConversation,
  canReassign,
  canSeeConversationHistory,
  canSend,
  canSendBackToQueue,
  canTag,
  canTake,
  canTransfer,
  historyScope,
  type ConversationAccess,
} from './permissions';

const agent = (id: string, patch: Partial<Actor> = {}): Actor => ({
  id,
  role: 'agent',
  teamIds: ['sales'],
  permissions: [],
  ...patch,
});
const ana = agent('ana');
const bia = agent('bia');
const caio = agent('caio', { teamIds: ['support'] });
const sup = agent('sup', { role: 'supervisor', teamIds: [] });
const admin = agent('adm', { role: 'admin', teamIds: [] });
const auditor = agent('aud', { teamIds: [], permissions: ['history-all'] });

const conv = (patch: Partial<ConversationAccess> = {}): ConversationAccess => ({
  state: 'active',
  teamId: 'sales',
  ownerId: 'ana',
  participantIds: ['bia'],
  ...patch,
});
const queued = conv({ state: 'queued', ownerId: null, participantIds: [] });

const denied = (reason: string, details: object) => ({ ok: false, reason, details });

describe('canTake', () => {
  it.each([
    ['a team agent takes a queued one', bia, queued, { ok: true }],
    ['a supervisor outside the team', sup, queued, { ok: true }],
    ['an admin', admin, queued, { ok: true }],
    ['another team’s agent', caio, queued, denied('forbidden', { teamId: 'sales' })],
    ['someone won the race', bia, conv(), denied('already-taken', { ownerId: 'ana' })],
    [
      'still in the bot',
      bia,
      conv({ state: 'bot', ownerId: null }),
      denied('invalid-transition', { from: 'bot', event: 'take' }),
    ],
    [
      'already closed',
      bia,
      conv({ state: 'closed' }),
      denied('invalid-transition', { from: 'closed', event: 'take' }),
    ],
  ] as const)('%s', (_name, actor, conversation, expected) => {
    expect(canTake(actor, conversation)).toEqual(expected);
  });
});

describe('canSend', () => {
  it.each([
    ['the owner', ana, conv(), { ok: true }],
    ['an invited participant', bia, conv(), { ok: true }],
    ['a supervisor who has not joined', sup, conv(), denied('not-participant', { ownerId: 'ana' })],
    ['a supervisor who joined', sup, conv({ participantIds: ['sup'] }), { ok: true }],
    [
      'a teammate who is not in it',
      agent('dani'),
      conv(),
      denied('not-participant', { ownerId: 'ana' }),
    ],
    [
      'the owner of a queued one',
      ana,
      queued,
      denied('invalid-transition', { from: 'queued', event: 'send' }),
    ],
    [
      'after close',
      ana,
      conv({ state: 'awaiting_csat' }),
      denied('invalid-transition', { from: 'awaiting_csat', event: 'send' }),
    ],
  ] as const)('%s', (_name, actor, conversation, expected) => {
    expect(canSend(actor, conversation)).toEqual(expected);
  });
});

describe('owner-or-supervisor actions', () => {
  const actions = { canTransfer, canInvite, canClose, canSendBackToQueue, canTag };
  const names = Object.keys(actions) as (keyof typeof actions)[];

  it.each(names)('%s: the owner, a supervisor and an admin may', (name) => {
    for (const actor of [ana, sup, admin])
      expect(actions[name](actor, conv())).toEqual({ ok: true });
  });

  it.each(names)('%s: a stranger may not, and is told who owns it', (name) => {
    expect(actions[name](caio, conv())).toEqual(denied('not-owner', { ownerId: 'ana' }));
  });

  it.each([
    ['canTag', true],
    ['canTransfer', false],
    ['canInvite', false],
    ['canClose', false],
    ['canSendBackToQueue', false],
  ] as const)('%s by an invited participant → %s', (name, ok) => {
    expect(actions[name](bia, conv()).ok).toBe(ok);
  });
});

describe('supervisor-only actions', () => {
  const actions = { canForceClose, canReassign, canMonitor };
  it.each([
    ['canForceClose', sup, true],
    ['canForceClose', admin, true],
    ['canForceClose', ana, false],
    ['canReassign', sup, true],
    ['canReassign', auditor, false],
    ['canMonitor', admin, true],
    ['canMonitor', ana, false],
  ] as const)('%s by %o', (name, actor, ok) => {
    expect(actions[name](actor)).toEqual(
      ok ? { ok: true } : denied('forbidden', { role: actor.role }),
    );
  });
});

describe('canSeeConversationHistory', () => {
  const otherTeam = { teamId: 'support', ownerId: 'edu', participantIds: [] };
  it.each([
    ['own team’s', ana, { teamId: 'sales', ownerId: 'bia', participantIds: [] }, true],
    ['another team’s', ana, otherTeam, false],
    ['one the agent served in another team', ana, { ...otherTeam, ownerId: 'ana' }, true],
    ['one the agent was invited into', ana, { ...otherTeam, participantIds: ['ana'] }, true],
    ['any, with history-all', auditor, otherTeam, true],
    ['any, as supervisor', sup, otherTeam, true],
  ])('%s → %s', (_name, actor, conversation, ok) => {
    expect(canSeeConversationHistory(actor, conversation)).toEqual(
      ok ? { ok: true } : denied('history-forbidden', { teamId: 'support' }),
    );
  });
});

describe('canReadConversation', () => {
  const live = { teamId: 'sales', ownerId: 'bia', participantIds: ['caio'] };
  const otherTeam = { teamId: 'support', ownerId: 'edu', participantIds: [] };
  it.each([
    ['its owner, live', bia, conv({ ...live }), true],
    ['a participant from another team, live', caio, conv({ ...live }), true],
    ['a teammate, live and served by someone else', ana, conv({ ...live }), false],
    ['history-all, live in another team', auditor, conv({ ...otherTeam }), false],
    ['a supervisor, live in another team', sup, conv({ ...otherTeam }), true],
    ['the team, queued', ana, conv({ ...live, state: 'queued', ownerId: null }), true],
    ['another team, queued', ana, conv({ ...otherTeam, state: 'queued', ownerId: null }), false],
    ['the team, in the bot', ana, conv({ ...live, state: 'bot', ownerId: null }), true],
    ['the team, awaiting CSAT', ana, conv({ ...live, state: 'awaiting_csat' }), true],
    [
      'history-all, awaiting CSAT in another team',
      auditor,
      conv({ ...otherTeam, state: 'awaiting_csat' }),
      false,
    ],
    ['a teammate, closed', ana, conv({ ...live, state: 'closed' }), true],
    ['history-all, closed in another team', auditor, conv({ ...otherTeam, state: 'closed' }), true],
    ['another team, closed', ana, conv({ ...otherTeam, state: 'closed' }), false],
    [
      'its former owner, closed in another team',
      ana,
      conv({ ...otherTeam, state: 'closed', ownerId: 'ana' }),
      true,
    ],
  ])('%s → %s', (_name, actor, conversation, ok) => {
    expect(canReadConversation(actor, conversation).ok).toBe(ok);
  });

  it('tells who serves a live conversation it refuses', () => {
    expect(canReadConversation(ana, conv({ ...live }))).toEqual(
      denied('not-participant', { ownerId: 'bia' }),
    );
  });
});

describe('historyScope', () => {
  it.each([
    ['an agent', ana, { kind: 'teams', teamIds: ['sales'], agentId: 'ana' }],
    ['an agent with history-all', auditor, { kind: 'all' }],
    ['a supervisor', sup, { kind: 'all' }],
    ['an admin', admin, { kind: 'all' }],
  ] as const)('%s', (_name, actor, scope) => {
    expect(historyScope(actor)).toEqual(scope);
  });
});
