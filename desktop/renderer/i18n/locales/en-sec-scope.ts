import type { SecScopeErrorMessages, SecScopeMessages } from './pt-BR';

/** Error sentences for contact identities and hidden conversations (issue 10), in English. */
export const enSecScopeErrors: SecScopeErrorMessages = {
  'address-proven':
    'Channel addresses (the WhatsApp number, the web chat visitor) are confirmed by the channel itself and cannot be changed here.',
  'phone-taken': 'The phone {{phone}} already belongs to another contact ({{contactName}}).',
  'contact-busy-someone':
    'Someone else in the company is already talking with this contact on this channel.',
};

/** Other strings of the same work, spread at the top level. */
export const enSecScope: SecScopeMessages = {
  hiddenConversation: {
    servedBy: 'Being served by {{name}} — ask a supervisor to transfer it.',
    someone:
      'Someone else in the company is already talking with this contact — ask a supervisor to transfer it.',
  },
};
