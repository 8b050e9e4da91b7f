/** The composer's `/` list of quick replies (respostas rápidas), pt-BR. */
export const ptBRQuickReplies = {
  quickReplies: {
    label: 'Respostas rápidas',
    hint: 'Respostas rápidas da equipe — ↑↓ para escolher, Enter insere, Esc fecha',
    noMatch: 'Nenhuma resposta rápida para “/{{query}}”.',
    noneForTeam: 'A equipe deste atendimento ainda não tem respostas rápidas.',
  },
};
