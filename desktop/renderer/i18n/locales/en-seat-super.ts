import type { ptBRSeatSuper } from './pt-BR-seat-super';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enSeatSuper: Widen<typeof ptBRSeatSuper> = {
  errorsMore: {
    openConversations:
      'This contact has open conversations. Close them first, or choose to close them.',
    attachmentTooLarge: 'The file is larger than this channel allows.',
    storeOpen:
      'The local data on this computer could not be opened. Sign out and in again; if it persists, tell support.',
  },
  supervise: {
    open: 'Open',
    openFor: 'Open the conversation with {{name}}',
    reading: 'You are monitoring this conversation of {{owner}}, read-only.',
    readingUnowned: 'You are monitoring this conversation, read-only.',
    joinHint: 'Join the conversation to write; {{owner}} stays in charge.',
    join: 'Join the conversation',
    joined: 'You joined the conversation',
    transfer: 'Transfer',
    sendBackTitle: 'Send the conversation with {{name}} back to the queue?',
    sendBackBody:
      '{{owner}} will no longer serve this contact, who goes back to the {{team}} queue.',
    sendBackBodyUnowned: 'The conversation goes back to the {{team}} queue.',
    withRole: '{{name}} ({{role}})',
    role: { supervisor: 'supervisor', admin: 'admin' },
    lostTitle: 'A conversation was taken from you',
    lost: {
      reassigned: '{{by}} reassigned this conversation to {{agent}}.',
      transferredToAgent: '{{by}} transferred this conversation to {{agent}} ({{team}} team).',
      transferred: '{{by}} transferred this conversation to the {{team}} queue.',
      sentBack: '{{by}} sent this conversation back to the {{team}} queue.',
      forceClosed: '{{by}} closed this conversation from monitoring.',
    },
    lostWithContact: '{{contact}}: {{text}}',
    system: {
      transferredBy: '{{by}} transferred to {{target}}',
      transferredFrom: '{{by}} transferred from {{from}} to {{target}}',
      note: ' — "{{note}}"',
      reassignedFrom: '{{by}} reassigned from {{from}} to {{target}}',
      participantJoined: '{{agent}} joined the conversation',
    },
  },
};
