import type { SeatWaMessages } from './pt-BR';

/** WhatsApp numbers and starting conversations, in English. */
export const enSeatWa: SeatWaMessages = {
  seatWa: {
    otherNumber:
      'The contact wrote to another number {{ago}} ago; from this number a template is required.',
    team: 'Team of the conversation',
    teamHint: 'You belong to more than one team: choose this conversation’s.',
    checking: 'Checking whether the contact is free on this channel…',
    unavailable: '{{channel}} — {{reason}}',
    channelHint: 'Channels this contact cannot be reached on are disabled, with the reason.',
    reason: {
      phone: 'the contact has no phone',
      'webchat-visitor': 'the contact never used the web chat',
      email: 'the contact has no e-mail',
      'channel-address': 'the contact never wrote on this channel',
      'inbound-only-channel': 'inbound-only: it only answers',
      'channel-archived': 'archived channel',
    },
  },
};
