import { describe, expect, it } from 'vitest';
import type { NotificationEvent } from '@atendo/shared/ipc/contract';
import { routeCallNotification, routeNotification, type ShellState } from './routing';

const base: ShellState = {
  windowFocused: false,
  agent: { agentId: 'ana', teamIds: ['sales'], presence: 'available', openConversationId: null },
  settings: {
    queueArrivals: true,
    newMessages: true,
    transfers: true,
    persistQueueArrivals: false,
    sound: true,
    doNotDisturb: false,
  },
};

const event = (over: Partial<NotificationEvent>): NotificationEvent => ({
  kind: 'queue-arrival',
  conversationId: 'c1',
  teamId: 'sales',
  ownerId: null,
  participantIds: [],
  targetAgentId: null,
  title: 'Novo atendimento',
  body: 'Maria',
  ...over,
});

const reasonOf = (e: NotificationEvent, s: ShellState = base) => {
  const r = routeNotification(e, s);
  return r.show ? 'show' : r.reason;
};

describe('routeNotification', () => {
  it.each([
    ['queue arrival in my team', event({}), base, 'show'],
    ['queue arrival in another team', event({ teamId: 'support' }), base, 'not-my-team'],
    [
      'message in my conversation, window in background',
      event({ kind: 'new-message', ownerId: 'ana' }),
      base,
      'show',
    ],
    [
      'message where I am a participant',
      event({ kind: 'new-message', ownerId: 'bob', participantIds: ['ana'] }),
      base,
      'show',
    ],
    [
      'message in a colleague conversation',
      event({ kind: 'new-message', ownerId: 'bob' }),
      base,
      'not-my-conversation',
    ],
    [
      'message while the window is focused',
      event({ kind: 'new-message', ownerId: 'ana' }),
      { ...base, windowFocused: true },
      'window-focused',
    ],
    ['transfer to me', event({ kind: 'transfer', targetAgentId: 'ana' }), base, 'show'],
    [
      'transfer to someone else',
      event({ kind: 'transfer', targetAgentId: 'bob' }),
      base,
      'not-for-me',
    ],
    [
      'invite to me while away',
      event({ kind: 'invite', targetAgentId: 'ana' }),
      { ...base, agent: { ...base.agent, presence: 'away' } },
      'show',
    ],
    [
      'queue arrival while away',
      event({}),
      { ...base, agent: { ...base.agent, presence: 'away' } },
      'presence-away',
    ],
    [
      'anything while offline',
      event({ kind: 'transfer', targetAgentId: 'ana' }),
      { ...base, agent: { ...base.agent, presence: 'offline' } },
      'presence-offline',
    ],
    [
      'anything with do-not-disturb',
      event({ kind: 'transfer', targetAgentId: 'ana' }),
      { ...base, settings: { ...base.settings, doNotDisturb: true } },
      'do-not-disturb',
    ],
    [
      'queue arrivals turned off',
      event({}),
      { ...base, settings: { ...base.settings, queueArrivals: false } },
      'disabled-in-settings',
    ],
    [
      'nobody signed in',
      event({}),
      { ...base, agent: { ...base.agent, agentId: null } },
      'not-signed-in',
    ],
  ] as const)('%s → %s', (_name, e, state, expected) => {
    expect(reasonOf(e, state)).toBe(expected);
  });

  it('plays a sound per kind and keeps queue arrivals on screen when asked to', () => {
    const persistent = { ...base, settings: { ...base.settings, persistQueueArrivals: true } };
    const queued = routeNotification(event({}), persistent);
    const message = routeNotification(event({ kind: 'new-message', ownerId: 'ana' }), persistent);
    expect(queued).toMatchObject({
      show: true,
      plan: { sound: 'queue-arrival.wav', persistent: true, tag: 'queue-arrival:c1' },
    });
    expect(message).toMatchObject({
      show: true,
      plan: { sound: 'new-message.wav', persistent: false },
    });
  });

  it('is silent when sounds are off', () => {
    const r = routeNotification(event({}), {
      ...base,
      settings: { ...base.settings, sound: false },
    });
    expect(r).toMatchObject({ show: true, plan: { sound: null } });
  });
});

describe('routeCallNotification', () => {
  it.each([
    ['ringing', base, 'show'],
    ['answered', base, 'call-not-ringing'],
    ['ringing', { ...base, settings: { ...base.settings, doNotDisturb: true } }, 'do-not-disturb'],
    ['ringing', { ...base, agent: { ...base.agent, presence: 'offline' } }, 'presence-offline'],
  ] as const)('%s → %s', (event, state, expected) => {
    const r = routeCallNotification(event, state);
    expect(r.show ? 'show' : r.reason).toBe(expected);
  });
});
