import { describe, expect, it } from 'vitest';
import type { Contact } from '../schemas/contact';
import type { Conversation } from '../schemas/conversation';
import {
  canErase,
  confirmsErasure,
  ERASED_CONTACT_NAME,
  erasedContact,
  erasedConversation,
} from './erasure';

const contact: Contact = {
  id: 'c1',
  name: 'Maria Oliveira',
  phones: ['+5511987650001'],
  emails: ['maria@example.com'],
  addresses: [{ channelId: 'ch', address: '5511987650001' }],
  customFields: { cpf: '123.456.789-00' },
  createdAt: 1,
  updatedAt: 2,
  version: 3,
};

const conversation: Conversation = {
  id: 'v1',
  contactId: 'c1',
  channelId: 'ch',
  teamId: 't',
  ownerId: 'a',
  participantIds: ['b'],
  tagIds: ['tag'],
  dispositionId: 'd',
  state: 'active',
  lastInboundAt: 10,
  lastMessageAt: 20,
  lastMessagePreview: 'meu CPF é 123',
  createdAt: 5,
  queuedAt: 6,
  closedAt: null,
  csatDeadline: 30,
  botDeadline: 40,
  updatedAt: 20,
};

describe('canErase', () => {
  it.each([
    [0, false, true],
    [0, true, true],
    [2, true, true],
    [2, false, false],
  ])('%i open conversations, forced %s: allowed %s', (openConversations, force, ok) => {
    const decision = canErase({ openConversations, force });
    expect(decision.ok).toBe(ok);
    if (!decision.ok) {
      expect(decision).toEqual({
        ok: false,
        reason: 'contact-has-open-conversations',
        details: { count: openConversations },
      });
    }
  });
});

describe('confirmsErasure', () => {
  it.each([
    ['Maria Oliveira', true],
    ['  maria oliveira ', true],
    ['MARIA OLIVEIRA', true],
    ['Maria', false],
    ['', false],
    ['   ', false],
  ])('%o confirms "Maria Oliveira": %s', (typed, expected) => {
    expect(confirmsErasure(typed, 'Maria Oliveira')).toBe(expected);
  });

  it('compares composed and decomposed accents alike', () => {
    expect(confirmsErasure('Lu\u0301cia', 'L\u00facia')).toBe(true);
  });
});

describe('erasedContact', () => {
  it('keeps only the id, the creation time and the version counter', () => {
    expect(erasedContact(contact, 99)).toEqual({
      id: 'c1',
      name: ERASED_CONTACT_NAME,
      phones: [],
      emails: [],
      addresses: [],
      customFields: {},
      createdAt: 1,
      updatedAt: 99,
      version: 4,
    });
  });
});

describe('erasedConversation', () => {
  it('closes a live one now and drops the preview and deadlines', () => {
    expect(erasedConversation(conversation, 99)).toEqual({
      ...conversation,
      state: 'closed',
      closedAt: 99,
      lastMessagePreview: null,
      csatDeadline: null,
      botDeadline: null,
      updatedAt: 99,
    });
  });

  it('keeps the close time of a closed one', () => {
    const closed = { ...conversation, state: 'closed' as const, closedAt: 50 };
    expect(erasedConversation(closed, 99)).toMatchObject({
      closedAt: 50,
      teamId: 't',
      ownerId: 'a',
    });
  });
});
