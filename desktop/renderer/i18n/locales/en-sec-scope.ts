import type { SecScopeErrorMessages } from './pt-BR';

/** Error sentences for contact identities (issue 10), in English; spread into `errors`. */
export const enSecScopeErrors: SecScopeErrorMessages = {
  'address-proven':
    'Channel addresses (the WhatsApp number, the web chat visitor) are confirmed by the channel itself and cannot be changed here.',
  'phone-taken': 'The phone {{phone}} already belongs to another contact ({{contactName}}).',
};
