import type { ptBRQuickReplies } from './pt-BR-quick-replies';

/** The composer's `/` list of quick replies, English. */
export const enQuickReplies: typeof ptBRQuickReplies = {
  quickReplies: {
    label: 'Quick replies',
    hint: "The team's quick replies — ↑↓ to choose, Enter inserts, Esc closes",
    noMatch: 'No quick reply for “/{{query}}”.',
    noneForTeam: 'The team of this conversation has no quick replies yet.',
  },
};
