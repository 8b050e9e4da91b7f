import type { SeatMessages } from './pt-BR';

export const enSeat: SeatMessages = {
  seat: {
    assignTag: 'Assign tag',
    headerTags: 'Conversation tags',
    bot: 'Bot',
    botChoice: 'Menu option: {{label}}',
    noConnection: 'No connection',
    noConnectionHint:
      'Your connection to the server is down; you receive no conversations until it is back.',
    agentPresence: '{{name}} ({{presence}})',
    participants: 'Collaborators in this conversation',
    noParticipants: 'Nobody has been invited yet.',
    removeParticipant: 'Remove {{name}}',
    participantRemoved: 'Collaborator removed',
    leave: 'Leave the conversation',
    left: 'You left the conversation',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    templateLanguage: 'Language: {{language}}',
    prefilledName: "Filled in with the contact's name",
  },
};
