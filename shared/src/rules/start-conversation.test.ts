import { describe, expect, it } from 'vitest';
import type { Actor } from '../schemas/agent';
import type { ChannelDirection } from '../schemas/channel';
import {
  canStartConversation,
  startDenialHint,
  type OpenConversationSummary,
} from './start-conversation';

const ana: Actor = { id: 'ana', role: 'agent', teamIds: ['sales'], permissions: [] };
const both = { direction: 'both', kind: 'whatsapp' } as const;

const open = (patch: Partial<OpenConversationSummary>): OpenConversationSummary => ({
  id: 'c1',
  state: 'active',
  ownerId: 'bia',
  ownerName: 'Bia',
  teamId: 'support',
  readable: true,
  ...patch,
});

describe('canStartConversation', () => {
  it.each([
    ['no open conversation', null, { ok: true, resumeConversationId: null }],
    ['a closed one (ignored)', open({ state: 'closed' }), { ok: true, resumeConversationId: null }],
    ['own active one', open({ ownerId: 'ana' }), { ok: true, resumeConversationId: 'c1' }],
    [
      'active one the actor was invited into',
      open({ participantIds: ['ana'] }),
      { ok: true, resumeConversationId: 'c1' },
    ],
  ])('allows with %s', (_name, conversation, expected) => {
    expect(canStartConversation({ actor: ana, channel: both, open: conversation })).toEqual(
      expected,
    );
  });

  it.each([
    [
      'someone else serves it',
      open({}),
      'contact-busy',
      { conversationId: 'c1', ownerId: 'bia', ownerName: 'Bia', teamId: 'support' },
    ],
    [
      'it waits in a queue',
      open({ state: 'queued', ownerId: null, ownerName: null }),
      'contact-busy',
      { conversationId: 'c1', ownerId: null, ownerName: null, teamId: 'support' },
    ],
    [
      'the contact is in the bot',
      open({ state: 'bot', ownerId: null, ownerName: null }),
      'in-bot',
      { conversationId: 'c1', teamId: 'support' },
    ],
    [
      'the contact owes a CSAT answer',
      open({ state: 'awaiting_csat' }),
      'awaiting-csat',
      { conversationId: 'c1', ownerName: 'Bia' },
    ],
  ])('denies when %s', (_name, conversation, reason, details) => {
    expect(canStartConversation({ actor: ana, channel: both, open: conversation })).toEqual({
      ok: false,
      reason,
      details,
    });
  });

  it.each([
    ['someone else serves it', open({})],
    ['it waits in another team’s queue', open({ state: 'queued', ownerId: null, ownerName: null })],
    ['the contact is in the bot', open({ state: 'bot', ownerId: null, ownerName: null })],
    ['the contact owes a CSAT answer', open({ state: 'awaiting_csat' })],
  ])('names only who holds a conversation the actor may not read (%s)', (_name, conversation) => {
    const hidden = { ...conversation, readable: false };
    expect(canStartConversation({ actor: ana, channel: both, open: hidden })).toEqual({
      ok: false,
      reason: 'contact-busy',
      details: { ownerName: conversation.ownerName },
    });
  });

  it.each<[string, OpenConversationSummary | null]>([
    ['no conversation', null],
    ['own active one', open({ ownerId: 'ana' })],
    ['the bot holding the contact', open({ state: 'bot' })],
  ])('refuses an inbound-only channel before anything else (%s)', (_name, conversation) => {
    const channel = { direction: 'inbound-only' as ChannelDirection, kind: 'webchat' as const };
    expect(canStartConversation({ actor: ana, channel, open: conversation })).toEqual({
      ok: false,
      reason: 'inbound-only-channel',
      details: { channelKind: 'webchat' },
    });
  });
});

describe('startDenialHint', () => {
  it.each([
    ['inbound-only-channel', {}, 'use-another-channel'],
    ['contact-busy', { ownerId: 'bia' }, 'ask-supervisor'],
    ['contact-busy', { ownerId: null }, 'take-from-queue'],
    ['contact-busy', {}, 'ask-supervisor'],
    ['in-bot', {}, 'ask-supervisor'],
    ['awaiting-csat', {}, 'ask-supervisor'],
  ] as const)('%s %o → %s', (reason, details, hint) => {
    expect(startDenialHint(reason, details)).toBe(hint);
  });

  it('follows the details of a real refusal', () => {
    const queued = canStartConversation({
      actor: ana,
      channel: both,
      open: open({ state: 'queued', ownerId: null, ownerName: null }),
    });
    if (queued.ok) throw new Error('expected a refusal');
    expect(startDenialHint(queued.reason, queued.details)).toBe('take-from-queue');
  });
});
