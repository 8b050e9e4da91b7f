/** Error sentences for contact identities and hidden conversations (issue 10), in pt-BR. */
export const ptBRSecScopeErrors = {
  'address-proven':
    'Os endereços nos canais (o número do WhatsApp, o visitante do chat do site) são confirmados pelo próprio canal e não podem ser alterados aqui.',
  'phone-taken': 'O telefone {{phone}} já pertence a outro contato ({{contactName}}).',
  /** contact-busy for a conversation the agent may not read and nobody owns yet. */
  'contact-busy-someone': 'Mais alguém da empresa já está falando com este contato neste canal.',
} as const;

/** Other strings of the same work, spread at the top level. */
export const ptBRSecScope = {
  hiddenConversation: {
    servedBy: 'Em atendimento com {{name}} — peça a transferência ao supervisor.',
    someone:
      'Mais alguém da empresa já está falando com este contato — peça a transferência ao supervisor.',
  },
} as const;
