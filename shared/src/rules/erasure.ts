import type { Contact } from '../schemas/contact';
import type { Conversation } from '../schemas/conversation';
import { allow, deny, type Decision } from './decision';

/*
 * What erasing a contact (LGPD art. 18, VI: "eliminação") keeps and what it removes. Reports
 * must still count the work that was done, so each conversation row stays with the facts of the
 * service: when it started, waited and ended, which channel, team and agents served it, its tags,
 * its disposition and its CSAT score. Everything that says who the person was or what they said
 * goes: the contact's name, phones, e-mails, channel addresses and custom fields, every message
 * (bodies, file names, template parameters, call numbers, transfer notes), every file, the
 * conversation's preview line and the CSAT comment. The contact row itself stays, emptied, so
 * the kept conversations still point at one (anonymous) person and count as one.
 */

/** The name an erased contact keeps: the schema wants one, and it names nobody. */
export const ERASED_CONTACT_NAME = '—';

/** Conversation fields an erasure keeps, for the docs and the confirmation dialog. */
export const ERASURE_KEEPS = [
  'createdAt',
  'queuedAt',
  'closedAt',
  'channelId',
  'teamId',
  'ownerId',
  'participantIds',
  'tagIds',
  'dispositionId',
  'csatScore',
] as const;

/**
 * An open conversation means someone is serving the contact right now: erasing it under the
 * agent would end that service without a word. The admin must close it first, or force.
 */
export function canErase(input: {
  openConversations: number;
  force: boolean;
}): Decision<'contact-has-open-conversations'> {
  if (input.openConversations > 0 && !input.force) {
    return deny('contact-has-open-conversations', { count: input.openConversations });
  }
  return allow();
}

/**
 * The typed confirmation must be the contact's name (ignoring surrounding spaces, letter case
 * and Unicode composition), so an admin cannot erase someone by a slip of the mouse.
 */
export function confirmsErasure(typed: string, contactName: string): boolean {
  const canonical = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('pt-BR');
  return canonical(typed) !== '' && canonical(typed) === canonical(contactName);
}

export function erasedContact(contact: Contact, now: number): Contact {
  return {
    ...contact,
    name: ERASED_CONTACT_NAME,
    phones: [],
    emails: [],
    addresses: [],
    customFields: {},
    updatedAt: now,
    version: contact.version + 1,
  };
}

/**
 * A conversation after its contact's erasure: closed (a forced erasure ends a live one now),
 * with no preview and no pending deadline; the facts reports count stay as they were.
 */
export function erasedConversation(conversation: Conversation, now: number): Conversation {
  return {
    ...conversation,
    state: 'closed',
    closedAt: conversation.closedAt ?? now,
    lastMessagePreview: null,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: now,
  };
}
