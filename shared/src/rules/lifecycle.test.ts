import { describe, expect, it } from 'vitest';
import { ConversationState } from '../schemas/conversation';
import { isOpenState, nextState, type LifecycleEvent } from './lifecycle';

const EVENTS: LifecycleEvent[] = [
  'bot-routed',
  'bot-timeout-route',
  'bot-timeout-close',
  'take',
  'transfer-to-agent',
  'transfer-to-queue',
  'send-back-to-queue',
  'close',
  'force-close',
  'csat-answered',
  'csat-timeout',
  'reopen-by-agent',
];

type Row = [ConversationState, LifecycleEvent, boolean, ConversationState];

// Every allowed transition, with and without CSAT; anything not listed here must be refused.
const ALLOWED: Row[] = [
  ['bot', 'bot-routed', false, 'queued'],
  ['bot', 'bot-timeout-route', false, 'queued'],
  ['bot', 'bot-timeout-close', false, 'closed'],
  ['bot', 'force-close', true, 'closed'],
  // A supervisor pulls a contact out of the bot (issue 11).
  ['bot', 'transfer-to-agent', false, 'active'],
  ['bot', 'transfer-to-queue', false, 'queued'],
  ['queued', 'take', false, 'active'],
  ['queued', 'transfer-to-agent', false, 'active'],
  ['queued', 'transfer-to-queue', false, 'queued'],
  ['queued', 'close', true, 'awaiting_csat'],
  ['queued', 'close', false, 'closed'],
  ['queued', 'force-close', true, 'closed'],
  ['active', 'transfer-to-agent', false, 'active'],
  ['active', 'transfer-to-queue', false, 'queued'],
  ['active', 'send-back-to-queue', false, 'queued'],
  ['active', 'close', true, 'awaiting_csat'],
  ['active', 'close', false, 'closed'],
  ['active', 'force-close', true, 'closed'],
  ['awaiting_csat', 'csat-answered', false, 'closed'],
  ['awaiting_csat', 'csat-timeout', false, 'closed'],
  ['awaiting_csat', 'force-close', true, 'closed'],
];

describe('nextState', () => {
  it.each(ALLOWED)('%s --%s (csat %s)--> %s', (from, event, csatEnabled, to) => {
    expect(nextState(from, event, { csatEnabled })).toEqual({ ok: true, to });
  });

  const allowedPairs = new Set(ALLOWED.map(([from, event]) => `${from}/${event}`));
  const refused = ConversationState.options.flatMap((from) =>
    EVENTS.filter((event) => !allowedPairs.has(`${from}/${event}`)).map(
      (event) => [from, event] as const,
    ),
  );

  it.each(refused)('refuses %s --%s', (from, event) => {
    expect(nextState(from, event, { csatEnabled: true })).toEqual({
      ok: false,
      reason: 'invalid-transition',
      details: { from, event },
    });
  });

  it('closes without CSAT when no options are given', () => {
    expect(nextState('active', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('never reopens a closed conversation, not even by an agent', () => {
    expect(nextState('closed', 'reopen-by-agent').ok).toBe(false);
    expect(refused.filter(([from]) => from === 'closed')).toHaveLength(EVENTS.length);
  });
});

describe('isOpenState', () => {
  it.each([
    ['bot', true],
    ['queued', true],
    ['active', true],
    ['awaiting_csat', true],
    ['closed', false],
  ] as const)('%s → %s', (state, open) => {
    expect(isOpenState(state)).toBe(open);
  });
});
