import type { Locale } from '../schemas/common';
import type { ChannelKind } from '../schemas/channel';

/*
 * What the contact is told automatically, in their language. The web chat widget shows these
 * as its status line and after the rating; channels without a screen of their own (WhatsApp)
 * receive them as messages. One source, so both say the same.
 */
const NOTICES = {
  'pt-BR': {
    queued: 'Aguardando um atendente…',
    csatThanks: 'Obrigado pela sua avaliação!',
    csatCommentThanks:
      'Obrigado pelo comentário! Se precisar de algo mais, é só enviar uma mensagem.',
  },
  en: {
    queued: 'Waiting for an agent…',
    csatThanks: 'Thank you for your rating!',
    csatCommentThanks:
      'Thank you for your comment! If you need anything else, just send a message.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ContactNotice = keyof (typeof NOTICES)['pt-BR'];

export function contactNotice(locale: Locale, notice: ContactNotice): string {
  return NOTICES[locale][notice];
}

/** The widget draws queue and rating states itself; other channels are sent the notice. */
export const sendsContactNotices = (kind: ChannelKind): boolean => kind !== 'webchat';
